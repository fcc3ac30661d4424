import { test, expect } from '@playwright/test';
import { expectAccessible, openApp } from './helpers';

// 办件公示: a company's 食品经营许可, submitted and approved through the API, is published; the
// public page finds it by name and gives it a stable address. Nothing about the person.

const STAFF_TOKEN = process.env.STAFF_TOKEN ?? 'e2e-staff-token';
const FOOD = '11990100SCJG010006000';
const COMPANY = `示例餐饮有限公司${Date.now() % 100000}`;
const CREDIT_CODE = '91350100M000100Y43';

/** The start of a PNG declaring its size: what the backend checks an upload by. */
function pngHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'ascii');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  b[24] = 8;
  b[25] = 6;
  return b;
}

test('a licensing decision on a company is published with a stable address', async ({ page, request }) => {
  const service = await (await request.get(`/api/services/${FOOD}`)).json();
  const form = await (await request.get(`/api/services/${FOOD}/form`)).json();
  const situation: string[] = service.situations.map((s: any) => s.options[0].id);
  const draft = `e2e-publication-${Date.now()}`;
  const materials = [];
  for (const m of service.materials) {
    if (m.applies_when.length > 0 && !m.applies_when.some((id: string) => situation.includes(id))) continue;
    const res = await request.post(`/api/uploads?draft=${draft}`, {
      data: pngHeader(800, 600),
      headers: { 'content-type': 'image/png' },
    });
    expect(res.status(), await res.text()).toBe(200);
    materials.push({ material_id: m.id, upload_ids: [(await res.json()).upload_id] });
  }
  const applicant = { name: '赵经办', id_number: '110102198506123412', phone: '13700137000', address: '北京市朝阳区示例路8号' };
  const value = (f: any): string =>
    ({ id_number: applicant.id_number, phone: applicant.phone, date: '2026-01-05', address: applicant.address } as any)[f.kind] ??
    (f.kind === 'choice' ? f.options[0] : '示例内容'.slice(0, f.max_chars));
  const submitted = await request.post('/api/applications', {
    headers: { 'idempotency-key': `${draft}-submit` },
    data: {
      service_code: FOOD,
      situation,
      applicant,
      legal_person: { name: COMPANY, credit_code: CREDIT_CODE },
      fields: form.fields.map((f: any) => [f.id, value(f)]),
      materials,
      delivery: { kind: 'window' },
      consent: true,
    },
  });
  expect(submitted.status(), await submitted.text()).toBe(200);
  const { case_number } = await submitted.json();
  for (const action of ['accept', 'approve']) {
    const res = await request.post(`/api/staff/cases/${case_number}/actions`, {
      headers: { authorization: `Bearer ${STAFF_TOKEN}` },
      data: { action, handler: '王审查' },
    });
    expect(res.status(), await res.text()).toBe(200);
  }

  await openApp(page, '/publications');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('办件公示（行政许可）');
  await page.getByLabel('搜索单位名称、统一社会信用代码或事项').fill(COMPANY);
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/\/publications\?q=/);
  await page.getByRole('link', { name: COMPANY }).click();
  await expect(page).toHaveURL(/\/publications\/XK\d{13}$/);
  const address = page.url();

  const facts = page.locator('.facts');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(COMPANY);
  await expect(facts).toContainText(CREDIT_CODE);
  await expect(facts).toContainText('食品经营许可');
  await expect(facts).toContainText('准予行政许可');
  await expect(facts).toContainText('市市场监督管理局');
  for (const personal of [applicant.name, applicant.id_number, applicant.phone, case_number]) {
    await expect(page.locator('main')).not.toContainText(personal);
  }
  await expectAccessible(page);

  // The address stays: it opens the same decision, as HTML before any script runs.
  const html = (await (await request.get(address)).text()).replaceAll('<!>', '');
  expect(html).toContain(`<h1>${COMPANY}</h1>`);
  expect(html).toContain(CREDIT_CODE);
});
