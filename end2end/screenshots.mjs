// Takes phone-sized screenshots of the given paths: node screenshots.mjs <base> <outdir> <path>...
import { chromium } from '@playwright/test';

const [base, out, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
for (const [i, p] of paths.entries()) {
  await page.goto(base + p);
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `${out}/${i}.png`, fullPage: process.env.FULL === '1' });
}
await browser.close();
