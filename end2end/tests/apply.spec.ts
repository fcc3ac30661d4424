import { test, expect, Page, APIRequestContext } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { expectAccessible, goOffline, goOnline, loadThroughServiceWorker, openApp } from './helpers';
import { phonePhoto, jpegSize, GPS_MARKER } from './photos.mjs';
import { idNumber } from './cases';

// 无犯罪记录证明开具: a situation question, two service-specific fields, one required material,
// and delivery by post.
const SERVICE = '11990100GAHZ200006000';
const staff = { Authorization: `Bearer ${process.env.STAFF_TOKEN ?? 'e2e-staff-token'}` };

/** A name no other test uses, so the staff list can be searched for it. */
function uniqueName(): string {
  const chars = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
  let s = '张';
  for (let i = 0; i < 3; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

async function casesOf(request: APIRequestContext, name: string) {
  const res = await request.get('/api/staff/cases', { headers: staff });
  expect(res.ok()).toBeTruthy();
  const list = (await res.json()) as { case_number: string; applicant_name: string }[];
  return list.filter((c) => c.applicant_name === name);
}

/** Walks from the guide to the materials page, filling every answer by its label. */
async function fillUpToMaterials(page: Page, name: string) {
  await openApp(page, `/services/${SERVICE}`);
  await page.getByRole('link', { name: '在线申报' }).click();
  await page.getByRole('button', { name: '开始申报' }).click();
  await expect(page.getByRole('heading', { name: '告知承诺和个人信息保护' })).toBeVisible();
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.getByRole('alert')).toContainText('请修改以下问题');
  await page.getByLabel('我已阅读并同意').check();
  await page.getByRole('button', { name: '继续' }).click();

  await expect(page.getByRole('heading', { name: '您的办理情形' })).toBeVisible();
  await page.getByLabel('本人申请').check();
  await page.getByRole('button', { name: '继续' }).click();

  await expect(page.getByRole('heading', { name: '申请人信息' })).toBeVisible();
  await page.getByLabel('姓名').fill(name);
  // A wrong check character is caught beside the field and in the summary.
  await page.getByLabel('公民身份号码').fill('110105194912310021');
  await page.getByLabel('手机号码').fill('1380013800');
  await page.getByLabel('联系地址').fill('北京市东城区建国门内大街1号');
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.getByRole('alert')).toContainText('校验位');
  await expect(page.locator('#f-applicant-id-number-error')).toContainText('校验位');
  await expect(page.locator('#f-applicant-phone-error')).toContainText('11位');
  await expectAccessible(page);
  await page.getByLabel('公民身份号码').fill(idNumber());
  await page.getByLabel('手机号码').fill('13800138000');
  await page.getByRole('button', { name: '继续' }).click();

  await expect(page.getByRole('heading', { name: '办理信息' })).toBeVisible();
  await page.getByLabel('证明用途').selectOption('就业');
  await page.getByLabel('用途说明').fill('应聘北京某科技有限公司');
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.getByRole('heading', { name: '拍照上传材料' })).toBeVisible();
}

