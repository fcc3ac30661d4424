import { test, expect, Page } from '@playwright/test';
import { createCase, staff } from './cases';
import { expectAccessible, openApp, waitForApp } from './helpers';

// The catalog's public pages (home, /services, a guide, performance, publications) load the small
// islands bundle, not the app: only their interactive parts run code in the browser.

const ID_CARD = '11990100GAHZ070001000';

/** Collects what the page says in the console about its islands. */
function islandComplaints(page: Page): string[] {
  const said: string[] = [];
  page.on('console', (msg) => {
    if (['warning', 'error'].includes(msg.type())) said.push(msg.text());
  });
  page.on('pageerror', (e) => said.push(e.message));
  return said;
}

for (const path of ['/', '/services', `/services/${ID_CARD}`, `/performance/services/${ID_CARD}`, '/performance/departments/%E5%B8%82%E5%85%AC%E5%AE%89%E5%B1%80', '/publications']) {
  test(`${path} loads the islands bundle and takes over every island on it`, async ({ page }) => {
    const said = islandComplaints(page);
    const wasm: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname);
    });
    await openApp(page, path);
    expect(wasm.length).toBeGreaterThan(0);
    expect(wasm.every((p) => p.startsWith('/islands-')), wasm.join(', ')).toBe(true);
    // 长辈版 and the language switch are islands on every page.
    await page.getByRole('button', { name: '长辈版（大字）' }).click();
    await expect(page.getByRole('button', { name: '长辈版（大字）' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: '长辈版（大字）' }).click();
    expect(said.filter((s) => /island|panicked|unreachable/i.test(s))).toEqual([]);
  });
}

test('the home page shows the first results as you type, from the server', async ({ page }) => {
  await openApp(page, '/');
  const results = page.getByRole('region', { name: '搜索结果' });
  await expect(results).toHaveCount(0);
  await page.getByLabel('搜索办事事项').fill('结婚');
  await expect(results.getByRole('link', { name: /结婚登记/ }).first()).toBeVisible();
  await expect(results.getByRole('link', { name: /居民身份证/ })).toHaveCount(0);
  await expect(results.getByRole('link', { name: '查看全部搜索结果' })).toHaveAttribute('href', /\/services\?q=%E7%BB%93%E5%A9%9A/);
  await expectAccessible(page);
  // Enter asks the server for the whole list.
  await page.getByLabel('搜索办事事项').press('Enter');
  await expect(page).toHaveURL(/\/services\?q=%E7%BB%93%E5%A9%9A/);
  await expect(page.getByLabel('搜索办事事项')).toHaveValue('结婚');
});

test('"show more" on a long list is a link the server answers', async ({ page }) => {
  await openApp(page, '/services');
  const rows = page.locator('.service-list li');
  const first = await rows.count();
  const more = page.getByRole('link', { name: '显示更多' });
  test.skip((await more.count()) === 0, 'the seeded catalog fits on one page');
  await more.click();
  await expect(page).toHaveURL(/n=\d+/);
  expect(await rows.count()).toBeGreaterThan(first);
});

test('the language switch keeps the choice on the device', async ({ page }) => {
  await openApp(page, `/services/${ID_CARD}`);
  // The server names the page (nothing in the browser redraws it).
  await expect(page).toHaveTitle('居民身份证申领、换领、补领 - 政务服务网上办事');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(new RegExp(`/services/${ID_CARD}\\?lang=en`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const cookie = (await page.context().cookies()).find((c) => c.name === 'portal_lang');
  expect(cookie?.value).toBe('en');
});

test('the home page says when a case kept on this device has moved, learnt once the page is live', async ({ page, request }) => {
  const c = await createCase(request);
  await openApp(page, '/');
  await expect(page.getByRole('link', { name: /我的办件/ }).filter({ hasText: '有新进展' })).toHaveCount(0);
  // The case as a look-up on this phone left it: seen as submitted.
  await page.evaluate((mine) => localStorage.setItem('portal.my_cases', JSON.stringify([mine])), {
    case_number: c.case_number,
    query_code: c.query_code,
    service_name: c.service.name,
    status: 'submitted',
    seen_status: 'submitted',
  });
  await staff(request, c.case_number, { action: 'accept', handler: '李受理' });
  await page.reload();
  await waitForApp(page);
  const news = page.getByRole('link', { name: /我的办件：1 件有新进展/ });
  await expect(news).toBeVisible();
  await expectAccessible(page);
  await news.click();
  await expect(page).toHaveURL(/\/track$/);
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the filters are part of the search form the server answers', async ({ page }) => {
    await page.goto('/services');
    await page.getByText('筛选').click();
    await page.getByLabel('服务对象').selectOption('legal_person');
    await page.getByLabel('搜索办事事项').fill('登记');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page).toHaveURL(/aud=legal_person/);
    await expect(page).toHaveURL(/q=%E7%99%BB%E8%AE%B0/);
    await expect(page.getByLabel('服务对象')).toHaveValue('legal_person');
    await expect(page.locator('.service-name').first()).toBeVisible();
    await expect(page.getByRole('link', { name: /结婚登记/ })).toHaveCount(0);
  });
});

test('where the app draws the pages (after a personal page), the same islands work', async ({ page }) => {
  await openApp(page, `/services/${ID_CARD}/appointment`);
  await expect(page.getByRole('heading', { level: 1, name: '预约办理' })).toBeVisible();
  // The site title: the app draws the home page itself.
  await page.locator('.site-title').click();
  await expect(page).toHaveURL(/\/$/);
  await page.getByLabel('搜索办事事项').fill('结婚');
  const results = page.getByRole('region', { name: '搜索结果' });
  await expect(results.getByRole('link', { name: /结婚登记/ }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'English' })).toHaveAttribute('href', /lang=en/);
  await page.getByRole('link', { name: /办事指南/ }).first().click();
  await page.getByLabel('搜索办事事项').fill('身份证');
  await expect(page).toHaveURL(/\/services\?q=/);
  await expect(page.locator('.service-list').getByRole('link', { name: /结婚登记/ })).toHaveCount(0);
  await expect(page.locator('.service-list').getByRole('link', { name: /居民身份证申领/ }).first()).toBeVisible();
});
