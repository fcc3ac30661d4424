// `cargo xtask chaos` runs this against the real backend and the built app: citizens apply in
// Chromium at 390x844 while the network is cut at each step of a submission, and while the
// backend is killed with SIGKILL and started again on the same data. Afterwards it checks, for
// every run, through the staff API: the case exists exactly once, it holds one acknowledged
// upload per photo taken, every upload the app was told about is stored, and the receipt is on
// the device (and opens the case).
//
// Talks to xtask over its standard streams: a line `@@kill` asks for the backend to be killed
// and restarted; xtask answers `restarted` on standard input. Everything goes to 127.0.0.1.
//
// Bounded: 8 runs of each network scenario on WORKERS devices at once (3), then 7 of each kill
// scenario one at a time (a kill would hit every run under way), 101 in all; no new run starts
// after DEADLINE_S seconds (480).
import { chromium } from '@playwright/test';
import readline from 'node:readline';
import { phonePhoto } from './tests/photos.mjs';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
const staff = { Authorization: `Bearer ${process.env.STAFF_TOKEN ?? 'e2e-staff-token'}` };
const PER_SCENARIO = Number(process.env.RUNS_PER_SCENARIO ?? 8);
const PER_KILL_SCENARIO = Number(process.env.RUNS_PER_KILL_SCENARIO ?? 7);
const WORKERS = Number(process.env.WORKERS ?? 3);
const DEADLINE = Date.now() + Number(process.env.DEADLINE_S ?? 480) * 1000;
// 无犯罪记录证明开具: a situation, two fields, one required material (the ID card).
const SERVICE = '11990100GAHZ200006000';

// ---- talking to xtask ----------------------------------------------------------------------
const answers = [];
readline.createInterface({ input: process.stdin }).on('line', (line) => answers.shift()?.(line));
let restarting = null;
/** Kills the backend with SIGKILL and waits until it serves again. */
function killBackend() {
  restarting ??= new Promise((resolve, reject) => {
    answers.push((line) => (line === 'restarted' ? resolve() : reject(new Error(line))));
    process.stdout.write('@@kill\n');
  }).finally(() => { restarting = null; });
  return restarting;
}

// ---- a citizen ------------------------------------------------------------------------------
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` is true, polling; false when `ms` passed first. */
async function until(check, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return true;
    await sleep(250);
  }
  return false;
}

/** A valid ID number (GB 11643 check character), different for each run. */
function idNumber(n) {
  const body = `3301061985${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}

/** A name no other run uses, so the staff list tells the runs apart. */
function nameOf(n) {
  const chars = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
  return '陈' + chars[Math.floor(n / chars.length) % chars.length] + chars[n % chars.length] + chars[(n * 7 + 3) % chars.length];
}

async function waitForApp(page) {
  await page.waitForFunction(() => window.wasmBindings !== undefined, null, { timeout: 30_000 });
}

/** Opens a page; while the backend restarts, tries again, as a citizen would reload. */
async function open(page, path) {
  const end = Date.now() + 45_000;
  for (;;) {
    try {
      await page.goto(path);
      await waitForApp(page);
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
      await sleep(1000);
    }
  }
}

async function fillUpToMaterials(page, run) {
  await open(page, `/apply/${SERVICE}`);
  await page.getByRole('button', { name: '开始申报' }).click();
  await page.getByLabel('我已阅读并同意').check();
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByLabel('本人申请').check();
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByLabel('姓名').fill(run.name);
  await page.getByLabel('公民身份号码').fill(run.idNumber);
  await page.getByLabel('手机号码').fill('13800138000');
  await page.getByLabel('联系地址').fill('浙江省杭州市西湖区文三路1号');
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByLabel('证明用途').selectOption('就业');
  await page.getByLabel('用途说明').fill('应聘杭州某科技有限公司');
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('heading', { name: '拍照上传材料' }).waitFor();
}

const idCard = (page) => page.getByRole('region', { name: '申请人居民身份证' });

async function takePhotos(page, run) {
  for (let i = 0; i < run.photos; i++) {
    const photo = await phonePhoto(page, 1200 + 100 * i, 900);
    await idCard(page).getByLabel('拍照').setInputFiles({ name: `p${i}.jpg`, mimeType: 'image/jpeg', buffer: photo });
    await idCard(page).getByText(`第 ${i + 1} 页`, { exact: true }).waitFor();
  }
}

async function waitUploaded(page, run) {
  const ok = await until(async () => (await idCard(page).getByText('已上传', { exact: true }).count()) === run.photos, 90_000);
  if (!ok) throw new Error('the photos did not finish uploading');
}

async function toCheckPage(page) {
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('heading', { name: '结果领取方式' }).waitFor();
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('heading', { name: '核对并提交' }).waitFor();
}

