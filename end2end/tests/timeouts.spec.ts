import { test, expect, Request } from '@playwright/test';

// A captive Wi-Fi or a dead link swallows requests: they hang instead of being refused. Each
// page must give up after the app's read timeout (10 s) and offer to try again. The service
// worker is kept out of the way so that the page's own requests are what hangs.
test.use({ serviceWorkers: 'block' });

const GUIDE = '11990100GAHZ070001000';
const APPLY_SERVICE = '11990100GAHZ200006000';

test('with requests hanging, every page reaches its retry state within the timeout', async ({ context }) => {
  test.setTimeout(90_000);
  await context.route('**/api/**', () => {
    // Never answered.
  });
  const pages = ['/services', `/services/${GUIDE}`, '/checklists', `/checklists/${GUIDE}`, `/apply/${APPLY_SERVICE}/d-hang/notice`];
  await Promise.all(
    pages.map(async (path) => {
      const page = await context.newPage();
      await page.goto(path);
      await expect(page.getByText('正在加载')).toBeVisible();
      const alert = page.getByRole('alert');
      // Timeout plus a margin for a slow machine; well below "forever".
      await expect(alert, path).toContainText('网络连接失败', { timeout: 20_000 });
      await expect(alert.getByRole('button', { name: '重试' })).toBeVisible();
    }),
  );

  // Once the network answers again, the retry button loads the page.
  await context.unroute('**/api/**');
  const page = context.pages()[context.pages().length - 1];
  await page.getByRole('button', { name: '重试' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('leaving a page cancels the request it was waiting for', async ({ page }) => {
  const guidePath = `/api/services/${GUIDE}`;
  await page.route(`**${guidePath}`, () => {
    // Never answered: the guide stays loading until the citizen leaves.
  });
  const failed: Request[] = [];
  page.on('requestfailed', (r) => {
    if (new URL(r.url()).pathname === guidePath) failed.push(r);
  });
  await page.goto(`/services?q=${encodeURIComponent('居民身份证')}`);
  await page.getByRole('link', { name: /居民身份证申领/ }).first().click();
  await expect(page).toHaveURL(new RegExp(`/services/${GUIDE}$`));
  await expect(page.getByText('正在加载')).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/\/services\?q=/);
  await expect.poll(() => failed.length).toBe(1);
  expect(failed[0].failure()?.errorText).toContain('ERR_ABORTED');
});
