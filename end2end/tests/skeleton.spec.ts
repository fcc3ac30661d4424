import { test, expect } from '@playwright/test';
import { expectAccessible, openApp } from './helpers';

test('home shows the four entry points and finds services as you type', async ({ page }) => {
  await openApp(page, '/');
  for (const name of ['办事指南', '一次性告知清单', '在线申报', '办件查询']) {
    await expect(page.getByRole('link', { name: new RegExp(name) }).first()).toBeVisible();
  }
  await expectAccessible(page);

  await page.getByLabel('搜索办事事项').fill('身份证');
  const results = page.getByRole('region', { name: '搜索结果' });
  await expect(results.getByRole('link', { name: /居民身份证/ }).first()).toBeVisible();
  // Services that have nothing to do with 身份证 are filtered out.
  await expect(results.getByRole('link', { name: /结婚登记/ })).toHaveCount(0);
  await expectAccessible(page);
});

test('a guide shows its materials, time limit and fee', async ({ page }) => {
  await openApp(page, '/services?q=身份证');
  await expect(page.getByLabel('搜索办事事项')).toHaveValue('身份证');
  await page.getByRole('link', { name: /居民身份证/ }).first().click();
  await expect(page).toHaveURL(/\/services\/[^?]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('身份证');
  const summary = page.getByRole('region', { name: '事项概要' });
  await expect(summary.getByText('承诺时限')).toBeVisible();
  await expect(summary.getByText(/个工作日|日（自然日）|当场办结/)).toBeVisible();
  await expect(summary.getByText('收费')).toBeVisible();
  await expect(summary.getByText(/元|不收费/)).toBeVisible();
  await expect(page.getByRole('heading', { name: '申请材料' })).toBeVisible();
  await expect(page.locator('#materials li').first()).toBeVisible();
  await expectAccessible(page);
});

test('with the backend unreachable, a clear message and a working retry appear', async ({ page }) => {
  // The list and the guide arrive as HTML from the server; the booking page opened from the
  // guide is drawn by the app, which fetches the guide and the free times.
  await openApp(page, '/services?q=身份证');
  await page.getByRole('link', { name: /居民身份证申领/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('居民身份证');
  // On the context, so that the service worker's own fetches are refused too.
  await page.context().route('**/api/**', (route) => route.abort('connectionrefused'));
  await page.getByRole('link', { name: '预约办理' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('网络连接失败');
  await expectAccessible(page);

  await page.context().unroute('**/api/**');
  await alert.getByRole('button', { name: '重试' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: '预约办理' })).toBeVisible();
});

test('an unknown address says so instead of a blank page', async ({ page }) => {
  await openApp(page, '/no-such-page');
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await expectAccessible(page);
});

test('长辈版 enlarges the text, is remembered, and stays accessible', async ({ page }) => {
  await openApp(page, '/services/11990100GAHZ070001000');
  // The guide's heading arrives with its data, after the app itself.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('居民身份证');
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('h1')!).fontSize));
  const before = await size();
  await page.getByRole('button', { name: '长辈版（大字）' }).click();
  await expect(page.getByRole('button', { name: '长辈版（大字）' })).toHaveAttribute('aria-pressed', 'true');
  expect(await size()).toBeGreaterThan(before * 1.2);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await size()).toBeGreaterThan(before * 1.2);
  await expectAccessible(page);
  // Keyboard: the skip link is the first stop and jumps to the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '跳到主要内容' })).toBeFocused();
});
