import { test, expect } from '@playwright/test';
import { expectAccessible, openApp } from './helpers';

const REAL_ESTATE = '11990100ZRZY070001000';
const WORK_INJURY = '11990100RSJU070006000';
const DRIVING_LICENSE = '11990100GAJG010001000';

test('a guide shows the national elements where a citizen looks for them', async ({ page }) => {
  await openApp(page, `/services/${DRIVING_LICENSE}`);
  const summary = page.getByRole('region', { name: '事项概要' });
  await expect(summary).toContainText('跨省通办');
  // Done without a visit: nothing to book.
  await expect(summary).not.toContainText('可预约到窗口办理');
  await expect(page.locator('#fees')).toContainText('支持网上缴费');
  const intermediary = page.locator('#intermediaries');
  await expect(intermediary).toContainText('机动车驾驶人身体条件证明');
  await expect(intermediary).toContainText('由医疗机构按本省医疗服务价格收取');
  await expect(page.locator('#process')).toContainText('四级（全程网办）');
  await expect(page.locator('#process')).toContainText('办件查询');
  await expect(page.locator('#basis')).toContainText('基本编码');
  await expect(page.locator('#basis')).toContainText('GAJG010001000');
  await expect(page.locator('#basis')).toContainText('无数量限制');
  await expect(page.locator('#places')).toContainText('0123-86677000');
  await expectAccessible(page);

  await openApp(page, `/services/${WORK_INJURY}`);
  const limits = page.locator('#limits');
  await expect(limits).toContainText('特别程序（不计入办理时限）');
  await expect(limits).toContainText('《工伤保险条例》第二十条');
});

test('a form material links its blank form and its sample, from the guide and the checklist', async ({ page }) => {
  await openApp(page, `/services/${REAL_ESTATE}`);
  await expect(page.getByRole('region', { name: '事项概要' })).toContainText('可预约到窗口办理');
  const material = page.locator('#materials li').filter({ hasText: '不动产登记申请书' });
  await expect(material).toContainText('受理标准');
  await material.getByRole('link', { name: '示例样表' }).click();
  await expect(page).toHaveURL(/\/api\/documents\/real-estate-registration-application\/sample$/);
  await expect(page.getByRole('heading', { name: '不动产登记申请书' })).toBeVisible();
  await expect(page.getByText('示例：仅供填写参考')).toBeVisible();
  await page.goBack();

  await openApp(page, `/checklists/${REAL_ESTATE}`);
  await page.getByLabel('二手房买卖').check();
  await page.getByLabel('住宅', { exact: true }).check();
  const blank = page.getByRole('link', { name: '空白表格' }).first();
  await expect(blank).toBeVisible();
  const href = await blank.getAttribute('href');
  expect(href).toBe('/api/documents/real-estate-registration-application/blank');
  // Following the link does not tick the material.
  await blank.click();
  await expect(page.getByRole('heading', { name: '不动产登记申请书' })).toBeVisible();
  await page.goBack();
  await expect(page.locator('.tick input').first()).not.toBeChecked();
});
