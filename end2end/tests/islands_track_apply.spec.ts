import { test, expect } from '@playwright/test';
import { expectAccessible, openApp, waitForApp } from './helpers';
import { createCase } from './cases';

// /track and /apply arrive as HTML and load the small islands bundle: the look-up form, my
// cases and the drafts are islands; the search and 开始申报 are plain forms.

const APPLY_SERVICE = '11990100GAHZ200006000';

test('a case typed into the look-up form before the islands arrive is looked up once they have', async ({ page, request }) => {
  const c = await createCase(request);
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/track');
  await page.getByLabel('办件编号').fill(c.case_number);
  await page.getByLabel('查询码').fill(c.query_code);
  release();
  await waitForApp(page);
  await expect(page.getByLabel('办件编号')).toHaveValue(c.case_number);
  await expect(page.getByLabel('查询码')).toHaveValue(c.query_code);
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/track/${c.case_number}$`));
  await expect(page.locator('.status-big')).toHaveText('待受理');
  // Back on /track, the case is in my cases, drawn from the device.
  await openApp(page, '/track');
  await expect(page.locator('.my-case')).toContainText(c.case_number);
  await expectAccessible(page);
});

test('开始申报 opens a new draft whose id replaces "new" in the address', async ({ page }) => {
  await openApp(page, `/apply/${APPLY_SERVICE}`);
  await page.getByRole('button', { name: '开始申报' }).click();
  await expect(page.getByRole('heading', { name: '告知承诺和个人信息保护' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/apply/${APPLY_SERVICE}/d[0-9a-f]+/notice$`));
  // The back button returns to the start page, not to a page that would make another draft.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/apply/${APPLY_SERVICE}$`));
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the services to apply for are searched by the server; the look-up form puts no code in the address', async ({ page }) => {
    await page.goto('/apply');
    await page.getByLabel('搜索可在线申报的事项').fill('无犯罪');
    await page.getByLabel('搜索可在线申报的事项').press('Enter');
    await expect(page).toHaveURL(/\/apply\?q=/);
    await expect(page.locator('.service-list').getByRole('link', { name: /无犯罪记录证明开具/ })).toBeVisible();
    await expect(page.locator('.service-list').getByRole('link', { name: /结婚登记/ })).toHaveCount(0);

    await page.goto('/track');
    await page.getByLabel('办件编号').fill('2026113000001');
    await page.getByLabel('查询码').fill('ABCD2345');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    expect(page.url()).not.toContain('ABCD2345');
  });
});
