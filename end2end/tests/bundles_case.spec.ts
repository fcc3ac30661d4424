import { test, expect, Page } from '@playwright/test';
import { expectAccessible, openApp } from './helpers';
import { idNumber, png, staff, STAFF_TOKEN } from './cases';

// 一件事 (开办餐饮店) against the real backend at 390×844: one application with the applicant given
// once and the shared 经营者居民身份证 photographed once; one case number with a track per service;
// staff move the tracks separately, one through a 补正 the citizen answers for that track; the
// case page shows both tracks and the overall due date (the latest of them).

const LICENCE = '11990100SCJG010001000';
const FOOD = '11990100SCJG010006000';
const auth = { authorization: `Bearer ${STAFF_TOKEN}` };

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

async function next(page: Page) {
  await page.getByRole('button', { name: '继续' }).click();
}

/** Attaches one page to a material's block (found by its heading) and waits for the upload. */
async function photograph(page: Page, name: RegExp) {
  const block = page.getByRole('region', { name });
  await block
    .getByLabel(/从相册或文件选择/)
    .setInputFiles({ name: 'page.png', mimeType: 'image/png', buffer: png(600, 800) });
  await expect(block.getByText('已上传', { exact: true })).toBeVisible({ timeout: 30_000 });
}

test('开办餐饮店: one application, one set of photos, two tracks moved separately, one through a 补正', async ({ page, request }) => {
  test.setTimeout(240_000);
  let caseNumber = '';
  let queryCode = '';

  await test.step('apply: the applicant once, a page per service, each material photographed once', async () => {
    // From the guide, with its answers: they carry over into the application.
    await openApp(page, '/bundles/restaurant?s=individual,licence-no');
    await page.getByRole('link', { name: '在线申请' }).click();
    await expect(page).toHaveURL(/\/bundles\/restaurant\/apply\?s=/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('开办餐饮店一件事');
    await expect(page.getByText('个体工商户设立登记')).toBeVisible();
    await expect(page.getByText('食品经营许可')).toBeVisible();
    await expectAccessible(page);
    await shot(page, 'bundle-start');
    await page.getByRole('button', { name: '开始申请' }).click();

    await page.getByLabel('我已阅读并同意').check();
    await next(page);
    await expect(page.getByRole('heading', { name: '您的情况' })).toBeVisible();
    await expect(page.getByLabel('个人经营')).toBeChecked();
    await expect(page.getByLabel('还没有营业执照')).toBeChecked();
    await expectAccessible(page);
    await next(page);

    await page.getByLabel('姓名').fill('王小明');
    await page.getByLabel('公民身份号码').fill(idNumber());
    await page.getByLabel('手机号码').fill('13800138000');
    await page.getByLabel('联系地址').fill('北京市西城区某某街1号');
    await shot(page, 'bundle-applicant');
    await next(page);

    // Each service asks its own questions on its own page.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('个体工商户设立登记');
    await next(page);
    // Nothing filled: the errors name this service's fields, and nothing moves on.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('个体工商户设立登记');
    await expect(page.locator('.error-summary, [role=alert]').first()).toBeVisible();
    await page.getByLabel('经营场所').fill('北京市西城区某某街1号');
    await page.getByLabel('经营范围').fill('餐饮服务');
    await page.getByLabel('资金数额（万元）').fill('10');
    await expectAccessible(page);
    await shot(page, 'bundle-service-licence');
    await next(page);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('食品经营许可');
    // Kept on the device: after a reload the page and the answers are still there.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('食品经营许可');
    await page.getByRole('link', { name: '返回上一步' }).click();
    await expect(page.getByLabel('经营范围')).toHaveValue('餐饮服务');
    await expect(page.getByLabel('资金数额（万元）')).toHaveValue('10');
    await next(page);
    await page.getByLabel('经营者名称').fill('王小明小吃店');
    await page.getByLabel('统一社会信用代码').fill('91350100M000100Y43');
    await page.getByLabel('经营场所').fill('北京市西城区某某街1号');
    await page.getByLabel('主体业态').selectOption('餐饮服务经营者');
    await page.getByLabel('经营项目').fill('热食类食品制售');
    await shot(page, 'bundle-service-food');
    await next(page);

    await expect(page.getByRole('heading', { name: '拍照上传材料' })).toBeVisible();
    // The ID card both services need is asked for once, saying so.
    const shared = page.getByRole('region', { name: '经营者居民身份证' });
    await expect(shared).toHaveCount(1);
    await expect(shared).toContainText('只需拍一次，同时用于：个体工商户设立登记、食品经营许可');
    await photograph(page, /^经营者居民身份证$/);
    await photograph(page, /^经营场所相关文件$/);
    await photograph(page, /^与食品经营相适应的主要设备设施/);
    await photograph(page, /^食品安全自查/);
    await expectAccessible(page);
    await shot(page, 'bundle-materials');
    await next(page);

    await expect(page.getByRole('heading', { name: '结果领取方式' })).toBeVisible();
    await next(page);
    await expect(page.getByRole('heading', { name: '核对并提交' })).toBeVisible();
    await expect(page.getByText('1****************X')).toBeVisible();
    await expect(page.getByText('所有照片已上传。')).toBeVisible();
    await expectAccessible(page);
    await shot(page, 'bundle-check');
    await page.getByRole('button', { name: '确认提交' }).dblclick();

    await expect(page.getByRole('heading', { name: '申报已提交' })).toBeVisible();
    caseNumber = ((await page.locator('#case-number').textContent()) ?? '').trim();
    queryCode = ((await page.locator('#query-code').textContent()) ?? '').trim();
    expect(caseNumber).toMatch(/^\d{13}$/);
    await expectAccessible(page);
    await shot(page, 'bundle-done');
  });

  const licence = `${caseNumber}-1`;
  const food = `${caseNumber}-2`;

  await test.step('one case, a track per service; the shared photo is one upload used by both', async () => {
    const detail = async (n: string) => (await request.get(`/api/staff/cases/${n}`, { headers: auth })).json();
    const [a, b] = [await detail(licence), await detail(food)];
    expect(a.case.service_code).toBe(LICENCE);
    expect(b.case.service_code).toBe(FOOD);
    const pages = (d: any, id: string) => d.materials.find((m: any) => m.material_id === id)?.upload_ids;
    expect(pages(a, 'operator-id')).toHaveLength(1);
    expect(pages(b, 'operator-id')).toEqual(pages(a, 'operator-id'));
    expect(b.application.applicant.name).toBe('王小明');
  });

  await test.step('staff move the tracks separately; the citizen sees both and the overall due date', async () => {
    await staff(request, licence, { action: 'accept', opinion: '材料齐全' });
    await staff(request, food, { action: 'accept', opinion: '材料齐全' });
    await staff(request, licence, { action: 'approve', opinion: '准予登记' });
    await staff(request, food, {
      action: 'request_supplement',
      items: [{ material_id: 'layout', reason: '布局图不清晰，请重新拍摄' }],
    });

    await openApp(page, `/track/${caseNumber}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('开办餐饮店一件事');
    const tiles = page.locator('.track-tile');
    await expect(tiles).toHaveCount(2);
    await expect(tiles.nth(0)).toContainText('个体工商户设立登记');
    await expect(tiles.nth(0)).toContainText('准予');
    await expect(tiles.nth(1)).toContainText('食品经营许可');
    await expect(tiles.nth(1)).toContainText('需补正');
    await expect(tiles.nth(1).locator('.countdown')).toHaveText(/^计时已暂停/);
    // The overall due date is the latest of the tracks', as the look-up gives them.
    const whole = await (await request.post('/api/cases/lookup', { data: { case_number: caseNumber, query_code: queryCode } })).json();
    const dates: string[] = whole.tracks.map((t: any) => t.due_date).filter(Boolean);
    const latest = dates.sort().at(-1)!;
    expect(whole.due_date).toBe(latest);
    await expect(page.getByText('整体办结日期', { exact: true })).toBeVisible();
    await expect(page.locator('.facts').filter({ hasText: '整体办结日期' })).toContainText(latest);
    // Side by side on a phone: the two tiles share a row.
    const [box1, box2] = [await tiles.nth(0).boundingBox(), await tiles.nth(1).boundingBox()];
    expect(Math.abs((box1?.y ?? 0) - (box2?.y ?? 1))).toBeLessThan(2);
    expect((box2?.x ?? 0)).toBeGreaterThan((box1?.x ?? 0) + (box1?.width ?? 0) - 1);
    await expectAccessible(page);
    await shot(page, 'bundle-case-supplement');
  });

  await test.step('the citizen answers the 补正 for that track only', async () => {
    const track = page.locator(`#track-${food}`);
    const section = track.getByRole('region', { name: '补正材料' });
    await expect(section.getByText('布局图不清晰，请重新拍摄')).toBeVisible();
    await section
      .getByLabel(/从相册或文件选择/)
      .setInputFiles({ name: 'layout.png', mimeType: 'image/png', buffer: png(600, 800) });
    await expect(section.getByText('已上传', { exact: true })).toBeVisible({ timeout: 30_000 });
    await section.getByRole('button', { name: '提交补正材料' }).click();
    await expect(page.locator('.track-tile').nth(1)).toContainText('审查中');
    await expect(page.locator('.track-tile').nth(0)).toContainText('准予');
    await expect(page.getByRole('region', { name: '补正材料' })).toHaveCount(0);
    await expectAccessible(page);
    await shot(page, 'bundle-case-resumed');

    await staff(request, food, { action: 'approve', opinion: '准予许可' });
    await page.getByRole('button', { name: '刷新' }).click();
    await expect(page.locator('.track-tile').nth(1)).toContainText('准予');
    await expect(page.locator('.status-big')).toHaveText('准予');
    await shot(page, 'bundle-case-approved');
  });

  await test.step('each track is rated on its own, one after the other', async () => {
    const first = page.locator(`#track-${licence}`).getByRole('region', { name: '好差评' });
    await first.getByLabel('非常满意', { exact: true }).check();
    await first.getByRole('button', { name: '提交评价' }).click();
    await expect(page.locator(`#track-${licence}`)).toContainText('好差评：非常满意');
    const second = page.locator(`#track-${food}`).getByRole('region', { name: '好差评' });
    await expect(second).toBeVisible();
    await expectAccessible(page);
    await second.getByLabel('满意', { exact: true }).check();
    await second.getByRole('button', { name: '提交评价' }).click();
    await expect(page.locator(`#track-${food}`)).toContainText('好差评：满意');
    await expect(page.getByRole('region', { name: '好差评' })).toHaveCount(0);
    const whole = await (await request.post('/api/cases/lookup', { data: { case_number: caseNumber, query_code: queryCode } })).json();
    expect(whole.tracks.map((t: any) => t.rating?.score)).toEqual([5, 4]);
    await shot(page, 'bundle-case-rated');
  });

  await test.step('the look-up form opens the whole by its number and query code', async () => {
    await openApp(page, '/track');
    await page.getByLabel('办件编号').fill(caseNumber);
    await page.getByLabel('查询码').fill(queryCode.toLowerCase());
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/track/${caseNumber}$`));
    await expect(page.locator('.track-tile')).toHaveCount(2);
    // 长辈版: the tracks stay readable (one to a row at this size) and pass axe.
    await page.getByRole('button', { name: '长辈版（大字）' }).click();
    await expect(page.locator('html')).toHaveClass(/\belder\b/);
    const small = await page.locator('.track-tile :is(p, a)').evaluateAll((els) =>
      els.filter((e) => parseFloat(getComputedStyle(e).fontSize) < 18).map((e) => e.textContent));
    expect(small).toEqual([]);
    await expectAccessible(page);
    await shot(page, 'bundle-case-elder');
    await page.getByRole('button', { name: '长辈版（大字）' }).click();
    // A wrong code opens nothing, for the whole as for any case.
    const wrong = await request.post('/api/cases/lookup', { data: { case_number: caseNumber, query_code: 'AAAAAAAA' } });
    expect(wrong.status()).toBe(404);
  });
});
