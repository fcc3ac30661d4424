import { test, expect, APIRequestContext, Page } from '@playwright/test';
import { expectAccessible, openApp } from './helpers';
import { phonePhoto } from './photos.mjs';
import { idNumber } from './cases';

// 预约办理 and 预审 on the phone, against the real backend: a guide offers the booking with the
// next free time; a citizen books, moves and cancels; a slot fills up under them; staff pre-check
// a photographed material as 需补正 and the citizen photographs it again.

const STAFF_TOKEN = process.env.STAFF_TOKEN ?? 'e2e-staff-token';
// 退役军人接收安置报到: two places (市民中心 and 市退役军人服务中心, 2 places per slot).
const SERVICE = '11990100TYJR200002000';
const SMALL_PLACE = '市退役军人服务中心';

// Each run uses fresh ID numbers: one active appointment per ID number and service.
const RUN = Math.floor(Math.random() * 300) * 3;

type Slot = { date: string; start: string; end: string; left: number; closed?: string | null };
type Availability = { places: { place_id: string; name: string; days: { date: string; slots: Slot[] }[] }[] };

async function availability(request: APIRequestContext): Promise<Availability> {
  const res = await request.get(`/api/services/${SERVICE}/availability`);
  expect(res.ok()).toBeTruthy();
  return res.json();
}

