// `cargo xtask bench` runs this against the real backend serving the release build: Lighthouse
// (mobile defaults: simulated slow 4G, 4x CPU slowdown) on the public pages and on a case page,
// in Debian's Chromium. Each page is measured LIGHTHOUSE_RUNS times and the median run (by
// performance score) is reported; every run's JSON report is kept in OUT_DIR, and the medians in
// OUT_DIR/summary.json, which xtask checks against the budgets.
//
// Lighthouse and puppeteer-core come from LIGHTHOUSE_MODULES (xtask installs them at pinned
// versions into .tools/lighthouse; the browser tests do not need them).
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
const outDir = process.env.OUT_DIR ?? '../target/lighthouse';
const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const modules = process.env.LIGHTHOUSE_MODULES;
if (!modules) throw new Error('LIGHTHOUSE_MODULES is not set (cargo xtask bench sets it)');
const load = async (name) => {
  const path = createRequire(join(modules, 'noop.js')).resolve(name);
  return (await import(pathToFileURL(path).href)).default;
};
const lighthouse = await load('lighthouse');
const puppeteer = await load('puppeteer-core');

// ---------------------------------------------------------------------------------------------
// The pages: one guide, checklist and application start of a real service, and a case created
// through the API as the browser tests create theirs.

async function api(path, init) {
  const res = await fetch(base + path, init);
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** A small PNG of "text lines", valid for the upload check. */
function png(width, height) {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3, 0xff);
    row[0] = 0;
    if (y % 24 < 6) for (let x = 16; x < width - 16; x++) if ((x >> 3) % 3 !== 0) row.fill(0x20, 1 + x * 3, 4 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function fieldValue(field) {
  switch (field.kind) {
    case 'id_number': return '11010519491231002X';
    case 'phone': return '13800138000';
    case 'date': return '2026-01-05';
    case 'choice': return field.options?.[0] ?? '';
    case 'address': return '北京市西城区某某街1号';
    default: return '测试内容'.slice(0, field.max_chars ?? 4);
  }
}

const toUpload = (service) =>
  service.materials.filter((m) => m.required === 'required' && !(m.source.kind === 'department' && m.source.fetched_by_center));

/** The first service that can be applied for online without situations and asks for a photo. */
async function pickService() {
  for (const summary of await api('/api/services')) {
    if (!summary.online_application) continue;
    const code = encodeURIComponent(summary.code);
    const service = await api(`/api/services/${code}`);
    if (service.situations.length > 0 || toUpload(service).length === 0) continue;
    return { service, form: await api(`/api/services/${code}/form`) };
  }
  throw new Error('no online service without situations in the catalog');
}

async function createCase({ service, form }) {
  const draft = `bench-${Date.now()}`;
  const materials = [];
  for (const m of toUpload(service)) {
    const upload = await api(`/api/uploads?draft=${draft}`, {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: png(120, 160),
    });
    materials.push({ material_id: m.id, upload_ids: [upload.upload_id] });
  }
  return api('/api/applications', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `${draft}-submit` },
    body: JSON.stringify({
      service_code: service.code,
      situation: [],
      applicant: { name: '张三', id_number: '11010519491231002X', phone: '13800138000', address: '北京市西城区某某街1号' },
      fields: form.fields.map((f) => [f.id, fieldValue(f)]),
      materials,
      delivery: { kind: 'window' },
      consent: true,
    }),
  });
}

const picked = await pickService();
const code = encodeURIComponent(picked.service.code);
const receipt = await createCase(picked);
const allPages = [
  { name: 'home', path: '/', kind: 'public' },
  { name: 'services', path: '/services', kind: 'public' },
  { name: 'guide', path: `/services/${code}`, kind: 'public' },
  { name: 'checklists', path: '/checklists', kind: 'public' },
  { name: 'checklist', path: `/checklists/${code}`, kind: 'public' },
  { name: 'track', path: '/track', kind: 'public' },
  { name: 'apply-start', path: `/apply/${code}`, kind: 'public' },
  { name: 'case', path: `/track/${encodeURIComponent(receipt.case_number)}`, kind: 'case' },
];
// LIGHTHOUSE_ONLY=guide,case measures only those (while working on them).
const only = process.env.LIGHTHOUSE_ONLY?.split(',');
const pages = only ? allPages.filter((p) => only.includes(p.name)) : allPages;

