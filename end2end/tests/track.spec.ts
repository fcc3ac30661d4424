import { test, expect, Page } from '@playwright/test';
import { expectAccessible, openApp } from './helpers';
import { createCase, png, staff, toUpload } from './cases';

// 办件查询 on the phone, against the real backend: a case is created through the API, looked up in
// the browser, and driven through 受理 → 需补正 → 补正 → 准予 → 送达 by the staff API.

const NOT_FOUND = '未找到该办件，请核对办件编号和查询码';

async function lookUp(page: Page, caseNumber: string, code: string) {
  await page.getByLabel('办件编号').fill(caseNumber);
  await page.getByLabel('查询码').fill(code);
  await page.getByRole('button', { name: '查询', exact: true }).click();
}

const status = (page: Page) => page.locator('.status-big');

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

// ---------------------------------------------------------------------------------------------

test('a case followed from submission to rating, with a supplement on the way', async ({ page, request }) => {
  test.setTimeout(180_000);
  const c = await createCase(request);
  const material = toUpload(c.service)[0];

  await test.step('look the case up by number and query code', async () => {
    await openApp(page, '/track');
    await expect(page.getByRole('heading', { name: '我的办件' })).toBeVisible();
    await expectAccessible(page);
    // The code is typed in lower case: it is not case-sensitive.
    await lookUp(page, c.case_number, c.query_code.toLowerCase());
    await expect(page).toHaveURL(new RegExp(`/track/${c.case_number}$`));
    await expect(status(page)).toHaveText('待受理');
    expect(page.url()).not.toContain(c.query_code);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.service.name);
    await expect(page.getByText('1****************X')).toBeVisible();
    await expect(page.getByText(/自受理后的下一个工作日起计算/)).toBeVisible();
    await expect(page.locator('ol.timeline > li')).toHaveCount(1);
    await expect(page.locator('ol.timeline > li').first()).toContainText('待受理');
    await expectAccessible(page);
  });

  await test.step('accepted: the countdown runs in working days', async () => {
    await staff(request, c.case_number, { action: 'accept', handler: '李受理', opinion: '材料齐全，予以受理' });
    await page.getByRole('button', { name: '刷新' }).click();
    await expect(status(page)).toHaveText('已受理');
    await expect(page.locator('.countdown')).toHaveText(/^还剩 \d+ 个工作日$/);
    await expect(page.getByText('承诺办结日期')).toBeVisible();
    const timeline = page.locator('ol.timeline > li');
    await expect(timeline).toHaveCount(2);
    await expect(timeline.nth(1)).toContainText('李受理');
    await expect(timeline.nth(1)).toContainText('材料齐全，予以受理');
    await expectAccessible(page);
    await shot(page, 'track-accepted');
  });

  await test.step('supplement requested: the reason is shown and the clock stops', async () => {
    await staff(request, c.case_number, {
      action: 'request_supplement',
      items: [{ material_id: material.id, reason: '照片模糊，请重新拍摄' }],
    });
    await page.reload();
    await expect(status(page)).toHaveText('需补正');
    const section = page.getByRole('region', { name: '补正材料' });
    await expect(section.getByRole('heading', { name: material.name })).toBeVisible();
    await expect(section.getByText('照片模糊，请重新拍摄')).toBeVisible();
    await expect(page.locator('.countdown')).toHaveText(/^计时已暂停/);
    await expect(page.getByText(/因需补正材料，办理时限自 \d{4}-\d\d-\d\d 起暂停计算/)).toBeVisible();
    await expectAccessible(page);

    // Sending without a photo names the material, in the focused summary as on other forms,
    // linking to the material, and beside it.
    await section.getByRole('button', { name: '提交补正材料' }).click();
    const summary = section.getByRole('alert');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('请修改以下问题');
    const target = `#f-material-${material.id.replace(/[._]/g, '-')}`;
    await expect(summary.getByRole('link', { name: `请上传：${material.name}` })).toHaveAttribute('href', target);
    await expect(section.locator(target)).toContainText(material.name);
    await expect(section.locator('li.flagged .error-message')).toHaveText(`请上传：${material.name}`);
    await expectAccessible(page);
    await shot(page, 'track-supplement');
  });

  await test.step('the citizen photographs the flagged material and sends it', async () => {
    const section = page.getByRole('region', { name: '补正材料' });
    await section
      .getByLabel(`从相册或文件选择：${material.name}`)
      .setInputFiles({ name: 'page.png', mimeType: 'image/png', buffer: png(600, 800) });
    await expect(section.locator('.page-name')).toHaveText(['第 1 页']);
    await expect(section.getByText('已上传', { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(section.getByText('已上传 1/1 项材料')).toBeVisible();
    await expectAccessible(page);
    await shot(page, 'track-supplement-uploaded');

    // The photo survives a reload (queue and page mapping are on the device).
    await page.reload();
    const again = page.getByRole('region', { name: '补正材料' });
    await expect(again.locator('.page-name')).toHaveText(['第 1 页']);
    await expect(again.getByText('已上传', { exact: true })).toBeVisible();

    await again.getByRole('button', { name: '提交补正材料' }).click();
    await expect(status(page)).toHaveText('审查中');
    await expect(page.getByText('补正材料已提交，办理时限恢复计算。')).toBeVisible();
    await expect(page.getByRole('region', { name: '补正材料' })).toHaveCount(0);
    await expect(page.locator('.countdown')).toHaveText(/^(还剩 \d+ 个工作日|今天到期)$/);
    await expect(page.locator('ol.timeline > li').last()).toContainText('已补正材料');
    await expectAccessible(page);
    await shot(page, 'track-resumed');
  });

  await test.step('approved and delivered at the window', async () => {
    await staff(request, c.case_number, { action: 'approve', opinion: '符合条件，准予办理' });
    await page.reload();
    await expect(status(page)).toHaveText('准予');
    const result = page.getByRole('region', { name: '办理结果' });
    await expect(result.getByText('窗口领取')).toBeVisible();
    await expect(result.getByText('待送达')).toBeVisible();
    await expect(result.getByText(c.service.places[0].address, { exact: false })).toBeVisible();
    await expectAccessible(page);

    await staff(request, c.case_number, { action: 'deliver', handler: '赵窗口' });
    await page.reload();
    await expect(status(page)).toHaveText('已送达');
    await expect(result.locator('.decision')).toHaveText('准予');
    await expect(result.getByText('已送达')).toBeVisible();
    await expect(page.locator('.countdown')).toHaveCount(0);
    await expectAccessible(page);
    await shot(page, 'track-delivered');
  });

  await test.step('rated once: 满意', async () => {
    const rating = page.getByRole('region', { name: '好差评' });
    // 不满意 asks for a reason before anything is sent.
    await rating.getByLabel('不满意', { exact: true }).check();
    await rating.getByRole('button', { name: '提交评价' }).click();
    // As on the other forms: a focused summary at the top linking to the field, and the message
    // beside the field.
    const summary = rating.getByRole('alert');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link', { name: '请填写不满意的原因' })).toHaveAttribute('href', '#f-rating-reason');
    await expect(rating.locator('#f-rating-reason')).toHaveAccessibleName('不满意的原因（必填）');
    await expect(rating.locator('#rating-reason-error')).toHaveText('请填写不满意的原因');
    await expectAccessible(page);
    await shot(page, 'track-rating-error');

    await rating.getByLabel('满意', { exact: true }).check();
    await rating.getByLabel('其他意见或建议（选填）').fill('办理很快');
    await rating.getByRole('button', { name: '提交评价' }).click();
    await expect(rating.getByText('您的评价：满意')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('region', { name: '好差评' }).getByText('您的评价：满意')).toBeVisible();
    await expectAccessible(page);
    await shot(page, 'track-rated');

    const second = await request.post('/api/cases/rating', {
      data: { case_number: c.case_number, query_code: c.query_code, rating: { score: 5 } },
    });
    expect(second.status()).toBe(409);
    expect((await second.json()).message).toContain('只能评价一次');
  });

  await test.step('my cases survive a reload and mark a case that moved', async () => {
    const other = await createCase(request);
    await openApp(page, '/track');
    await lookUp(page, other.case_number, other.query_code);
    await expect(status(page)).toHaveText('待受理');

    await staff(request, other.case_number, { action: 'accept', handler: '李受理' });
    // Opening the portal is enough to learn that a case moved.
    await openApp(page, '/');
    await expect(page.getByRole('link', { name: /我的办件：1 件有新进展/ })).toBeVisible();
    await expectAccessible(page);
    await openApp(page, '/track');
    const mine = page.locator('.my-case');
    await expect(mine).toHaveCount(2);
    const moved = mine.filter({ hasText: other.case_number });
    const done = mine.filter({ hasText: c.case_number });
    await expect(moved.getByText('有新进展')).toBeVisible();
    await expect(moved).toContainText('已受理');
    await expect(done).toContainText('已送达');
    await expect(done.getByText('有新进展')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: /我的办件/ })).toContainText('1 件有新进展');
    await expectAccessible(page);
    await shot(page, 'track-my-cases');

    await page.getByRole('button', { name: '全部刷新' }).click();
    // Said politely, with the progress found.
    await expect(page.getByRole('status').filter({ hasText: '已更新全部办件状态' })).toHaveText('已更新全部办件状态；1 件有新进展');

    // Opening the case says what changed, and then it is no longer news.
    await moved.getByRole('link').click();
    await expect(status(page)).toHaveText('已受理');
    await expect(page.getByText('有新进展：待受理 → 已受理')).toBeVisible();
    await page.getByRole('link', { name: /我的办件/ }).click();
    await expect(page.locator('.my-case')).toHaveCount(2);
    await expect(page.getByText('有新进展')).toHaveCount(0);

    // Removing asks first, and the list stays as it is after a reload.
    const row = page.locator('.my-case').filter({ hasText: other.case_number });
    await row.getByRole('button', { name: '移除' }).click();
    await expect(row.getByText('确定从本机移除这个办件吗？', { exact: false })).toBeVisible();
    await expectAccessible(page);
    await row.getByRole('button', { name: '取消' }).click();
    await expect(page.locator('.my-case')).toHaveCount(2);
    await row.getByRole('button', { name: '移除' }).click();
    await row.getByRole('button', { name: '确定移除' }).click();
    await expect(page.locator('.my-case')).toHaveCount(1);
    await page.reload();
    await expect(page.locator('.my-case')).toHaveCount(1);
    await expect(page.locator('.my-case')).toContainText(c.case_number);
  });
});