test('a citizen applies with phone photos: upright, small, no GPS, and one case however often submit is tapped', async ({ page, request }) => {
  test.setTimeout(120_000);
  const name = uniqueName();
  await fillUpToMaterials(page, name);

  const idCard = page.getByRole('region', { name: '申请人居民身份证' });
  // A file that is not an image is refused, with a message beside the material.
  await idCard.getByLabel('从相册或文件选择').setInputFiles({
    name: 'scan.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not really a picture, just text'),
  });
  await expect(idCard.getByRole('alert')).toContainText('只能上传照片或 PDF 文件');

  await idCard.getByLabel('拍照').setInputFiles({ name: 'front.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto(page) });
  await idCard.getByLabel('拍照').setInputFiles({ name: 'back.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto(page, 1600, 1200) });
  await expect(idCard.getByText('第 2 页', { exact: true })).toBeVisible();
  await expect(idCard.getByText('已上传')).toHaveCount(2, { timeout: 30_000 });
  await expectAccessible(page);
  await page.getByRole('button', { name: '继续' }).click();

  await expect(page.getByRole('heading', { name: '结果领取方式' })).toBeVisible();
  await page.getByLabel('邮寄送达').check();
  await page.getByLabel('收件人').fill(name);
  await page.getByLabel('手机号码').fill('13800138000');
  await page.getByLabel('邮寄地址').fill('北京市东城区建国门内大街1号');
  await page.getByRole('button', { name: '继续' }).click();

  await expect(page.getByRole('heading', { name: '核对并提交' })).toBeVisible();
  await expect(page.getByText('1****************X')).toBeVisible();
  await expect(page.getByText('所有照片已上传。')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: '确认提交' }).dblclick();

  await expect(page.getByRole('heading', { name: '申报已提交' })).toBeVisible();
  const number = (await page.locator('#case-number').textContent())?.trim() ?? '';
  await expect(page.locator('#query-code')).toHaveText(/^[A-Z2-9]{8}$/);
  await expectAccessible(page);
  const cases = await casesOf(request, name);
  expect(cases.map((c) => c.case_number)).toEqual([number]);

  // The stored photo is upright (portrait), at most 2000 px, and carries no EXIF or GPS.
  const detail = await (await request.get(`/api/staff/cases/${number}`, { headers: staff })).json();
  const ids: string[] = detail.materials.find((m: { material_id: string }) => m.material_id === 'id-card').upload_ids;
  expect(ids).toHaveLength(2);
  const stored = Buffer.from(await (await request.get(`/api/staff/uploads/${ids[0]}`, { headers: staff })).body());
  expect(jpegSize(stored)).toEqual({ width: 1500, height: 2000 });
  expect(stored.includes(Buffer.from('Exif'))).toBe(false);
  expect(stored.includes(GPS_MARKER)).toBe(false);

  // The receipt survives a reload; the draft is gone from the list of drafts (once the list has
  // loaded: an absent list alone would also pass while it is still loading).
  await page.reload();
  await expect(page.locator('#case-number')).toHaveText(number);
  await openApp(page, '/apply');
  await expect(page.getByText('本机没有未提交的草稿。')).toBeVisible();
  await expect(page.getByRole('link', { name: /继续填写/ })).toHaveCount(0);
});

test('typed answers and photos survive a reload, and uploads cut by the network resume by themselves', async ({ page, context }) => {
  test.setTimeout(120_000);
  await fillUpToMaterials(page, uniqueName());
  const idCard = page.getByRole('region', { name: '申请人居民身份证' });

  // The network drops during the upload: the photo waits and says why.
  await page.route('**/api/uploads**', (route) => route.abort('internetdisconnected'));
  await idCard.getByLabel('拍照').setInputFiles({ name: 'front.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto(page, 2000, 1500) });
  await expect(idCard.getByText('网络不畅，恢复后将自动继续上传')).toBeVisible({ timeout: 20_000 });

  // A reload in the middle: the photo and the answers are still there, and the upload resumes.
  await page.reload();
  await expect(page.getByRole('heading', { name: '拍照上传材料' })).toBeVisible();
  await expect(idCard.locator('img')).toHaveCount(1);
  await page.unroute('**/api/uploads**');
  await context.setOffline(true);
  await context.setOffline(false);
  await expect(idCard.getByText('已上传')).toBeVisible({ timeout: 70_000 });

  await page.getByRole('link', { name: '返回上一步' }).click();
  await expect(page.getByLabel('用途说明')).toHaveValue('应聘北京某科技有限公司');
});

test('a network cut after the server saved the case still ends in exactly one case', async ({ page, request }) => {
  test.setTimeout(120_000);
  const name = uniqueName();
  await fillUpToMaterials(page, name);
  const idCard = page.getByRole('region', { name: '申请人居民身份证' });
  await idCard.getByLabel('拍照').setInputFiles({ name: 'front.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto(page, 1600, 1200) });
  await expect(idCard.getByText('已上传')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('button', { name: '继续' }).click();

  // The server commits, but the answer never reaches the phone.
  let cut = true;
  await page.route('**/api/applications', async (route) => {
    if (!cut) return route.continue();
    cut = false;
    await route.fetch();
    await route.abort('internetdisconnected');
  });
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByRole('alert')).toContainText('不会重复提交');
  expect(await casesOf(request, name)).toHaveLength(1);

  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByRole('heading', { name: '申报已提交' })).toBeVisible();
  const number = (await page.locator('#case-number').textContent())?.trim();
  const cases = await casesOf(request, name);
  expect(cases.map((c) => c.case_number)).toEqual([number]);
});

/** From the materials page: one photo, uploaded, then on to the check page. */
async function uploadAndGoToCheck(page: Page) {
  const idCard = page.getByRole('region', { name: '申请人居民身份证' });
  await idCard.getByLabel('拍照').setInputFiles({ name: 'front.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto(page, 1600, 1200) });
  await expect(idCard.getByText('已上传')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.getByRole('heading', { name: '结果领取方式' })).toBeVisible();
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.getByRole('heading', { name: '核对并提交' })).toBeVisible();
}

test('a lost reply, then an edit: the case already made is found and shown, not blocked or made twice', async ({ page, request }) => {
  test.setTimeout(120_000);
  const name = uniqueName();
  await fillUpToMaterials(page, name);
  await uploadAndGoToCheck(page);

  // The server creates the case, but the answer never reaches the phone.
  let cut = true;
  await page.route('**/api/applications', async (route) => {
    if (!cut) return route.continue();
    cut = false;
    await route.fetch();
    await route.abort('internetdisconnected');
  });
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByRole('alert')).toContainText('不会重复提交');
  const made = await casesOf(request, name);
  expect(made).toHaveLength(1);

  // The citizen changes an answer before trying again.
  await page.getByRole('link', { name: /修改\s*用途说明/ }).click();
  await expect(page.getByRole('heading', { name: '办理信息' })).toBeVisible();
  await page.getByLabel('用途说明').fill('应聘上海某贸易有限公司');
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.getByRole('heading', { name: '拍照上传材料' })).toBeVisible();
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.getByRole('heading', { name: '结果领取方式' })).toBeVisible();
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.getByRole('heading', { name: '核对并提交' })).toBeVisible();
  await expect(page.getByText('应聘上海某贸易有限公司')).toBeVisible();
  await page.getByRole('button', { name: '确认提交' }).click();

  // The receipt of the case already made, and a plain word that the change is not in it.
  await expect(page.getByRole('heading', { name: '申报已提交' })).toBeVisible();
  await expect(page.locator('#case-number')).toHaveText(made[0].case_number);
  await expect(page.getByText('提交后所做的修改没有包含在这份申报中', { exact: false })).toBeVisible();
  await expectAccessible(page);
  const cases = await casesOf(request, name);
  expect(cases.map((c) => c.case_number)).toEqual([made[0].case_number]);
  const detail = await (await request.get(`/api/staff/cases/${made[0].case_number}`, { headers: staff })).json();
  const fields = JSON.stringify(detail.application.fields);
  expect(fields).toContain('应聘北京某科技有限公司');
  expect(fields).not.toContain('应聘上海某贸易有限公司');

  // The case is in my cases, and the draft is gone.
  await openApp(page, '/track');
  await expect(page.locator('.my-case')).toHaveCount(1);
  await expect(page.locator('.my-case')).toContainText(made[0].case_number);
  await openApp(page, '/apply');
  await expect(page.getByText('本机没有未提交的草稿。')).toBeVisible();
  await expect(page.getByRole('link', { name: /继续填写/ })).toHaveCount(0);
});

test('a draft appears in the list of drafts and can be deleted', async ({ page }) => {
  await fillUpToMaterials(page, uniqueName());

  await openApp(page, '/apply');
  await expect(page.getByRole('heading', { name: '未提交的草稿' })).toBeVisible();
  const draft = page.getByRole('link', { name: /继续填写: 无犯罪记录证明开具/ });
  await expect(draft).toHaveCount(1);
  await expectAccessible(page);

  // Continuing it leads back into the application.
  await draft.click();
  await expect(page.getByRole('heading', { name: '告知承诺和个人信息保护' })).toBeVisible();
  await expect(page.getByLabel('我已阅读并同意')).toBeChecked();

  await openApp(page, '/apply');
  page.once('dialog', async (dialog) => {
    expect(dialog.message()).toContain('删除后无法恢复');
    await dialog.accept();
  });
  await page.getByRole('button', { name: '删除草稿' }).click();
  await expect(page.getByText('本机没有未提交的草稿。')).toBeVisible();
  await expect(page.getByRole('link', { name: /继续填写/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('本机没有未提交的草稿。')).toBeVisible();
  await expect(page.getByRole('link', { name: /继续填写/ })).toHaveCount(0);
});

test('清除本机数据 empties my cases and the drafts on a shared phone', async ({ page }) => {
  test.setTimeout(150_000);
  // One submitted case (in my cases) and one unfinished draft.
  await fillUpToMaterials(page, uniqueName());
  await uploadAndGoToCheck(page);
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByRole('heading', { name: '申报已提交' })).toBeVisible();
  const number = (await page.locator('#case-number').textContent())?.trim() ?? '';
  await fillUpToMaterials(page, uniqueName());

  await openApp(page, '/track');
  await expect(page.locator('.my-case')).toHaveCount(1);
  await expect(page.locator('.my-case')).toContainText(number);

  // It asks first; cancelling keeps everything.
  await page.getByRole('button', { name: '清除本机数据' }).click();
  const confirm = page.getByRole('group', { name: '清除本机数据' });
  await expect(confirm).toContainText('清除后无法恢复');
  await expectAccessible(page);
  await confirm.getByRole('button', { name: '取消' }).click();
  await expect(page.locator('.my-case')).toHaveCount(1);

  await page.getByRole('button', { name: '清除本机数据' }).click();
  await page.getByRole('group', { name: '清除本机数据' }).getByRole('button', { name: '确定清除' }).click();
  await expect(page.getByText('本机数据已清除。')).toBeVisible();
  await expect(page.locator('.my-case')).toHaveCount(0);
  await expect(page.getByText('本机还没有保存办件。', { exact: false })).toBeVisible();

  // Still empty after a reload, and the draft is gone too.
  await page.reload();
  await expect(page.getByText('本机还没有保存办件。', { exact: false })).toBeVisible();
  await expect(page.locator('.my-case')).toHaveCount(0);
  await openApp(page, '/apply');
  await expect(page.getByText('本机没有未提交的草稿。')).toBeVisible();
  await expect(page.getByRole('link', { name: /继续填写/ })).toHaveCount(0);
  // The receipt left with the rest.
  await openApp(page, `/apply/done/${number}`);
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
});

test('with the network gone, a draft opened before can still be continued and its photos wait to upload', async ({ page, context }) => {
  test.setTimeout(120_000);
  await fillUpToMaterials(page, uniqueName());
  // Load once through the service worker so the guide and the form are saved on the device.
  await loadThroughServiceWorker(page);
  await expect(page.getByRole('heading', { name: '拍照上传材料' })).toBeVisible();

  await goOffline(context);
  await page.reload();
  await expect(page.getByRole('heading', { name: '拍照上传材料' })).toBeVisible();
  const idCard = page.getByRole('region', { name: '申请人居民身份证' });
  await idCard.getByLabel('拍照').setInputFiles({ name: 'front.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto(page, 1600, 1200) });
  await expect(idCard.getByText('网络不畅，恢复后将自动继续上传')).toBeVisible({ timeout: 20_000 });

  await goOnline(context);
  await expect(idCard.getByText('已上传')).toBeVisible({ timeout: 30_000 });
});

test('applying through an agent asks for the signed authorization letter', async ({ page }) => {
  await fillUpToMaterials(page, uniqueName());
  await expect(page.getByRole('region', { name: '授权委托书' })).toHaveCount(0);
  await page.getByRole('link', { name: '返回上一步' }).click();
  await page.getByRole('link', { name: '返回上一步' }).click();
  await page.getByLabel('由他人代为办理（代办）').check();
  const agent = page.getByRole('group', { name: '代办人' });
  await agent.getByLabel('姓名').fill('李四');
  await agent.getByLabel('公民身份号码').fill('440524188001010014');
  await agent.getByLabel('手机号码').fill('13900139000');
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.getByRole('region', { name: '授权委托书' })).toBeVisible();
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.getByRole('alert')).toContainText('请上传：授权委托书');
  await expectAccessible(page);
});

/** Ages uploads on the server by 25 hours and runs the cleanup's sweep on them, as the backend's
 *  hourly timer would the next day: rows and files go. Returns how many were removed. */
function sweepAsNextDay(uploadIds: string[]): number {
  const script = `
import os, sqlite3, sys, time
data, ids = sys.argv[1], sys.argv[2:]
db = sqlite3.connect(os.path.join(data, "portal.sqlite3"), timeout=10)
marks = ",".join("?" * len(ids))
with db:
    db.execute(f"UPDATE uploads SET created_at = created_at - 25 * 3600 WHERE id IN ({marks})", ids)
    cutoff = int(time.time()) - 24 * 3600
    gone = [r[0] for r in db.execute(
        f"SELECT id FROM uploads WHERE id IN ({marks}) AND case_number IS NULL AND created_at < ?",
        [*ids, cutoff])]
    db.executemany("DELETE FROM uploads WHERE id = ?", [(g,) for g in gone])
for g in gone:
    os.remove(os.path.join(data, "uploads", g))
print(len(gone))
`;
  const out = execFileSync('python3', ['-c', script, process.env.DATA_DIR ?? '', ...uploadIds]);
  return Number(out.toString().trim());
}

test('a draft continued the next day, after the server swept its photos, is sent without the citizen doing anything', async ({ page, request }) => {
  test.skip(!process.env.DATA_DIR, 'needs the backend data directory in DATA_DIR, as cargo xtask test passes it');
  test.setTimeout(120_000);
  const uploaded: string[] = [];
  const submissions: { status: number; code?: string }[] = [];
  page.on('response', async (res) => {
    const path = new URL(res.url()).pathname;
    if (res.request().method() !== 'POST') return;
    if (path === '/api/uploads' && res.ok()) uploaded.push((await res.json()).upload_id);
    if (path === '/api/applications') {
      submissions.push({ status: res.status(), code: res.ok() ? undefined : (await res.json()).code });
    }
  });
  const name = uniqueName();
  await fillUpToMaterials(page, name);
  await uploadAndGoToCheck(page);
  expect(uploaded).toHaveLength(1);
  const first = await request.get(`/api/staff/uploads/${uploaded[0]}`, { headers: staff });
  const firstBytes = Buffer.from(await first.body());
  expect(firstBytes.length).toBeGreaterThan(1000);

  // A day later: the server has removed the photo; the draft is opened again on the phone.
  expect(sweepAsNextDay(uploaded)).toBe(1);
  await page.reload();
  await expect(page.getByRole('heading', { name: '核对并提交' })).toBeVisible();
  await expect(page.getByText('所有照片已上传。')).toBeVisible();
  await page.getByRole('button', { name: '确认提交' }).click();

  // The server names the gone photo; the app sends it again from the phone and submits.
  await expect(page.getByRole('heading', { name: '申报已提交' })).toBeVisible({ timeout: 30_000 });
  expect(submissions).toEqual([{ status: 422, code: 'uploads_expired' }, { status: 200, code: undefined }]);
  expect(uploaded).toHaveLength(2);
  const number = (await page.locator('#case-number').textContent())?.trim() ?? '';
  expect((await casesOf(request, name)).map((c) => c.case_number)).toEqual([number]);
  const detail = await (await request.get(`/api/staff/cases/${number}`, { headers: staff })).json();
  const ids: string[] = detail.materials.find((m: { material_id: string }) => m.material_id === 'id-card').upload_ids;
  expect(ids).toEqual([uploaded[1]]);
  const stored = await request.get(`/api/staff/uploads/${ids[0]}`, { headers: staff });
  expect(stored.status()).toBe(200);
  // The very photo kept on the phone, sent again byte for byte.
  expect(Buffer.from(await stored.body()).equals(firstBytes)).toBe(true);
});

test('an iPhone HEIC photo is explained, and a busy page is encoded again at a lower quality', async ({ page, request }) => {
  test.setTimeout(120_000);
  await fillUpToMaterials(page, uniqueName());
  const idCard = page.getByRole('region', { name: '申请人居民身份证' });
  let uploads = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/uploads') uploads++;
  });

  // Chromium cannot decode HEIC: the citizen is told how to set the camera, nothing is sent.
  const heic = Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
    Buffer.alloc(4096, 7),
  ]);
  await idCard.getByLabel('从相册或文件选择').setInputFiles({ name: 'IMG_0001.HEIC', mimeType: 'image/heic', buffer: heic });
  await expect(idCard.getByRole('alert')).toContainText('您的照片是 HEIC 格式，此浏览器无法读取');
  await expect(idCard.getByRole('alert')).toContainText('兼容性最佳');
  await expect(idCard.locator('img')).toHaveCount(0);
  await expectAccessible(page);

  // A page of fine noise is over 400 KB at quality 0.8: it is encoded once more at 0.7.
  const noisy = await page.evaluate(async () => {
    const c = new OffscreenCanvas(2000, 1500);
    const g = c.getContext('2d')!;
    const img = g.createImageData(2000, 1500);
    let x = 12345;
    for (let i = 0; i < img.data.length; i += 4) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      img.data[i] = x & 255;
      img.data[i + 1] = (x >> 8) & 255;
      img.data[i + 2] = (x >> 16) & 255;
      img.data[i + 3] = 255;
    }
    g.putImageData(img, 0, 0);
    const source = await c.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
    // What the same pixels weigh at the two qualities the app uses.
    const again = new OffscreenCanvas(2000, 1500);
    again.getContext('2d')!.drawImage(await createImageBitmap(source), 0, 0);
    const at = async (quality: number) => (await again.convertToBlob({ type: 'image/jpeg', quality })).size;
    const bytes = new Uint8Array(await source.arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { b64: btoa(s), q80: await at(0.8), q70: await at(0.7) };
  });
  expect(noisy.q80).toBeGreaterThan(400 * 1024);
  const uploaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/uploads' && r.ok(), { timeout: 60_000 });
  await idCard.getByLabel('从相册或文件选择').setInputFiles({
    name: 'page.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(noisy.b64, 'base64'),
  });
  const receipt = await (await uploaded).json();
  expect(uploads).toBe(1);
  const stored = Buffer.from(await (await request.get(`/api/staff/uploads/${receipt.upload_id}`, { headers: staff })).body());
  expect(jpegSize(stored)).toEqual({ width: 2000, height: 1500 });
  expect(stored.length).toBeLessThan(noisy.q80);
  expect(Math.abs(stored.length - noisy.q70) / noisy.q70).toBeLessThan(0.02);
});

