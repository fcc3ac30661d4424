import { test, expect } from '@playwright/test';
import { openApp } from './helpers';
import { STAFF_TOKEN } from './cases';

// The photo pipeline draws on canvases without an alpha channel (faster to draw, read and
// encode), which start black: a picture that may be transparent must still come out on white
// paper, not on black, and its print must stay where it was.

const staff = { authorization: `Bearer ${STAFF_TOKEN}` };

test('a transparent PNG becomes print on white paper in the upload', async ({ page, request }) => {
  await openApp(page, `/apply/11990100GAHZ200006000/d-paper-${Date.now()}/materials`);
  const region = page.getByRole('region', { name: '申请人居民身份证' });
  await region.waitFor();
  // 1200 × 900, transparent but for a black bar across the middle.
  const png = await page.evaluate(async () => {
    const c = new OffscreenCanvas(1200, 900);
    const g = c.getContext('2d')!;
    g.fillStyle = '#000';
    g.fillRect(100, 400, 1000, 100);
    const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  });
  const uploaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/uploads' && r.ok(), { timeout: 60_000 });
  await region.getByLabel('从相册或文件选择').setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
  const receipt = await (await uploaded).json();
  const stored = Buffer.from(await (await request.get(`/api/staff/uploads/${receipt.upload_id}`, { headers: staff })).body());
  const luma = await page.evaluate(async (b64) => {
    const bin = atob(b64);
    const bytes = Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
    const c = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = c.getContext('2d')!;
    g.drawImage(bitmap, 0, 0);
    const at = (x: number, y: number) => g.getImageData(x, y, 1, 1).data[1];
    return { corner: at(10, 10), margin: at(600, 200), bar: at(600, 450) };
  }, stored.toString('base64'));
  expect(luma.corner).toBeGreaterThan(240);
  expect(luma.margin).toBeGreaterThan(240);
  expect(luma.bar).toBeLessThan(30);
});
