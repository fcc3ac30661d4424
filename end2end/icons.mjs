// Draws the app's PNG icons from public/favicon.svg with Chromium (the glyph is text, so it needs
// the CJK font a browser has): node icons.mjs, from end2end/. Writes public/icon-192.png,
// public/icon-512.png and public/icon-maskable-512.png, which are committed; run again when the
// favicon changes.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const publicDir = new URL('../public/', import.meta.url);
const favicon = readFileSync(new URL('favicon.svg', publicDir), 'utf8');
// A maskable icon is cut to any shape inside its inner 80% circle: full-bleed background, glyph
// shrunk to fit that safe zone.
const maskable = favicon
  .replace(/ rx="[^"]*"/, '')
  .replace(/<text /, '<text transform="translate(32 32) scale(0.7) translate(-32 -32)" ');

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const [svg, size, name] of [
  [favicon, 192, 'icon-192.png'],
  [favicon, 512, 'icon-512.png'],
  [maskable, 512, 'icon-maskable-512.png'],
]) {
  await page.setViewportSize({ width: size, height: size });
  const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<html><body style="margin:0">${sized}</body></html>`);
  await page.locator('svg').screenshot({
    path: new URL(name, publicDir).pathname,
    omitBackground: true,
  });
}
await browser.close();