const done = (page) => page.getByRole('heading', { name: '申报已提交' });

/** Taps 确认提交 once and waits until the receipt shows or the button is back (the attempt
 *  ended with a message); true on the receipt. While sending, the button says 正在提交…. */
async function tapSubmit(page) {
  const button = page.getByRole('button', { name: '确认提交' });
  await button.click();
  await sleep(300);
  await until(async () => (await done(page).isVisible()) || (await button.isEnabled({ timeout: 100 })), 45_000);
  return done(page).isVisible();
}

/** As a patient citizen would: taps again, a few seconds apart, until the receipt shows. */
async function submitUntilReceipt(page) {
  const end = Date.now() + 90_000;
  while (Date.now() < end) {
    if (await done(page).isVisible()) return true;
    if (await page.getByRole('button', { name: '确认提交' }).isVisible().catch(() => false)) {
      if (await tapSubmit(page)) return true;
    }
    await sleep(1500);
  }
  return false;
}

// ---- faults -------------------------------------------------------------------------------
async function goOffline(context) {
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  await context.setOffline(true);
}
async function goOnline(context) {
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.setOffline(false);
}

/** Routes the next `times` submissions through `handle`, the rest untouched. */
async function onSubmission(page, times, handle) {
  let left = times;
  await page.route('**/api/applications', async (route) => {
    if (left <= 0 || route.request().method() !== 'POST') return route.continue();
    left -= 1;
    await handle(route);
  });
}

/** The server saves the case, but its answer never reaches the phone. */
const loseReply = async (route) => {
  await route.fetch().catch(() => {});
  await route.abort('internetdisconnected');
};

async function changePurpose(page) {
  await page.getByRole('link', { name: /修改\s*用途说明/ }).click();
  await page.getByLabel('用途说明').fill('应聘宁波某贸易有限公司');
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('heading', { name: '拍照上传材料' }).waitFor();
  await toCheckPage(page);
}

// Each scenario: photos taken, what happens around the uploads, and what happens around the
// submission; `kills` ones kill the backend, and run alone.
const SCENARIOS = [
  {
    name: 'offline (page and worker) when tapping submit',
    photos: 1,
    async submit({ page, context }) {
      await goOffline(context);
      await tapSubmit(page);
      await goOnline(context);
    },
  },
  {
    name: 'submission refused by the network before the server',
    photos: 1,
    async submit({ page }) {
      await onSubmission(page, 2, (route) => route.abort('connectionrefused'));
      await tapSubmit(page);
      await tapSubmit(page);
    },
  },
  {
    name: 'reply lost after the server saved the case',
    photos: 1,
    async submit({ page }) {
      await onSubmission(page, 1, loseReply);
      await tapSubmit(page);
    },
  },
  {
    name: 'reply lost twice, in a row',
    photos: 1,
    async submit({ page }) {
      await onSubmission(page, 2, loseReply);
      await tapSubmit(page);
      await tapSubmit(page);
    },
  },
  {
    name: 'reply lost, then the citizen edits',
    photos: 1,
    async submit({ page }) {
      await onSubmission(page, 1, loseReply);
      await tapSubmit(page);
      await changePurpose(page);
    },
  },
  {
    name: 'reply lost, then the page is reloaded',
    photos: 1,
    async submit({ page }) {
      await onSubmission(page, 1, loseReply);
      await tapSubmit(page);
      await page.reload();
      await waitForApp(page);
      await page.getByRole('heading', { name: '核对并提交' }).waitFor();
    },
  },
  {
    name: 'offline mode during the photo uploads',
    photos: 2,
    async uploads({ page, context, run }) {
      await context.setOffline(true);
      await takePhotos(page, run);
      await idCard(page).getByText('网络不畅，恢复后将自动继续上传').first().waitFor({ timeout: 30_000 });
      await context.setOffline(false);
    },
  },
  {
    name: 'uploads cut before they reach the server',
    photos: 2,
    async uploads({ page, run }) {
      let left = 3;
      await page.route('**/api/uploads**', (route) => (left-- > 0 ? route.abort('connectionreset') : route.continue()));
      await takePhotos(page, run);
    },
  },
  {
    name: 'upload replies lost after the server stored them',
    photos: 2,
    async uploads({ page, run }) {
      let left = 2;
      await page.route('**/api/uploads**', async (route) => {
        if (left-- <= 0) return route.continue();
        await route.fetch().catch(() => {});
        await route.abort('internetdisconnected');
      });
      await takePhotos(page, run);
    },
  },
  {
    name: 'network gone from photos to submit, then back',
    photos: 1,
    async uploads({ page, context, run }) {
      await goOffline(context);
      await takePhotos(page, run);
      await sleep(1500);
      await goOnline(context);
    },
    async submit({ page }) {
      await onSubmission(page, 1, (route) => route.abort('internetdisconnected'));
      await tapSubmit(page);
    },
  },
  {
    name: 'backend killed (SIGKILL) during the uploads',
    kills: true,
    photos: 2,
    async uploads({ page, run }) {
      let killed = false;
      await page.route('**/api/uploads**', async (route) => {
        if (killed) return route.continue();
        killed = true;
        await route.continue();
        await killBackend();
      });
      await takePhotos(page, run);
    },
  },
  {
    name: 'backend killed (SIGKILL) as the submission arrives',
    kills: true,
    photos: 1,
    async submit({ page }) {
      await onSubmission(page, 1, async (route) => {
        await route.continue();
        await killBackend();
      });
      await tapSubmit(page);
    },
  },
  {
    name: 'backend killed (SIGKILL) after saving, before replying',
    kills: true,
    photos: 1,
    async submit({ page }) {
      await onSubmission(page, 1, async (route) => {
        await route.fetch().catch(() => {});
        await killBackend();
        await route.abort('internetdisconnected');
      });
      await tapSubmit(page);
    },
  },
];

