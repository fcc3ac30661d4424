import { expect, APIRequestContext } from '@playwright/test';
import { deflateSync } from 'node:zlib';

// Cases made and moved through the API, for the specs that follow a case in the browser.

export const STAFF_TOKEN = process.env.STAFF_TOKEN ?? 'e2e-staff-token';

// ---------------------------------------------------------------------------------------------
// A small real PNG, generated here so the test needs no fixture files.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGB PNG with dark "text lines" on white, so it looks like a document page. */
export function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3, 0xff);
    row[0] = 0; // filter: none
    if (y % 24 < 6) {
      for (let x = 16; x < width - 16; x++) {
        if ((x >> 3) % 3 !== 0) row.fill(0x20, 1 + x * 3, 4 + x * 3);
      }
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Creating and driving cases through the API.

export type Receipt = { case_number: string; query_code: string };
type Material = { id: string; name: string; required: string; source: { kind: string; fetched_by_center?: boolean } };
type TimeLimit =
  | { kind: 'days'; days: number; unit: 'working_days' | 'calendar_days' }
  | { kind: 'on_the_spot' }
  | { kind: 'not_set' };
export type Service = {
  code: string;
  name: string;
  promised_limit: TimeLimit;
  online_application: boolean;
  situations: unknown[];
  materials: Material[];
  places: { name: string; address: string; hours: string }[];
  channels: string[];
};
type Field = { id: string; kind: string; required: boolean; options?: string[]; max_chars?: number };

const picked = new Map<boolean, { service: Service; fields: Field[] }>();

/**
 * An online service without situations, with a promised limit in working days (the countdown
 * below is checked in them), a required material and a window; `byPost`: one that also delivers
 * by post, so that the post delivery is tested whichever service the catalog lists first.
 */
export async function pickService(request: APIRequestContext, byPost = false) {
  const known = picked.get(byPost);
  if (known) return known;
  const list = await (await request.get('/api/services')).json();
  for (const summary of list) {
    const limit: TimeLimit = summary.promised_limit;
    if (!summary.online_application || limit.kind !== 'days' || limit.unit !== 'working_days') continue;
    const code = encodeURIComponent(summary.code);
    const service: Service = await (await request.get(`/api/services/${code}`)).json();
    if (service.situations.length > 0 || service.places.length === 0) continue;
    if (!toUpload(service).length) continue;
    if (byPost && !service.channels.includes('post')) continue;
    const form = await (await request.get(`/api/services/${code}/form`)).json();
    const found = { service, fields: form.fields };
    picked.set(byPost, found);
    return found;
  }
  throw new Error(`no online service without situations${byPost ? ' delivering by post' : ''} in the catalog`);
}

export function toUpload(service: Service): Material[] {
  return service.materials.filter(
    (m) => m.required === 'required' && !(m.source.kind === 'department' && m.source.fetched_by_center),
  );
}

/**
 * A valid 公民身份号码 (GB 11643 check character).
 * - Without `n`: one of its own for each applicant, ending in X as the masked form the tests
 *   read (1****************X): the backend takes at most 10 applications per ID number a day,
 *   and the suite makes more cases than that.
 * - With `n`: the n-th of a fixed series (any check character), for tests that need to know
 *   which ID numbers they used, e.g. one active appointment per ID number and service.
 */
export function idNumber(n?: number): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const check = (body: string) => '10X98765432'[[...body].reduce((acc, d, i) => acc + Number(d) * weights[i], 0) % 11];
  if (n !== undefined) {
    const body = `11010519850101${String(n % 1000).padStart(3, '0')}`;
    return body + check(body);
  }
  for (;;) {
    const body = `11010519491231${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
    if (check(body) === 'X') return `${body}X`;
  }
}

function valueFor(field: Field): string {
  switch (field.kind) {
    case 'id_number':
      return '11010519491231002X';
    case 'phone':
      return '13800138000';
    case 'date':
      return '2026-01-05';
    case 'choice':
      return field.options?.[0] ?? '';
    case 'address':
      return '北京市西城区某某街1号';
    default:
      return '测试内容'.slice(0, field.max_chars ?? 4);
  }
}

export async function createCase(request: APIRequestContext, byPost = false): Promise<Receipt & { service: Service }> {
  const { service, fields } = await pickService(request, byPost);
  const delivery = byPost
    ? { kind: 'post', recipient: '李四', phone: '13900139000', address: '北京市东城区某某路2号' }
    : { kind: 'window' };
  const draft = `e2e-track-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const materials = [];
  for (const m of toUpload(service)) {
    const res = await request.post(`/api/uploads?draft=${draft}`, {
      data: png(120, 160),
      headers: { 'content-type': 'image/png' },
    });
    expect(res.status(), await res.text()).toBe(200);
    materials.push({ material_id: m.id, upload_ids: [(await res.json()).upload_id] });
  }
  const res = await request.post('/api/applications', {
    headers: { 'idempotency-key': `${draft}-submit` },
    data: {
      service_code: service.code,
      situation: [],
      applicant: { name: '张三', id_number: idNumber(), phone: '13800138000', address: '北京市西城区某某街1号' },
      fields: fields.map((f) => [f.id, valueFor(f)]),
      materials,
      delivery,
      consent: true,
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  return { ...(await res.json()), service };
}

export async function staff(request: APIRequestContext, caseNumber: string, action: Record<string, unknown>) {
  const res = await request.post(`/api/staff/cases/${caseNumber}/actions`, {
    headers: { authorization: `Bearer ${STAFF_TOKEN}` },
    data: { handler: '王审查', ...action },
  });
  expect(res.status(), await res.text()).toBe(200);
}

