import { test, expect } from '@playwright/test';
import { expectAccessible, goOffline, goOnline, loadThroughServiceWorker, openApp } from './helpers';

const ID_CARD = '11990100GAHZ070001000';

test('the guide says a statutory limit in its unit, with the article that sets it', async ({ page }) => {
  await openApp(page, `/services/${ID_CARD}`);
  const limits = page.locator('#limits');
  await expect(limits).toContainText('60 日（自然日）');
  await expect(limits).toContainText('《中华人民共和国居民身份证法》第十二条');
  await expect(limits).toContainText('10 个工作日');
});

test('search finds services by alias, pinyin initials and department, ranked sensibly', async ({ page }) => {
  await openApp(page, '/services');
  const search = page.getByLabel('搜索办事事项');
  const first = page.locator('.service-list li').first();

  await search.fill('营业执照');
  await expect(page.getByRole('link', { name: /个体工商户设立登记/ })).toBeVisible();

  await search.fill('sfz');
  await expect(first).toContainText('居民身份证');

  await search.fill('民政');
  await expect(page.getByRole('link', { name: /结婚登记/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /居民身份证/ })).toHaveCount(0);

  await search.fill('没有这种事项');
  await expect(page.getByText('没有找到相关事项')).toBeVisible();
  await expectAccessible(page);
});

test('filters and the query live in the URL: a shared link shows the same results and Back works', async ({ page }) => {
  await openApp(page, '/services');
  await page.getByText('筛选').click();
  await page.getByLabel('服务对象').selectOption('legal_person');
  await expect(page).toHaveURL(/aud=legal_person/);
  await page.getByLabel('可在线申报').check();
  await expect(page).toHaveURL(/online=1/);
  const names = await page.locator('.service-name').allTextContents();
  expect(names.length).toBeGreaterThan(0);
  expect(names).not.toContain('居民身份证申领、换领、补领');
  await expectAccessible(page);

  const shared = page.url();
  const other = await page.context().newPage();
  await other.goto(shared);
  await expect(other.locator('.service-name').first()).toBeVisible();
  expect(await other.locator('.service-name').allTextContents()).toEqual(names);
  await other.close();

  await page.goBack();
  await expect(page).not.toHaveURL(/online=1/);
  await expect(page).toHaveURL(/aud=legal_person/);
});

test('a checklist answers the situation first, keeps ticks after a reload, and prints everything', async ({ page }) => {
  await openApp(page, `/checklists/${ID_CARD}`);
  await expect(page.getByText('请先回答上面的问题')).toBeVisible();
  await page.getByLabel('首次申领').check();
  await page.getByLabel('已满十六周岁').check();
  const firstTime = await page.locator('.tick .material-name').allTextContents();
  await expect(page.getByText('工本费').first()).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('丢失补领').check();
  await expect(page).toHaveURL(/s=lost/);
  const lost = await page.locator('.tick .material-name').allTextContents();
  expect(lost).not.toEqual(firstTime);

  const box = page.locator('.tick input').first();
  await box.check();
  await page.reload();
  await expect(page.locator('.tick input').first()).toBeChecked();

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('button', { name: '打印清单' })).toBeHidden();
  for (const h of ['需要准备的材料', '受理条件', '时限和收费', '办理地点和时间', '不予受理情形', '救济途径']) {
    await expect(page.getByRole('heading', { name: h })).toBeVisible();
  }
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('img.qr')).toBeVisible();
  const qr = await page.request.get(await page.locator('img.qr').getAttribute('src') ?? '');
  expect(qr.headers()['content-type']).toContain('image/svg+xml');
});

test('browse lists by department and by theme', async ({ page }) => {
  await openApp(page, '/checklists');
  await expect(page.getByRole('heading', { name: '市公安局', exact: true })).toBeVisible();
  await page.getByRole('link', { name: '按主题' }).click();
  await expect(page.getByRole('heading', { name: '出生', exact: true })).toBeVisible();
  await expectAccessible(page);
});

test('a guide opened once stays readable with the network off, marked as a saved copy', async ({ page, context }) => {
  await openApp(page, `/services/${ID_CARD}`);
  await expect(page.getByRole('heading', { name: '申请材料' })).toBeVisible();
  await loadThroughServiceWorker(page);
  await expect(page.getByRole('heading', { name: '申请材料' })).toBeVisible();

  await goOffline(context);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('居民身份证');
  await expect(page.getByText(/保存的副本/)).toBeVisible();
  await expect(page.getByRole('heading', { name: '申请材料' })).toBeVisible();
  await goOnline(context);
});

test('on a network that swallows requests, a saved guide still opens within seconds, marked as a saved copy', async ({ page, context }) => {
  await openApp(page, `/services/${ID_CARD}`);
  await loadThroughServiceWorker(page);
  await expect(page.getByRole('heading', { name: '申请材料' })).toBeVisible();

  await goOffline(context, 'hang');
  await page.reload();
  // The worker gives up on the network after about 3 s and answers with what it saved.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('居民身份证', { timeout: 15_000 });
  await expect(page.getByText(/保存的副本/)).toBeVisible();
  await goOnline(context);
});
