import { test, expect } from '@playwright/test';
import { expectAccessible, goOffline, goOnline, loadThroughServiceWorker, openApp } from './helpers';

// A checklist and a bundle's guide are server-rendered pages whose answers' part is an island:
// the answers work without JavaScript (a GET form), and with it they redraw the page in place,
// also offline, with no complaint from the islands bundle.

const ID_CARD = '11990100GAHZ070001000';

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the answers are a form the server answers', async ({ page }) => {
    await page.goto(`/checklists/${ID_CARD}`);
    await expect(page.getByText('请先回答上面的问题')).toBeVisible();
    await page.getByLabel('丢失补领').check();
    await page.getByLabel('已满十六周岁').check();
    await page.getByRole('button', { name: '按所选情形查看' }).click();
    await expect(page).toHaveURL(/type=lost&age=adult/);
    await expect(page.getByLabel('丢失补领')).toBeChecked();
    await expect(page.getByText('每证40元')).toBeVisible();
    await expect(page.locator('.ticks li').first()).toBeVisible();

    await page.goto('/bundles/restaurant');
    await page.getByLabel('已经领取营业执照（只办食品经营许可）').check();
    await page.getByRole('button', { name: '按所选情形查看' }).click();
    await expect(page.locator('#bundle-limits li')).toHaveCount(1);
    await expect(page.locator('#bundle-limits')).toContainText('食品经营许可');
  });
});

test('with the islands live the answers redraw in place, also offline, without warnings', async ({ page, context }) => {
  const complaints: string[] = [];
  page.on('console', (m) => {
    // Offline, the QR code's request fails as it should: that is the network, not the page.
    if ((m.type() === 'error' || m.type() === 'warning') && !m.text().startsWith('Failed to load resource')) {
      complaints.push(m.text());
    }
  });
  page.on('pageerror', (e) => complaints.push(e.message));

  await openApp(page, `/checklists/${ID_CARD}?s=first,adult`);
  // The form's button is for pages without JavaScript only.
  await expect(page.getByRole('button', { name: '按所选情形查看' })).toBeHidden();
  await page.locator('.tick input').first().check();
  await loadThroughServiceWorker(page);

  await goOffline(context);
  await page.reload();
  await expect(page.locator('.tick input').first()).toBeChecked();
  await page.getByLabel('丢失补领').check();
  await expect(page).toHaveURL(/s=lost,adult/);
  await expect(page.getByText('每证40元')).toBeVisible();
  await expect(page.locator('#share-link')).toHaveValue(/\/checklists\/11990100GAHZ070001000\?s=lost,adult$/);
  await goOnline(context);

  await openApp(page, '/bundles/newborn');
  await expect(page.locator('#bundle-limits li')).toHaveCount(2);
  await page.getByLabel('同时申领社会保障卡').check();
  await expect(page).toHaveURL(/\/bundles\/newborn\?s=card-yes$/);
  await expect(page.locator('#bundle-limits li')).toHaveCount(3);
  await expectAccessible(page);
  expect(complaints).toEqual([]);
});
