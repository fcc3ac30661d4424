import { test, expect, Page } from '@playwright/test';
import { createCase } from './cases';
import { expectAccessible, openApp } from './helpers';

// 长辈版 to MIIT's 适老化 specs (style/elder.css): main text at least 18 px and touch targets at
// least 60 x 60 px, measured with computed styles at 390x844; axe passes as in the standard version;
// the choice is remembered and the server draws the first frame large.

const ID_CARD = '11990100GAHZ070001000';
const ELDER = '长辈版（大字）';

async function turnOn(page: Page) {
  await openApp(page, '/');
  await page.getByRole('button', { name: ELDER }).click();
  await expect(page.getByRole('button', { name: ELDER })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveClass(/\belder\b/);
}

/** Visible text set below 18 px, and visible controls smaller than 60 x 60 px. */
async function tooSmall(page: Page) {
  return page.evaluate(() => {
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth
        && s.visibility !== 'hidden' && !el.closest('.visually-hidden');
    };
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 20)}"`;
    const text: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (own && shown(el) && size < 18) text.push(`${name(el)} ${size}px`);
    }
    const targets: string[] = [];
    for (const el of document.body.querySelectorAll('a[href], button, input, select, summary, label.link-button')) {
      if (el.matches('.file-input')) continue; // its label.link-button is the target
      // A box to tick is hit through its label too.
      const box = el.matches('input[type="checkbox"], input[type="radio"]')
        ? el.closest('label') ?? document.querySelector(`label[for="${el.id}"]`) ?? el
        : el;
      if (!shown(box)) continue;
      const r = box.getBoundingClientRect();
      if (r.height < 60 || r.width < 60) targets.push(`${name(box)} ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
    return { text, targets };
  });
}

test('长辈版 sets text at 18 px or more and targets at 60 px or more on home, a guide, a checklist and the lists', async ({ page }) => {
  await turnOn(page);
  for (const path of ['/', `/services/${ID_CARD}`, `/checklists/${ID_CARD}?s=first,adult`, '/services?q=%E8%BA%AB%E4%BB%BD%E8%AF%81', '/checklists', '/track', '/apply']) {
    await openApp(page, path);
    await expect(page.locator('html')).toHaveClass(/\belder\b/);
    await expect(page.locator('main h1').first()).toBeVisible();
    if (path.startsWith('/checklists/')) await expect(page.locator('.tick').first()).toBeVisible();
    // Sections folded away are measured open too.
    await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await tooSmall(page), path).toEqual({ text: [], targets: [] });
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`elder${path.replace(/[/?=,]/g, '_')}.png`), fullPage: true });
  }
});

test('a case page and an application step are as large in 长辈版', async ({ page, request }) => {
  const c = await createCase(request);
  await turnOn(page);
  await openApp(page, '/track');
  await page.getByLabel('办件编号').fill(c.case_number);
  await page.getByLabel('查询码').fill(c.query_code);
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(page.locator('.status-big')).toHaveText('待受理');
  await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  expect(await tooSmall(page), 'case page').toEqual({ text: [], targets: [] });
  await expectAccessible(page);

  await openApp(page, '/apply/11990100GAHZ200006000');
  await page.getByRole('button', { name: '开始申报' }).click();
  await expect(page.getByRole('heading', { name: '告知承诺和个人信息保护' })).toBeVisible();
  expect(await tooSmall(page), 'notice step').toEqual({ text: [], targets: [] });
  await expectAccessible(page);
});

test('a device that chose 长辈版 before the cookie existed keeps it', async ({ page, context }) => {
  await openApp(page, '/');
  await context.clearCookies();
  await page.evaluate(() => localStorage.setItem('portal.elder', '1'));
  await openApp(page, '/');
  await expect(page.locator('html')).toHaveClass(/\belder\b/);
  await expect(page.getByRole('button', { name: ELDER })).toHaveAttribute('aria-pressed', 'true');
  // From now on the server knows too.
  expect((await context.cookies()).find((c) => c.name === 'portal_elder')?.value).toBe('1');
  expect(await (await page.request.get('/')).text()).toMatch(/<html[^>]*class="elder"/);
});

test('the standard version is smaller: the measure can fail', async ({ page }) => {
  await openApp(page, `/services/${ID_CARD}`);
  const found = await tooSmall(page);
  expect(found.text.length).toBeGreaterThan(0);
  expect(found.targets.length).toBeGreaterThan(0);
});

test('the 长辈版 home page is the four jobs, 我的办件 and a large search, nothing else', async ({ page }) => {
  await turnOn(page);
  const main = page.locator('main');
  const names = await main.locator('a:visible, button:visible').evaluateAll((els) =>
    els.map((e) => (e.querySelector('.entry-title')?.textContent ?? e.textContent ?? '').trim()),
  );
  expect(names).toEqual(['搜索', '办事指南', '一次性告知清单', '在线申报', '办件查询', '我的办件']);
  await expect(page.getByText('12345')).toBeHidden();
  const search = page.getByRole('searchbox');
  expect((await search.boundingBox())!.height).toBeGreaterThanOrEqual(60);
  await page.getByRole('link', { name: /我的办件/ }).click();
  await expect(page).toHaveURL(/\/track/);
  await expect(page.getByRole('heading', { name: '我的办件' })).toBeVisible();
});

test.describe('without a service worker, so refused scripts stay refused', () => {
  test.use({ serviceWorkers: 'block' });

  test('长辈版 is remembered, and the server sends it large from the first frame', async ({ page }) => {
    await turnOn(page);
    // The server's HTML carries it: nothing waits for the app to make the page large.
    const html = await (await page.request.get(`/services/${ID_CARD}`)).text();
    expect(html).toMatch(/<html[^>]*class="elder"/);
    expect(html).toMatch(/<body[^>]*data-elder/);
    // Reloaded with the app's script and wasm refused: what shows is the server's page alone.
    await page.route(/\.(wasm|js)$/, (route) => route.abort());
    await page.goto(`/services/${ID_CARD}`);
    await expect(page.locator('html')).toHaveClass(/\belder\b/);
    expect(await page.locator('.service-meta, .note').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize)))
      .toBeGreaterThanOrEqual(18);
    expect(await page.locator('main h1').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThan(24);
    // A personal page is the app shell, drawn by the browser: large before the app arrives too.
    await page.goto('/track/2026113000001');
    await expect(page.locator('html')).toHaveClass(/\belder\b/);
    expect(await page.locator('.loading').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(18);
    await page.unrouteAll();

    // Switched off, it stays off.
    await openApp(page, '/');
    await page.getByRole('button', { name: ELDER }).click();
    await expect(page.locator('html')).not.toHaveClass(/\belder\b/);
    await page.reload();
    await expect(page.getByRole('button', { name: ELDER })).toHaveAttribute('aria-pressed', 'false');
    const plain = await (await page.request.get('/')).text();
    expect(plain).not.toMatch(/<html[^>]*class="elder"/);
  });
});
