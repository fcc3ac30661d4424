import { test, expect, chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadThroughServiceWorker, openApp } from './helpers';

// Installable: the manifest names PNG icons of 192 and 512 px and a maskable one, a service
// worker controls the page, and Chromium's own installability check finds nothing missing.

test('the portal is installable: manifest, icons and service worker', async ({}, testInfo) => {
  // Chromium offers no install in a throwaway (incognito) profile: this test has a real one.
  const profile = mkdtempSync(join(tmpdir(), 'portal-install-'));
  const use = testInfo.project.use;
  const context = await chromium.launchPersistentContext(profile, {
    ...use.launchOptions,
    baseURL: use.baseURL,
    viewport: use.viewport,
    locale: use.locale,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await openApp(page, '/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const res = await page.request.get(href!);
    expect(res.headers()['content-type']).toContain('application/manifest+json');
    const manifest = await res.json();
    expect(manifest.name).toBe('政务服务网上办事');
    expect(manifest.short_name).toBeTruthy();
    expect(manifest.display).toBe('standalone');
    expect(manifest.start_url).toBe('/');

    type Icon = { src: string; sizes: string; type: string; purpose?: string };
    const icons: Icon[] = manifest.icons;
    const wanted = [
      { size: 192, purpose: 'any' },
      { size: 512, purpose: 'any' },
      { size: 512, purpose: 'maskable' },
    ];
    for (const { size, purpose } of wanted) {
      const icon = icons.find(
        (i) => i.type === 'image/png' && i.sizes === `${size}x${size}` && (i.purpose ?? 'any').split(' ').includes(purpose),
      );
      expect(icon, `${size} ${purpose}`).toBeTruthy();
      // The file is a PNG of the size it claims.
      const natural = await page.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        return [img.naturalWidth, img.naturalHeight];
      }, icon!.src);
      expect(natural).toEqual([size, size]);
    }

    await loadThroughServiceWorker(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
