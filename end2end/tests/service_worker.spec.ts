import { test, expect, Page } from '@playwright/test';
import { expectAccessible, goOffline, goOnline, openApp } from './helpers';

// public/sw.js: the app is saved when the worker installs (so the very first visit already
// works offline), and the files of an older deploy are dropped once a page names new ones.

const SHELL_CACHE = 'portal-shell-v2';
const ASSET_CACHE = 'portal-assets-v1';

/** The hashed files (js, wasm, css) the page loaded, by file name. */
async function namedAssets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const hashed = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;
    const urls = performance.getEntriesByType('resource').map((e) => e.name);
    return [...new Set(urls.map((u) => new URL(u).pathname.slice(1)).filter((n) => hashed.test(n)))].sort();
  });
}

async function cached(page: Page, cache: string): Promise<string[]> {
  return page.evaluate(async (name) => {
    const c = await caches.open(name);
    return (await c.keys()).map((r) => new URL(r.url).pathname).sort();
  }, cache);
}

/** Waits until the worker is active and has saved the shell and every file the page names. */
async function waitUntilSaved(page: Page, assets: string[]) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect
    .poll(async () => {
      const saved = await cached(page, ASSET_CACHE);
      const shell = await cached(page, SHELL_CACHE);
      return shell.includes('/') && assets.every((a) => saved.includes('/' + a));
    }, { timeout: 20_000 })
    .toBe(true);
}

test('the first visit saves the app when the worker installs: a page never opened renders offline', async ({ page, context }) => {
  await openApp(page, '/');
  const assets = await namedAssets(page);
  // The wasm, its loader and the stylesheet at least.
  expect(assets.some((a) => a.endsWith('.wasm'))).toBe(true);
  expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
  expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
  // No reload: the install step saved them, not a second visit through the worker.
  await waitUntilSaved(page, assets);

  await goOffline(context);
  await page.goto('/track');
  await expect(page.getByLabel('办件编号')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByLabel('查询码')).toBeVisible();
  await expectAccessible(page);
  await goOnline(context);
});

test('after a deploy, files the new page no longer names are dropped from the device', async ({ page }) => {
  await openApp(page, '/');
  const assets = await namedAssets(page);
  await waitUntilSaved(page, assets);

  // What an older deploy left behind: its own hashed loader, wasm and stylesheet.
  const old = ['/portal-00000000deadbeef.js', '/portal-00000000deadbeef_bg.wasm', '/main-00000000deadbeef.css'];
  await page.evaluate(
    async ([name, files]) => {
      const c = await caches.open(name as string);
      for (const f of files as string[]) await c.put(f, new Response('old deploy'));
    },
    [ASSET_CACHE, old],
  );
  expect(await cached(page, ASSET_CACHE)).toEqual(expect.arrayContaining(old));

  // The next page load brings the current index.html, which names only the current files.
  await page.reload();
  await expect
    .poll(async () => {
      const saved = await cached(page, ASSET_CACHE);
      return old.filter((f) => saved.includes(f));
    }, { timeout: 15_000 })
    .toEqual([]);
  const saved = await cached(page, ASSET_CACHE);
  expect(saved).toEqual(expect.arrayContaining(assets.map((a) => '/' + a)));
});
