/**
 * A camera-like photo made in the browser: a landscape JPEG of `width`×`height` with printed text,
 * plus an EXIF block saying "rotate 90° clockwise to display" (orientation 6) and a GPS position,
 * as a phone writes them. Upright, it is portrait.
 */
/** @param {import('@playwright/test').Page} page @returns {Promise<Buffer>} */
export async function phonePhoto(page, width = 4000, height = 3000) {
  const b64 = await page.evaluate(
    async ([w, h]) => {
      const c = new OffscreenCanvas(w, h);
      const g = c.getContext('2d');
      g.fillStyle = '#f4f1ea';
      g.fillRect(0, 0, w, h);
      g.fillStyle = '#111';
      g.font = `${Math.round(h / 20)}px sans-serif`;
      for (let y = 1; y < 18; y++) g.fillText('中华人民共和国居民身份证 1234567890', w / 20, (y * h) / 18);
      g.fillStyle = '#c00';
      g.fillRect(0, 0, w / 8, h / 8);
      const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(s);
    },
    [width, height],
  );
  return withExif(Buffer.from(b64, 'base64'));
}

/** The latitude written into the GPS tag, so a test can look for it in a stored file. */
export const GPS_MARKER = Buffer.from([0, 0, 0, 39, 0, 0, 0, 1, 0, 0, 0, 54, 0, 0, 0, 1]);

function withExif(jpeg) {
  const tiff = Buffer.alloc(140);
  tiff.write('MM', 0, 'ascii');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  // IFD0: Orientation = 6, GPSInfo -> 38.
  tiff.writeUInt16BE(2, 8);
  entry(tiff, 10, 0x0112, 3, 1, 6 << 16);
  entry(tiff, 22, 0x8825, 4, 1, 38);
  tiff.writeUInt32BE(0, 34);
  // GPS IFD: N 39°54', E 116°23'.
  tiff.writeUInt16BE(4, 38);
  entry(tiff, 40, 0x0001, 2, 2, 0x4e000000);
  entry(tiff, 52, 0x0002, 5, 3, 92);
  entry(tiff, 64, 0x0003, 2, 2, 0x45000000);
  entry(tiff, 76, 0x0004, 5, 3, 116);
  tiff.writeUInt32BE(0, 88);
  [39, 1, 54, 1, 0, 1].forEach((v, i) => tiff.writeUInt32BE(v, 92 + i * 4));
  [116, 1, 23, 1, 0, 1].forEach((v, i) => tiff.writeUInt32BE(v, 116 + i * 4));
  const header = Buffer.from('Exif\0\0', 'binary');
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(2 + header.length + tiff.length, 2);
  return Buffer.concat([jpeg.subarray(0, 2), app1, header, tiff, jpeg.subarray(2)]);
}

function entry(buf, at, tag, type, count, value) {
  buf.writeUInt16BE(tag, at);
  buf.writeUInt16BE(type, at + 2);
  buf.writeUInt32BE(count, at + 4);
  buf.writeUInt32BE(value >>> 0, at + 8);
}

/** Width and height from a JPEG's SOF marker. */
/** @returns {{width: number, height: number} | null} */
export function jpegSize(jpeg) {
  let i = 2;
  while (i + 9 < jpeg.length) {
    if (jpeg[i] !== 0xff) return null;
    const marker = jpeg[i + 1];
    const len = jpeg.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: jpeg.readUInt16BE(i + 5), width: jpeg.readUInt16BE(i + 7) };
    }
    i += 2 + len;
  }
  return null;
}
