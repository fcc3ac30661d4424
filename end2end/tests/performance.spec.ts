import { execFileSync } from 'node:child_process';
import { test, expect } from '@playwright/test';
import { expectAccessible, openApp } from './helpers';

// 教师资格认定: a service no other browser test applies for, so its figures are the history's.
const TEACHER = '11990100JYJU010001000';
const BIN = process.env.PORTAL_BACKEND_BIN;
const DATA = process.env.DATA_DIR;

interface Expected {
  decided: number;
  working_days: number;
  with_limit: number;
  on_time: number;
  rated: number;
  satisfied: number;
}

/** The line the guide must show for what the generator says it did (integer arithmetic:
 *  one decimal rounded half up, percentages rounded down). */
function expectedLine(e: Expected): string {
  const tenths = Math.floor((e.working_days * 20 + e.decided) / (2 * e.decided));
  const onTime = Math.floor((e.on_time * 100) / e.with_limit);
  const satisfied =
    e.rated >= 5
      ? `满意率 ${Math.floor((e.satisfied * 100) / e.rated)}%`
      : `评价 ${e.rated} 件，不足 5 件，暂不公布满意率`;
  return `近 90 天办结 ${e.decided} 件，平均用时 ${Math.floor(tenths / 10)}.${tenths % 10} 个工作日，按时办结率 ${onTime}%，${satisfied}`;
}

test('the performance line on a guide is what a generated history did', async ({ page }) => {
  test.skip(!BIN || !DATA, 'needs the backend binary and its data folder (cargo xtask test passes them)');
  test.setTimeout(180_000);
  const before = await page.request.get(`/services/${TEACHER}`);
  expect(await before.text()).toContain('不足 5 件，暂不公布用时、按时办结率和满意率');

  const out = execFileSync(
    BIN!,
    ['--data-dir', DATA!, 'demo', 'history', '--days', '120', '--seed', '13',
      '--service', TEACHER, '--allow-existing', '--summary'],
    { encoding: 'utf8', env: { ...process.env, RUST_LOG: 'warn' } },
  );
  const [history] = JSON.parse(out) as Expected[];
  expect(history.decided).toBeGreaterThanOrEqual(5);
  const line = expectedLine(history);

  // In the HTML the server sends, before any script runs...
  const html = await (await page.request.get(`/services/${TEACHER}`)).text();
  expect(html.replaceAll('<!>', '')).toContain(line);
  // ...and on the page once the app has taken it over.
  await openApp(page, `/services/${TEACHER}`);
  await expect(page.locator('.performance-line')).toHaveText(line);
  await expectAccessible(page);

  await page.getByRole('link', { name: '各月办件情况' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('教师资格认定 · 效能公开');
  await expect(page.locator('.performance-line')).toHaveText(line);
  await expect(page.locator('.performance-months > li')).toHaveCount(6);
  await expectAccessible(page);

  await page.getByRole('link', { name: '市教育局' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('市教育局 · 效能公开');
  await expect(page.getByRole('link', { name: '教师资格认定' })).toBeVisible();
  await expectAccessible(page);
});
