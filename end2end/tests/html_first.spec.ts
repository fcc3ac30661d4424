import { test, expect } from '@playwright/test';
import { waitForApp } from './helpers';

const ID_CARD = '11990100GAHZ070001000';

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('a guide, the search and a checklist are readable as plain HTML', async ({ page }) => {
    await page.goto(`/services/${ID_CARD}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('居民身份证');
    await expect(page.getByRole('heading', { name: '申请材料' })).toBeVisible();
    await expect(page.getByRole('region', { name: '事项概要' }).getByText('承诺时限')).toBeVisible();

    // The search form asks the server, which answers with results.
    await page.goto('/services');
    await page.getByLabel('搜索办事事项').fill('身份证');
    await page.getByLabel('搜索办事事项').press('Enter');
    await expect(page).toHaveURL(/\/services\?q=/);
    await expect(page.getByRole('link', { name: /居民身份证申领/ }).first()).toBeVisible();
    await page.getByRole('link', { name: /居民身份证申领/ }).first().click();
    await expect(page).toHaveURL(new RegExp(`/services/${ID_CARD}$`));

    await page.goto(`/checklists/${ID_CARD}?s=first,adult`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('居民身份证');
    await expect(page.locator('.ticks li').first()).toBeVisible();
  });
});

test('what a citizen typed or ticked before the app arrived is still there after it takes over', async ({ page }) => {
  // Hold the app back, as a slow link would, while the server's HTML is already readable.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });

  await page.goto('/services');
  await page.getByLabel('搜索办事事项').fill('身份证');
  release();
  await waitForApp(page);
  await expect(page.getByLabel('搜索办事事项')).toHaveValue('身份证');
  await expect(page).toHaveURL(/\/services\?q=/);
  await expect(page.locator('.service-list').getByRole('link', { name: /结婚登记/ })).toHaveCount(0);

  // A tick made before the app took over the checklist is kept, and remembered on the device.
  let releaseAgain: () => void = () => {};
  const heldAgain = new Promise<void>((resolve) => (releaseAgain = resolve));
  await page.unroute('**/*.wasm');
  await page.route('**/*.wasm', async (route) => {
    await heldAgain;
    await route.continue();
  });
  await page.goto(`/checklists/${ID_CARD}?s=first,adult`);
  const first = page.locator('.ticks input[type=checkbox]').first();
  await first.check();
  releaseAgain();
  await waitForApp(page);
  await expect(first).toBeChecked();
  await page.unroute('**/*.wasm');
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('.ticks input[type=checkbox]').first()).toBeChecked();
});
