import { test, expect } from '@playwright/test';
import { createCase, idNumber } from './cases';
import { expectAccessible, goOffline, goOnline, loadThroughServiceWorker, openApp } from './helpers';

// Personal lists without a network: 我的办件 and a case, 我的预约 and an appointment open from the
// copy last saved on the device, saying when it was saved; a checklist opened once opens again,
// with its ticks.

const ID_CARD = '11990100GAHZ070001000';
// 退役军人接收安置报到, which takes appointments.
const BOOKABLE = '11990100TYJR200002000';
const SAVED_AT = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/;

test('我的办件 and a case open offline from the last saved copy, with the time it was saved', async ({ page, context, request }) => {
  const c = await createCase(request);
  await openApp(page, '/track');
  await page.getByLabel('办件编号').fill(c.case_number);
  await page.getByLabel('查询码').fill(c.query_code);
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(page.locator('.status-big')).toHaveText('待受理');

  await openApp(page, '/track');
  await expect(page.getByText('已更新全部办件状态')).toBeVisible();
  await loadThroughServiceWorker(page);
  await expect(page.locator('.my-case')).toHaveCount(1);

  await goOffline(context);
  await page.reload();
  const row = page.locator('.my-case');
  await expect(row.getByText(c.service.name)).toBeVisible();
  await expect(row.getByText('待受理')).toBeVisible();
  await expect(page.getByText('网络未连接，以下是本机上次保存的办件状态。')).toBeVisible();
  await expect(row.getByText(/网络未连接，状态为.*保存的信息/)).toContainText(SAVED_AT);
  await expectAccessible(page);

  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.service.name);
  await expect(page.locator('.status-big')).toHaveText('待受理');
  await expect(page.getByText(/网络未连接，以下是.*保存的办件信息/)).toContainText(SAVED_AT);
  await goOnline(context);
});

test('a checklist opened once opens offline with its ticks, marked as a saved copy', async ({ page, context }) => {
  const path = `/checklists/${ID_CARD}?s=first,adult`;
  await openApp(page, path);
  await expect(page.locator('.tick').first()).toBeVisible();
  await page.locator('.tick input').first().check();
  await loadThroughServiceWorker(page);
  await expect(page.locator('.tick').first()).toBeVisible();

  await goOffline(context);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('居民身份证');
  await expect(page.getByText(/保存的副本/)).toBeVisible();
  await expect(page.getByRole('heading', { name: '需要准备的材料' })).toBeVisible();
  await expect(page.locator('.tick input').first()).toBeChecked();
  await goOnline(context);
});

test('a page saved in the standard size opens offline in 长辈版 once it is chosen, and works', async ({ page, context }) => {
  await openApp(page, `/services/${ID_CARD}`);
  await loadThroughServiceWorker(page);
  await expect(page.getByRole('heading', { name: '申请材料' })).toBeVisible();
  await page.getByRole('button', { name: '长辈版（大字）' }).click();
  await expect(page.locator('html')).toHaveClass(/\belder\b/);

  await goOffline(context);
  await page.reload();
  // The saved copy was drawn standard: the app takes it over as it is, then switches to 长辈版.
  await expect(page.getByText(/保存的副本/)).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/\belder\b/);
  await expect(page.getByRole('button', { name: '长辈版（大字）' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { name: '申请材料' })).toBeVisible();
  expect(await page.locator('.material-meta').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize)))
    .toBeGreaterThanOrEqual(18);
  await page.getByRole('button', { name: '长辈版（大字）' }).click();
  await expect(page.locator('html')).not.toHaveClass(/\belder\b/);
  await goOnline(context);
});

test('我的预约 and an appointment open offline from the last saved copy, with the time it was saved', async ({ page, context }) => {
  await openApp(page, `/services/${BOOKABLE}/appointment`);
  await page.getByRole('group', { name: '预约日期' }).getByRole('radio', { disabled: false }).first().check();
  await page.getByRole('group', { name: '预约时段' }).getByRole('radio', { disabled: false }).first().check();
  await page.getByLabel('姓名').fill('李小明');
  await page.getByLabel('公民身份号码').fill(idNumber());
  await page.getByLabel('手机号码').fill('13800138000');
  await page.getByRole('button', { name: '确认预约' }).click();
  await expect(page.locator('.status-big')).toHaveText('已预约');
  const facts = await page.locator('.facts').innerText();

  await openApp(page, '/track');
  const mine = page.getByRole('region', { name: '我的预约' });
  await expect(mine.getByText('退役军人接收安置报到')).toBeVisible();
  await loadThroughServiceWorker(page);
  await expect(mine.getByText('退役军人接收安置报到')).toBeVisible();

  await goOffline(context);
  await page.reload();
  await expect(mine.getByText('退役军人接收安置报到')).toBeVisible();
  await expect(mine.getByText(/已预约/)).toBeVisible();
  await expect(mine.getByText('网络未连接，以下是本机上次保存的预约状态。')).toBeVisible();
  await expect(mine.getByText(/网络未连接，状态为.*保存的信息/)).toContainText(SAVED_AT);
  await expectAccessible(page);

  await mine.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的预约');
  await expect(page.locator('.status-big')).toHaveText('已预约');
  await expect(page.getByText(/网络未连接，以下是.*保存的预约信息/)).toContainText(SAVED_AT);
  expect(await page.locator('.facts').innerText()).toEqual(facts);
  await goOnline(context);
});
