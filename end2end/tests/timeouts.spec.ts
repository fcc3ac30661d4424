import { test, expect, Request } from '@playwright/test';
import { openApp } from './helpers';

// A captive Wi-Fi or a dead link swallows requests: they hang instead of being refused. Each
// page must give up after the app's read timeout (10 s) and offer to try again. The service
// worker is kept out of the way so that the page's own requests are what hangs.
test.use({ serviceWorkers: 'block' });

const GUIDE = '11990100GAHZ070001000';
const APPLY_SERVICE = '11990100GAHZ200006000';

test('with requests hanging, every page the app fetches reaches its retry state within the timeout', async ({ context }) => {
  test.setTimeout(90_000);
  // Public pages arrive with their data as HTML; what the app fetches itself are the personal
  // pages: booking a visit (the service's guide and the free slots) and an application step.
  await context.route('**/api/**', () => {
    // Never answered.
  });
  const direct = async (path: string) => {
    const page = await context.newPage();
    await page.goto(path);
    return page;
  };
  const booking = await direct(`/services/${GUIDE}/appointment`);
  const pages = [booking, await direct(`/apply/${APPLY_SERVICE}/d-hang/notice`)];
  await Promise.all(
    pages.map(async (page) => {
      await expect(page.getByText('正在加载')).toBeVisible();
      const alert = page.getByRole('alert');
      // Timeout plus a margin for a slow machine; well below "forever".
      await expect(alert).toContainText('网络连接失败', { timeout: 20_000 });
      await expect(alert.getByRole('button', { name: '重试' })).toBeVisible();
    }),
  );

  // Once the network answers again, the retry button loads the page.
  await context.unroute('**/api/**');
  await booking.getByRole('button', { name: '重试' }).click();
  await expect(booking.getByRole('alert')).toHaveCount(0);
  await expect(booking.getByRole('heading', { name: '预约办理' })).toBeVisible();
});

test('leaving a page cancels the request it was waiting for', async ({ page }) => {
  const guidePath = `/api/services/${GUIDE}`;
  await page.route(`**${guidePath}`, () => {
    // Never answered: the booking page stays loading until the citizen leaves.
  });
  const failed: Request[] = [];
  page.on('requestfailed', (r) => {
    if (new URL(r.url()).pathname === guidePath) failed.push(r);
  });
  // A page the app draws and fetches itself; the header's link home is followed inside the app.
  await openApp(page, `/services/${GUIDE}/appointment`);
  await expect(page.getByText('正在加载')).toBeVisible();

  await page.getByRole('link', { name: '政务服务网上办事' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect.poll(() => failed.length).toBe(1);
  expect(failed[0].failure()?.errorText).toContain('ERR_ABORTED');
});