// ---------------------------------------------------------------------------------------------
// Measuring.

const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});

/**
 * The case page reads the query code from the device, as it does for a citizen who looked the
 * case up: the look-up form is filled in first, then the HTTP cache, the service worker and its
 * caches are cleared so that the measured load is cold, but `localStorage` stays.
 */
async function lookUpOnDevice(page) {
  await page.goto(base + '/track');
  await page.waitForFunction(() => performance.getEntriesByName('portal-ready').length > 0);
  await page.type('#f-case-number', receipt.case_number);
  await page.type('#f-query-code', receipt.query_code);
  await Promise.all([
    page.waitForFunction((n) => location.pathname === `/track/${n}`, {}, receipt.case_number),
    page.click('form.track-form button[type=submit]'),
  ]);
  // Leave the page first: Lighthouse's own navigation must start from a blank page.
  await page.goto('about:blank');
  const cdp = await page.createCDPSession();
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Storage.clearDataForOrigin', { origin: base, storageTypes: 'service_workers,cache_storage' });
  await cdp.detach();
}

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const row = (...cells) =>
  cells.map((c, i) => (i === 0 ? String(c).padEnd(40) : i < 6 ? String(c).padStart(7) : `  ${c}`)).join(' ');
console.log(`mobile defaults (simulated slow 4G, 4x CPU); median of ${runs} run(s) per page, by score`);
console.log(row('page', 'perf', 'FCP', 'LCP', 'TBT', 'CLS', 'scores of the runs'));

const audit = (lhr, id) => lhr.audits[id]?.numericValue ?? NaN;
mkdirSync(outDir, { recursive: true });
const summary = [];
let version = '';
const indexes = [];
for (const p of pages) {
  const measured = [];
  for (let i = 1; i <= runs; i++) {
    const keepStorage = p.kind === 'case';
    let result;
    // Now and then the trace of a load comes back without its start (NO_NAVSTART); Lighthouse
    // asks for the run to be repeated, and so it is, twice at most.
    for (let attempt = 1; ; attempt++) {
      const page = await browser.newPage();
      if (keepStorage) await lookUpOnDevice(page);
      result = await lighthouse(
        base + p.path,
        { output: 'json', onlyCategories: ['performance'], logLevel: 'error', disableStorageReset: keepStorage },
        undefined,
        page,
      );
      await page.close();
      const error = result.lhr.runtimeError;
      if (!error) break;
      if (attempt === 3) throw new Error(`${p.path}: ${error.code} ${error.message}`);
      console.log(`(${p.path}: ${error.code}, measuring again)`);
    }
    const lhr = result.lhr;
    version = lhr.lighthouseVersion;
    const report = join(outDir, `${p.name}-${i}.json`);
    writeFileSync(report, result.report);
    measured.push({
      performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
      fcp_ms: audit(lhr, 'first-contentful-paint'),
      lcp_ms: audit(lhr, 'largest-contentful-paint'),
      tbt_ms: audit(lhr, 'total-blocking-time'),
      cls: audit(lhr, 'cumulative-layout-shift'),
      benchmark_index: lhr.environment?.benchmarkIndex ?? NaN,
      report,
    });
  }
  // The median run by score; between equal scores, the one with the median LCP.
  const sorted = [...measured].sort((a, b) => a.performance - b.performance || a.lcp_ms - b.lcp_ms);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  const r = { ...p, ...median, runs: measured.map((m) => m.performance) };
  indexes.push(...measured.map((m) => m.benchmark_index));
  summary.push(r);
  console.log(row(r.path, r.performance, s(r.fcp_ms), s(r.lcp_ms), `${Math.round(r.tbt_ms)} ms`, r.cls.toFixed(3), r.runs.join(' ')));
}
await browser.close();
// TBT (and so the score) is the main thread's observed task time times four: on a machine busy
// with other work it comes out higher than a phone would see. These say how busy it was.
console.log(
  `(Lighthouse ${version}; this machine's benchmark index ${Math.round(Math.min(...indexes))}–${Math.round(Math.max(...indexes))}, ` +
    `load average ${loadavg()[0].toFixed(1)} over ${availableParallelism()} cores: TBT is overstated on a busy machine)`,
);
writeFileSync(join(outDir, 'summary.json'), JSON.stringify(summary, null, 2));