// ---- running ------------------------------------------------------------------------------
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update'],
});

async function newDevice() {
  const context = await browser.newContext({
    baseURL: base,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(30_000);
  return context;
}

/** One run: a citizen on a fresh device applies while `scenario` breaks things. */
async function runOne(scenario, n) {
  const run = { n, scenario: scenario.name, name: nameOf(n), idNumber: idNumber(n), photos: scenario.photos, acked: [], error: null };
  const context = await newDevice();
  // Each run is another citizen to the backend's per-client limits (it trusts this header
  // here, as behind the proxy of a real deployment).
  await context.setExtraHTTPHeaders({ 'X-Forwarded-For': `127.1.${n >> 8}.${n & 255}` });
  // Every upload the app was told is stored.
  context.on('response', async (res) => {
    if (res.request().method() === 'POST' && res.url().includes('/api/uploads') && res.status() === 200) {
      const body = await res.json().catch(() => null);
      if (body?.upload_id) run.acked.push({ id: body.upload_id, bytes: body.bytes });
    }
  });
  const page = await context.newPage();
  const t0 = Date.now();
  const mark = (what) => process.env.CHAOS_DEBUG && console.log(`  run ${n} ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  try {
    await fillUpToMaterials(page, run);
    mark('materials page');
    if (scenario.uploads) await scenario.uploads({ page, context, run });
    else await takePhotos(page, run);
    await waitUploaded(page, run);
    mark('uploaded');
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await toCheckPage(page);
    if (scenario.submit) await scenario.submit({ page, context, run });
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    if (!(await submitUntilReceipt(page))) throw new Error('no receipt after 90 s of retrying');
    mark('receipt');
    run.caseNumber = (await page.locator('#case-number').textContent())?.trim();
    // The receipt is on the device: it survives a reload, and it opens the case.
    await open(page, `/apply/done/${run.caseNumber}`);
    await page.locator('#case-number').waitFor();
    run.receiptNumber = (await page.locator('#case-number').textContent())?.trim();
    run.queryCode = (await page.locator('#query-code').textContent())?.trim();
    run.storedReceipt = await page.evaluate((n) => Object.keys(localStorage).some((k) => k.endsWith(`receipt.${n}`)), run.caseNumber);
    // And the draft it came from is gone.
    await open(page, '/apply');
    run.draftLeft = !(await until(() => page.getByText('本机没有未提交的草稿。').isVisible(), 10_000));
    mark('checked');
  } catch (e) {
    run.error = String(e?.message ?? e).split('\n')[0];
  } finally {
    await context.close().catch(() => {});
  }
  return run;
}

const plan = [];
let n = 0;
for (let i = 0; i < Math.max(PER_SCENARIO, PER_KILL_SCENARIO); i++) {
  for (const s of SCENARIOS) if (i < (s.kills ? PER_KILL_SCENARIO : PER_SCENARIO)) plan.push({ scenario: s, n: n++ });
}
const results = [];
const started = Date.now();
let notStarted = 0;

async function worker(queue) {
  for (;;) {
    const next = queue.shift();
    if (!next) return;
    if (Date.now() > DEADLINE) { notStarted += 1; continue; }
    const t0 = Date.now();
    const r = await runOne(next.scenario, next.n);
    results.push(r);
    const took = ((Date.now() - t0) / 1000).toFixed(1).padStart(5);
    console.log(`run ${String(r.n).padStart(3)} ${r.error ? 'FAILED' : 'ok    '} ${took} s  ${r.scenario}${r.error ? ': ' + r.error : ''}`);
  }
}
const network = plan.filter((p) => !p.scenario.kills);
await Promise.all(Array.from({ length: WORKERS }, () => worker(network)));
await worker(plan.filter((p) => p.scenario.kills));
await browser.close();

// ---- checking -----------------------------------------------------------------------------
async function api(path, init = {}) {
  const res = await fetch(base + path, { ...init, headers: { ...staff, ...(init.headers ?? {}) } });
  return res;
}
const cases = [];
for (let page = 1; ; page++) {
  const res = await api(`/api/staff/cases?page=${page}&limit=200`);
  if (!res.ok) throw new Error(`staff list: ${res.status}`);
  const rows = await res.json();
  cases.push(...rows);
  if (rows.length < 200) break;
}
const byName = new Map();
for (const c of cases) byName.set(c.applicant_name, [...(byName.get(c.applicant_name) ?? []), c]);

const table = new Map();
const problems = [];
for (const r of results) {
  const row = table.get(r.scenario) ?? { runs: 0, lost: 0, duplicate: 0, receipts: 0, drafts: 0 };
  table.set(r.scenario, row);
  row.runs += 1;
  const mine = byName.get(r.name) ?? [];
  let lost = false;
  if (mine.length > 1) { row.duplicate += 1; problems.push(`run ${r.n}: ${mine.length} cases (${mine.map((c) => c.case_number).join(', ')})`); }
  // Nothing the citizen was told is stored may be missing.
  for (const a of r.acked) {
    const res = await api(`/api/staff/uploads/${a.id}`);
    const bytes = res.ok ? (await res.arrayBuffer()).byteLength : -1;
    if (bytes !== a.bytes) { lost = true; problems.push(`run ${r.n}: acknowledged upload ${a.id} missing (${res.status})`); }
  }
  if (mine.length === 0) {
    // Lost if the device was told the case exists; a run that never got a receipt counts
    // under receipts missing.
    if (r.caseNumber) {
      lost = true;
      problems.push(`run ${r.n}: the device shows case ${r.caseNumber}, the server has none`);
    }
  } else {
    const detail = await (await api(`/api/staff/cases/${mine[0].case_number}`)).json();
    const ids = detail.materials.flatMap((m) => m.upload_ids);
    const acked = new Set(r.acked.map((a) => a.id));
    if (ids.length !== r.photos || ids.some((id) => !acked.has(id))) {
      lost = true;
      problems.push(`run ${r.n}: the case holds ${ids.length} pages of ${r.photos} (${ids.filter((id) => !acked.has(id)).length} not acknowledged)`);
    }
  }
  if (lost) row.lost += 1;
  // The receipt on the device names this case, and its query code opens it.
  let why = r.error ?? (!r.caseNumber ? 'none shown'
    : r.receiptNumber !== r.caseNumber ? `the page shows ${r.receiptNumber} after a reload`
    : !r.storedReceipt ? 'not in localStorage'
    : !mine.some((c) => c.case_number === r.caseNumber) ? `case ${r.caseNumber} is not this citizen's` : null);
  if (!why) {
    const res = await fetch(`${base}/api/cases/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ case_number: r.caseNumber, query_code: r.queryCode }),
    });
    if (!res.ok) why = `its query code does not open the case (${res.status})`;
  }
  if (r.draftLeft) { row.drafts += 1; problems.push(`run ${r.n}: the draft is still on the device after its receipt`); }
  if (why) { row.receipts += 1; problems.push(`run ${r.n}: no working receipt on the device: ${why}`); }
}

const pad = (s, n) => String(s).padEnd(n);
const padL = (s, n) => String(s).padStart(n);
const line = (name, r) => console.log(`${pad(name, 56)}${padL(r.runs, 6)}${padL(r.lost, 6)}${padL(r.duplicate, 11)}${padL(r.receipts, 18)}${padL(r.drafts, 13)}`);
console.log('');
line('scenario', { runs: 'runs', lost: 'lost', duplicate: 'duplicate', receipts: 'receipts missing', drafts: 'drafts left' });
const total = { runs: 0, lost: 0, duplicate: 0, receipts: 0, drafts: 0 };
for (const [name, row] of table) {
  line(name, row);
  for (const k of Object.keys(total)) total[k] += row[k];
}
line('total', total);
const uploads = results.reduce((s, r) => s + r.acked.length, 0);
console.log(`${uploads} acknowledged uploads checked; ${cases.length} cases on the server; ${Math.round((Date.now() - started) / 1000)} s`);
if (notStarted) console.log(`${notStarted} runs not started: the time bound was reached`);
for (const p of problems) console.log(`  ${p}`);
process.exit(total.lost || total.duplicate || total.receipts || total.drafts || notStarted ? 1 : 0);
