import { BrowserContext, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Fails the test on any axe violation of the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, 'axe violations').toEqual([]);
}

/** Opens a page and waits until the app runs in it: public pages arrive as HTML from the
 *  server, and only answer to typing and clicks once the wasm has taken them over. */
export async function openApp(page: Page, path: string) {
  await page.goto(path);
  await waitForApp(page);
}

/** Trunk's loader sets `wasmBindings` once the wasm has started, which hydrates the page. */
export async function waitForApp(page: Page) {
  await page.waitForFunction(() => (window as any).wasmBindings !== undefined);
  await expect(page.locator('.toolbar')).toBeVisible();
}

/** Waits until the service worker controls the page, then reloads once through it, so what the
 *  page shows is saved on the device. */
export async function loadThroughServiceWorker(page: Page) {
  const controlled = () => navigator.serviceWorker?.controller != null;
  await page.waitForFunction(controlled, null, { timeout: 15_000 }).catch(async () => {
    await page.reload();
    await page.waitForFunction(controlled);
  });
  await page.reload();
}

/** Cuts the network for the page and for its service worker alike: Playwright's `setOffline`
 *  alone does not stop the worker's own fetches on every Chromium, so the test would get fresh
 *  copies from the network and never test offline. `hang` makes requests hang instead of being
 *  refused, as on a captive Wi-Fi. */
export async function goOffline(context: BrowserContext, how: 'refuse' | 'hang' = 'refuse') {
  await context.route('**/*', (route) => {
    if (how === 'refuse') return route.abort('internetdisconnected');
    // Never answered.
  });
  if (how === 'refuse') await context.setOffline(true);
}

export async function goOnline(context: BrowserContext) {
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.setOffline(false);
}