test('a screen reader hears an upload politely: its start, each quarter and the end, not every percent', async ({ page }) => {
  test.setTimeout(120_000);
  await fillUpToMaterials(page, uniqueName());
  const idCard = page.getByRole('region', { name: '申请人居民身份证' });
  // Everything the photo's polite live region says, and every value its progress bar shows.
  await page.evaluate(() => {
    const w = window as any;
    w.said = [];
    w.bar = [];
    const note = (list: string[], value: string | null | undefined) => {
      if (value && list[list.length - 1] !== value) list.push(value);
    };
    new MutationObserver(() => {
      const live = document.querySelector('.page-item [role="status"][aria-live="polite"]');
      note(w.said, live?.textContent);
      note(w.bar, (document.querySelector('.page-item progress') as HTMLProgressElement | null)?.value.toString());
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  // A slow uplink, so the upload reports many steps of progress.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 40 * 1024,
  });
  await idCard.getByLabel('拍照').setInputFiles({ name: 'front.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto(page, 2000, 1500) });
  await expect(idCard.getByText('已上传')).toBeVisible({ timeout: 90_000 });
  const { said, bar } = await page.evaluate(() => ({ said: (window as any).said, bar: (window as any).bar }));

  // The bar moved by the percent...
  expect(bar.some((v: string) => Number(v) % 25 !== 0), bar.join(' ')).toBe(true);
  // ...the live region spoke only at the quarters, each once, then said it was done.
  const percents = said.flatMap((s: string) => [...s.matchAll(/(\d+)%/g)].map((m) => Number(m[1])));
  expect(percents.length, said.join(' | ')).toBeGreaterThan(0);
  expect(percents.every((p: number) => p % 25 === 0), said.join(' | ')).toBe(true);
  expect(new Set(said).size).toBe(said.length);
  expect(said[said.length - 1]).toBe('已上传');
});