async function bookByApi(request: APIRequestContext, placeId: string, slot: Slot, n: number) {
  const res = await request.post('/api/appointments', {
    data: {
      service_code: SERVICE, place_id: placeId, date: slot.date, start: slot.start,
      name: '赵六', id_number: idNumber(n), phone: '13900139000',
    },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
}

/** 12月1日 for 2026-12-01, as the day choices read. */
function dayLabel(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日`;
}

async function fillBooker(page: Page, n: number) {
  await page.getByLabel('姓名').fill('李小明');
  await page.getByLabel('公民身份号码').fill(idNumber(n));
  await page.getByLabel('手机号码').fill('13800138000');
}

/** Picks the first day with free places and its first free slot. */
async function pickFirstFree(page: Page) {
  await page.getByRole('group', { name: '预约日期' }).getByRole('radio', { disabled: false }).first().check();
  await page.getByRole('group', { name: '预约时段' }).getByRole('radio', { disabled: false }).first().check();
}

test('a guide offers 预约办理; the citizen books, moves and cancels', async ({ page }) => {
  await openApp(page, `/services/${SERVICE}`);
  await expect(page.getByText(/最近可约：/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: '预约办理' }).click();
  await expect(page.getByRole('heading', { name: '预约办理', level: 1 })).toBeVisible();

  // Without a slot and with a wrong ID number, the form says what to fix beside each field.
  await page.getByLabel('姓名').fill('李小明');
  await page.getByLabel('公民身份号码').fill('110105198501010010');
  await page.getByRole('button', { name: '确认预约' }).click();
  await expect(page.getByText('请选择预约时段').first()).toBeVisible();
  await expect(page.getByText('公民身份号码校验位不正确，请核对后重新输入').first()).toBeVisible();

  await pickFirstFree(page);
  await fillBooker(page, RUN);
  await expectAccessible(page);
  await page.getByRole('button', { name: '确认预约' }).click();

  await expect(page).toHaveURL(/\/appointments\/YY\d{13}$/);
  await expect(page.locator('.status-big')).toHaveText('已预约');
  // Only the first and last characters of the ID number show.
  await expect(page.getByText(/^1\*{16}[0-9X]$/)).toBeVisible();
  await expect(page.getByRole('img', { name: '签到二维码：到达后向窗口出示' })).toBeVisible();
  await expectAccessible(page);
  const before = await page.locator('.facts').innerText();

  // 改约: another slot of the same day.
  await page.getByRole('button', { name: '改约' }).click();
  await page.getByRole('group', { name: '预约时段' }).getByRole('radio', { disabled: false }).last().check();
  await page.getByRole('button', { name: '确认改约' }).click();
  await expect(page.getByText('已改约到新的时段')).toBeVisible();
  expect(await page.locator('.facts').innerText()).not.toEqual(before);

  // 取消: asked once more, then the place is free again.
  await page.getByRole('button', { name: '取消预约' }).click();
  await page.getByRole('button', { name: '确定取消' }).click();
  await expect(page.locator('.status-big')).toHaveText('已取消');
  await expect(page.getByText('预约已取消')).toBeVisible();

  // My appointments sit beside my cases.
  await openApp(page, '/track');
  const mine = page.getByRole('region', { name: '我的预约' });
  await expect(mine.getByText('退役军人接收安置报到')).toBeVisible();
  await expect(mine.getByText(/已取消/)).toBeVisible();
  await expectAccessible(page);
});

test('a slot that fills up while the citizen books offers the next free one', async ({ page, request }) => {
  const a = await availability(request);
  const place = a.places.find((p) => p.name === SMALL_PLACE)!;
  const day = place.days.find((d) => d.slots.some((s) => s.left === 2))!;
  const slot = day.slots.find((s) => s.left === 2)!;
  await bookByApi(request, place.place_id, slot, RUN + 1);

  await openApp(page, `/services/${SERVICE}/appointment`);
  await page.getByRole('radio', { name: SMALL_PLACE }).check();
  await page.getByRole('group', { name: '预约日期' }).getByRole('radio', { name: dayLabel(day.date) }).check();
  const slotRadio = page.getByRole('radio', { name: `${slot.start}–${slot.end}` });
  await expect(page.getByText(`${slot.start}–${slot.end}`).locator('..')).toContainText('余1个');
  await slotRadio.check();
  await fillBooker(page, RUN + 2);
  // Someone else takes the last place meanwhile.
  await bookByApi(request, place.place_id, slot, RUN + 3);
  await page.getByRole('button', { name: '确认预约' }).click();

  await expect(page.getByRole('alert').getByText(/该时段已约满。最近可预约：/)).toBeVisible();
  await expect(slotRadio).toBeDisabled();
  await expectAccessible(page);
  await page.getByRole('button', { name: '改选最近可约时段' }).click();
  // What was typed is still there.
  await expect(page.getByLabel('公民身份号码')).toHaveValue(idNumber(RUN + 2));
  await page.getByRole('button', { name: '确认预约' }).click();
  await expect(page.locator('.status-big')).toHaveText('已预约');
});

test('预审: a material marked 需补正 is photographed again', async ({ page, request }) => {
  await openApp(page, `/services/${SERVICE}/appointment`);
  await pickFirstFree(page);
  await fillBooker(page, RUN + 4);
  const photo = page.locator('.material-upload').first();
  const materialName = (await photo.locator('h3').innerText()).trim();
  await photo.getByLabel('拍照').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto(page, 1600, 1200) });
  await expect(photo.getByText('已上传')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '确认预约' }).click();
  await expect(page.locator('.status-big')).toHaveText('已预约');
  const precheck = page.getByRole('region', { name: '材料预审' });
  await expect(precheck.getByText('待预审', { exact: true })).toBeVisible();
  const number = page.url().split('/').pop()!;

  // The staff API needs the staff token.
  const refused = await request.post(`/api/staff/appointments/${number}/actions`, {
    data: { action: 'arrive', handler: '钱预审' },
  });
  expect(refused.status()).toBe(401);
  const act = await request.post(`/api/staff/appointments/${number}/actions`, {
    headers: { authorization: `Bearer ${STAFF_TOKEN}` },
    data: { action: 'precheck', handler: '钱预审', decisions: [{ material_id: 'photo', verdict: 'needs_fix', reason: '照片背景不是白色' }] },
  });
  expect(act.ok(), await act.text()).toBeTruthy();

  await page.reload();
  await expect(precheck.getByText('需补正', { exact: true })).toBeVisible();
  await expect(precheck.getByText('照片背景不是白色').first()).toBeVisible();
  await expectAccessible(page);
  const fix = precheck.locator('.material-upload', { hasText: materialName });
  await fix.getByLabel('拍照').setInputFiles({ name: 'again.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto(page, 1600, 1200) });
  await expect(fix.getByText('已上传')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '提交补正照片' }).click();
  await expect(page.getByText('补正照片已提交，等待预审')).toBeVisible();
  await expect(precheck.getByText('待预审', { exact: true })).toBeVisible();
  await expect(precheck.getByText('需补正', { exact: true })).toHaveCount(0);
});

test('a booking whose reply was lost is made once: tapping again shows it', async ({ page, context, request }) => {
  const id = idNumber(900 + ((RUN / 3) % 100));
  await openApp(page, `/services/${SERVICE}/appointment`);
  await pickFirstFree(page);
  await page.getByLabel('姓名').fill('李小明');
  await page.getByLabel('公民身份号码').fill(id);
  await page.getByLabel('手机号码').fill('13800138000');

  // The booking reaches the server and is made, but its reply is lost on the way back.
  let cut = true;
  await context.route('**/api/appointments', async (route) => {
    if (cut && route.request().method() === 'POST') {
      cut = false;
      await route.fetch();
      await route.abort('connectionreset');
      return;
    }
    await route.continue();
  });
  await page.getByRole('button', { name: '确认预约' }).click();
  await expect(page.getByText('提交未成功，您填写的内容已保存在本机，请稍后重试。').first()).toBeVisible();

  // Tapping again sends the same request under the same key: the booking made is shown, not
  // "该证件号码已预约此事项".
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/appointments' && r.ok());
  await page.getByRole('button', { name: '确认预约' }).click();
  const receipt = await (await answer).json();
  await expect(page).toHaveURL(new RegExp(`/appointments/${receipt.appointment_number}$`));
  await expect(page.locator('.status-big')).toHaveText('已预约');

  const day = await request.get(`/api/staff/appointments?date=${receipt.appointment.date}`, {
    headers: { authorization: `Bearer ${STAFF_TOKEN}` },
  });
  expect(day.ok()).toBeTruthy();
  const mine = (await day.json()).filter((a: { id_number: string }) => a.id_number === id);
  expect(mine).toHaveLength(1);
});