test('a wrong query code reveals nothing more than an unknown number', async ({ page, request }) => {
  const c = await createCase(request);
  await openApp(page, '/track');

  // Empty fields: errors beside each field and in the summary at the top.
  await page.getByRole('button', { name: '查询', exact: true }).click();
  const summary = page.locator('#error-summary');
  await expect(summary).toContainText('请输入办件编号');
  await expect(summary).toContainText('请输入查询码');
  await expect(summary).toBeFocused();
  await expect(page.locator('#f-case-number-error')).toHaveText('请输入办件编号');
  await expect(page.getByLabel('查询码')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  const wrong = c.query_code === 'ABCDEFGH' ? 'ABCDEFGJ' : 'ABCDEFGH';
  await lookUp(page, c.case_number, wrong);
  await expect(summary).toContainText(NOT_FOUND);
  const wrongCodeText = await summary.innerText();
  await expectAccessible(page);
  await shot(page, 'track-wrong-code');

  await lookUp(page, '2099010100001', c.query_code);
  await expect(summary).toContainText(NOT_FOUND);
  expect(await summary.innerText()).toBe(wrongCodeText);
  await expect(page).toHaveURL(/\/track$/);
  await expect(page.getByText(c.service.name)).toHaveCount(0);
  await expect(page.locator('.my-case')).toHaveCount(0);

  // A case page without a code on this device asks for it instead of showing anything.
  await openApp(page, `/track/${c.case_number}`);
  await expect(page.getByText('本机没有保存这个办件的查询码', { exact: false })).toBeVisible();
  await expect(page.getByText(c.service.name)).toHaveCount(0);
  await expectAccessible(page);
  await shot(page, 'track-no-code');
  // Its link leads to the form with the number filled in.
  await page.getByRole('link', { name: '输入查询码' }).click();
  await expect(page.getByLabel('办件编号')).toHaveValue(c.case_number);
});

test('a special procedure stops the clock; a refusal explains the right to appeal', async ({ page, request }) => {
  const c = await createCase(request, true);
  await openApp(page, '/track');
  await lookUp(page, c.case_number, c.query_code);
  await expect(status(page)).toHaveText('待受理');

  await staff(request, c.case_number, { action: 'accept', handler: '李受理' });
  await staff(request, c.case_number, {
    action: 'start_special_procedure',
    procedure: 'inspection',
    reason: '需要现场核实',
  });
  await page.reload();
  await expect(status(page)).toHaveText('特别程序');
  await expect(page.locator('.countdown')).toHaveText(/^计时已暂停/);
  await expect(page.getByText(/因进入特别程序（现场勘验），办理时限自 \d{4}-\d\d-\d\d 起暂停计算/)).toBeVisible();
  await expect(page.getByText('原因：需要现场核实')).toBeVisible();
  await expect(page.getByText('（暂停期间顺延）')).toBeVisible();
  await expectAccessible(page);

  await staff(request, c.case_number, { action: 'end_special_procedure', handler: '王审查' });
  await staff(request, c.case_number, { action: 'refuse', reason: '申请材料与实际情况不符' });
  await page.reload();
  await expect(status(page)).toHaveText('不予许可');
  const result = page.getByRole('region', { name: '办理结果' });
  await expect(result.getByText('申请材料与实际情况不符')).toBeVisible();
  await expect(result.getByText(/60 日内依法申请行政复议/)).toBeVisible();
  await expect(result.getByText(/6 个月内依法向人民法院提起行政诉讼/)).toBeVisible();
  await expectAccessible(page);

  // Delivered by post (the case was made for a service that offers it): the tracking number.
  await expect(result.getByText('邮寄送达')).toBeVisible();
  await expect(result.getByText('寄出后在此显示')).toBeVisible();
  await staff(request, c.case_number, { action: 'deliver', handler: '赵窗口', tracking_number: 'SF1234567890' });
  await page.reload();
  await expect(status(page)).toHaveText('已送达');
  await expect(result.getByText('SF1234567890')).toBeVisible();
  await expect(result.locator('.decision')).toHaveText('不予许可');
  await expectAccessible(page);
  await shot(page, 'track-refused');

  // A 不满意 rating needs its reason; with it, it is recorded.
  const rating = page.getByRole('region', { name: '好差评' });
  await rating.getByLabel('非常不满意', { exact: true }).check();
  await rating.getByLabel('不满意的原因（必填）').fill('等待时间太长');
  await rating.getByRole('button', { name: '提交评价' }).click();
  await expect(rating.getByText('您的评价：非常不满意')).toBeVisible();
  await expect(rating.getByText('原因：等待时间太长')).toBeVisible();
});
