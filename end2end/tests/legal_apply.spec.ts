import { test, expect, Page } from '@playwright/test';
import { expectAccessible, openApp } from './helpers';
import { phonePhoto } from './photos.mjs';
import { idNumber, png, staff, STAFF_TOKEN } from './cases';

// An enterprise applies online in its own name (以单位名义申请) for 食品经营许可, a 行政许可 whose
// decisions on legal persons are published (办件公示): its 统一社会信用代码 is checked beside the
// field, staff approve the case, and the decision appears on /publications with the
// enterprise's name and code and nothing about the person who applied for it.

const FOOD = '11990100SCJG010006000';
// 教师资格认定: a licence for natural persons only.
const PERSON_ONLY = '11990100JYJU010001000';
const SHOTS = process.env.SCREENSHOT_DIR;

/** A 统一社会信用代码 with its GB 32100 check character: 91 (企业), a region, a random body. */
function creditCode(): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let body = '91110105';
  for (let i = 0; i < 9; i++) body += chars[Math.floor(Math.random() * chars.length)];
  const sum = [...body].reduce((acc, c, i) => acc + chars.indexOf(c) * weights[i], 0);
  return body + chars[(31 - (sum % 31)) % 31];
}

/** The same code with another check character: wrong. */
function wrongCheck(code: string): string {
  const last = code[17] === '0' ? '1' : '0';
  return code.slice(0, 17) + last;
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function startApplication(page: Page, code: string) {
  await openApp(page, `/services/${code}`);
  await page.getByRole('link', { name: '在线申报' }).click();
  await page.getByRole('button', { name: '开始申报' }).click();
  await expect(page.getByRole('heading', { name: '告知承诺和个人信息保护' })).toBeVisible();
  await page.getByLabel('我已阅读并同意').check();
  await page.getByRole('button', { name: '继续' }).click();
}

test('an enterprise applies in its own name, is approved, and the decision is published without personal data', async ({ page, request }) => {
  test.setTimeout(180_000);
  const company = `示例餐饮管理有限公司${Date.now() % 100000}`;
  const code = creditCode();
  const person = { name: '钱法代', id: idNumber(), phone: '13700137001', address: '北京市朝阳区示例路8号' };

  // The guide says that decisions are published, and links to this service's.
  await openApp(page, `/services/${FOOD}`);
  const line = page.locator('.publication-line');
  await expect(line).toContainText('7个工作日内公示');
  await expect(line.getByRole('link', { name: '查看本事项的办件公示' })).toHaveAttribute(
    'href',
    `/publications?service=${FOOD}`,
  );
  await line.scrollIntoViewIfNeeded();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/legal-guide.png` });

  await startApplication(page, FOOD);
  await expect(page.getByRole('heading', { name: '您的办理情形' })).toBeVisible();
  await page.getByLabel('首次申请').check();
  await page.getByRole('button', { name: '继续' }).click();

  // 以谁的名义申请: a real radio group; the organisation's fields appear when it is chosen.
  await expect(page.getByRole('heading', { name: '申请人信息' })).toBeVisible();
  const applyAs = page.getByRole('group', { name: '以谁的名义申请' });
  await expect(applyAs.getByRole('radio')).toHaveCount(2);
  await expect(applyAs.getByRole('radio', { name: '个人' })).toBeChecked();
  await expect(page.getByLabel('单位名称')).toHaveCount(0);
  await applyAs.getByRole('radio', { name: '企业或其他组织' }).check();
  await page.getByLabel('单位名称').fill(company);
  await page.getByLabel('统一社会信用代码').fill(wrongCheck(code));
  const representative = page.getByRole('group', { name: '法定代表人（负责人）' });
  await representative.getByLabel('姓名').fill(person.name);
  await representative.getByLabel('公民身份号码').fill(person.id);
  await representative.getByLabel('手机号码').fill(person.phone);
  await representative.getByLabel('联系地址').fill(person.address);
  await page.getByRole('button', { name: '继续' }).click();

  // A wrong check character: the message is beside the field and in the summary, and the
  // page stays.
  await expect(page.locator('#f-legal-person-credit-code-error')).toHaveText('统一社会信用代码校验位不正确，请核对后重新输入');
  await expect(page.getByRole('alert')).toContainText('统一社会信用代码校验位不正确');
  await expect(page.getByLabel('统一社会信用代码')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('heading', { name: '申请人信息' })).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'legal-applicant-error');

  // A valid code (typed in small letters, as phones do) passes.
  await page.getByLabel('统一社会信用代码').fill(code.toLowerCase());
  await expect(page.locator('#f-legal-person-credit-code-error')).toHaveCount(0);
  await page.getByRole('button', { name: '继续' }).click();

  // The service's own questions; those that repeat the organisation are filled in already.
  await expect(page.getByRole('heading', { name: '办理信息' })).toBeVisible();
  await expect(page.getByLabel('经营者名称')).toHaveValue(company);
  await expect(page.getByLabel('统一社会信用代码')).toHaveValue(code);
  await page.getByLabel('经营场所').fill('北京市朝阳区示例路8号一层');
  await page.getByLabel('主体业态').selectOption('餐饮服务经营者');
  await page.getByLabel('经营项目').fill('热食类食品制售');
  await page.getByRole('button', { name: '继续' }).click();

  // Every material asked for, one photo each.
  await expect(page.getByRole('heading', { name: '拍照上传材料' })).toBeVisible();
  const cameras = page.getByLabel('拍照');
  const n = await cameras.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    await cameras.nth(i).setInputFiles({ name: `p${i}.jpg`, mimeType: 'image/jpeg', buffer: await phonePhoto(page, 1600, 1200) });
  }
  await expect(page.getByText('已上传')).toHaveCount(n, { timeout: 60_000 });
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.getByRole('heading', { name: '结果领取方式' })).toBeVisible();
  await page.getByRole('button', { name: '继续' }).click();

  // The check page names the organisation and its legal representative.
  await expect(page.getByRole('heading', { name: '核对并提交' })).toBeVisible();
  const answer = (label: string) =>
    page.locator('.check-list .check-row').filter({ has: page.locator('dt').getByText(label, { exact: true }) }).first();
  await expect(answer('申请主体')).toContainText('企业或其他组织');
  await expect(answer('单位名称')).toContainText(company);
  await expect(answer('统一社会信用代码')).toContainText(code);
  await expect(answer('法定代表人（负责人）')).toContainText(person.name);
  await expectAccessible(page);
  await shot(page, 'legal-check');
  await page.getByRole('button', { name: '确认提交' }).click();

  await expect(page.getByRole('heading', { name: '申报已提交' })).toBeVisible();
  const number = (await page.locator('#case-number').textContent())?.trim() ?? '';
  expect(number).not.toBe('');

  // What the server stored: the organisation, and the person acting for it.
  const staff = { authorization: `Bearer ${STAFF_TOKEN}` };
  const detail = await (await request.get(`/api/staff/cases/${number}`, { headers: staff })).json();
  expect(JSON.stringify(detail)).toContain(code);
  for (const action of ['accept', 'approve']) {
    const res = await request.post(`/api/staff/cases/${number}/actions`, {
      headers: staff,
      data: { action, handler: '王审查' },
    });
    expect(res.status(), await res.text()).toBe(200);
  }

  // The case page tells the applicant that and what is published.
  await openApp(page, `/track/${number}`);
  await expect(page.locator('.status-big')).toHaveText('准予');
  // The organisation is the applicant; the person is its representative, masked as ever.
  const fact = (label: string) =>
    page.locator('dl.facts > div').filter({ has: page.locator('dt').getByText(label, { exact: true }) }).locator('dd');
  await expect(fact('单位名称')).toHaveText(company);
  await expect(fact('法定代表人（负责人）')).not.toHaveText(person.name);
  await expect(fact('法定代表人（负责人）')).toContainText(person.name.slice(0, 1));
  const notice = page.getByRole('region', { name: '许可决定公示' });
  await expect(notice).toContainText('7个工作日内');
  await expect(notice).toContainText('单位名称、统一社会信用代码、许可事项、许可决定、决定日期和许可机关');
  await expectAccessible(page);
  await shot(page, 'legal-case');
  await notice.getByRole('link', { name: '查看公示内容' }).click();

  // The published decision: the enterprise and its code, nothing about the person.
  await expect(page).toHaveURL(/\/publications\/XK\d{13}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(company);
  const facts = page.locator('.facts');
  await expect(facts).toContainText(code);
  await expect(facts).toContainText('食品经营许可');
  await expect(facts).toContainText('准予行政许可');
  await expect(facts).toContainText('市市场监督管理局');
  for (const personal of [person.name, person.id, person.phone, person.address, number]) {
    await expect(page.locator('main')).not.toContainText(personal);
  }
  await expectAccessible(page);
  await shot(page, 'legal-publication');

  // The guide's link lists this service's decisions, this one among them.
  await openApp(page, `/publications?service=${FOOD}`);
  await expect(page.locator('.publication-filter')).toContainText('食品经营许可');
  await expect(page.getByRole('link', { name: company })).toBeVisible();
  await expect(page.locator('main')).not.toContainText(person.name);
  await expectAccessible(page);
  await shot(page, 'legal-publications-filtered');

  // The home page links to 办件公示; 长辈版's simplified home does not show it.
  await openApp(page, '/');
  const homeLink = page.getByRole('navigation', { name: '政务公开' }).getByRole('link', { name: '办件公示（行政许可决定）' });
  await expect(homeLink).toBeVisible();
  await expect(homeLink).toHaveAttribute('href', '/publications');
  await shot(page, 'legal-home');
  await page.getByRole('button', { name: '长辈版（大字）' }).click();
  await expect(page.locator('html')).toHaveClass(/\belder\b/);
  await expect(homeLink).toBeHidden();
  await page.getByRole('button', { name: '长辈版（大字）' }).click();
  await expect(page.locator('html')).not.toHaveClass(/\belder\b/);
});

test('a service for natural persons only asks nothing about an organisation', async ({ page }) => {
  await startApplication(page, PERSON_ONLY);
  await expect(page.getByRole('heading', { name: '申请人信息' })).toBeVisible();
  await expect(page.getByLabel('姓名')).toBeVisible();
  await expect(page.getByRole('group', { name: '以谁的名义申请' })).toHaveCount(0);
  await expect(page.getByLabel('单位名称')).toHaveCount(0);
});

test('一件事: an organisation applies once for 开办餐饮店, and the decision of each licensing track is published', async ({ page }) => {
  test.setTimeout(180_000);
  const company = `示例餐饮连锁有限公司${Date.now() % 100000}`;
  const code = creditCode();
  await openApp(page, '/bundles/restaurant?s=individual,licence-no');
  await page.getByRole('link', { name: '在线申请' }).click();
  await page.getByRole('button', { name: '开始申请' }).click();
  await page.getByLabel('我已阅读并同意').check();
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.getByRole('heading', { name: '您的情况' })).toBeVisible();
  await page.getByRole('button', { name: '继续' }).click();

  // The same applicant page: every service of the bundle serves organisations, so it asks.
  await page.getByRole('group', { name: '以谁的名义申请' }).getByRole('radio', { name: '企业或其他组织' }).check();
  await page.getByLabel('单位名称').fill(company);
  await page.getByLabel('统一社会信用代码').fill('91350100M000100Y4');
  const representative = page.getByRole('group', { name: '法定代表人（负责人）' });
  await representative.getByLabel('姓名').fill('孙法代');
  await representative.getByLabel('公民身份号码').fill(idNumber());
  await representative.getByLabel('手机号码').fill('13700137002');
  await representative.getByLabel('联系地址').fill('北京市西城区某某街2号');
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.locator('#f-legal-person-credit-code-error')).toHaveText('请输入18位统一社会信用代码');
  await expectAccessible(page);
  await page.getByLabel('统一社会信用代码').fill(code);
  await page.getByRole('button', { name: '继续' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('个体工商户设立登记');
  await page.getByLabel('经营场所').fill('北京市西城区某某街2号');
  await page.getByLabel('经营范围').fill('餐饮服务');
  await page.getByLabel('资金数额（万元）').fill('10');
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('食品经营许可');
  await expect(page.getByLabel('经营者名称')).toHaveValue(company);
  await expect(page.getByLabel('统一社会信用代码')).toHaveValue(code);
  await page.getByLabel('经营场所').fill('北京市西城区某某街2号');
  await page.getByLabel('主体业态').selectOption('餐饮服务经营者');
  await page.getByLabel('经营项目').fill('热食类食品制售');
  await page.getByRole('button', { name: '继续' }).click();

  await expect(page.getByRole('heading', { name: '拍照上传材料' })).toBeVisible();
  const pickers = page.getByLabel(/从相册或文件选择/);
  const n = await pickers.count();
  for (let i = 0; i < n; i++) {
    await pickers.nth(i).setInputFiles({ name: `p${i}.png`, mimeType: 'image/png', buffer: png(600, 800) });
  }
  await expect(page.getByText('已上传', { exact: true })).toHaveCount(n, { timeout: 60_000 });
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.getByRole('heading', { name: '结果领取方式' })).toBeVisible();
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.getByRole('heading', { name: '核对并提交' })).toBeVisible();
  await expect(page.locator('.check-list')).toContainText(company);
  await expect(page.locator('.check-list')).toContainText('企业或其他组织');
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByRole('heading', { name: '申报已提交' })).toBeVisible();
  const number = ((await page.locator('#case-number').textContent()) ?? '').trim();

  // Both tracks are 行政许可: each decision is published under the organisation's name.
  for (const track of [`${number}-1`, `${number}-2`]) {
    await staff(page.request, track, { action: 'accept' });
    await staff(page.request, track, { action: 'approve' });
  }
  await openApp(page, `/track/${number}`);
  const notice = page.getByRole('region', { name: '许可决定公示' });
  await expect(notice).toContainText('个体工商户设立登记：');
  await expect(notice).toContainText('食品经营许可：');
  await expect(notice.getByRole('link', { name: '查看公示内容' })).toHaveCount(2);
  await expectAccessible(page);
  await shot(page, 'legal-bundle-case');
  const found = await (await page.request.get(`/api/publications?q=${encodeURIComponent(company)}`)).json();
  expect(found.map((p: any) => [p.service_name, p.credit_code]).sort()).toEqual([
    ['个体工商户设立登记', code],
    ['食品经营许可', code],
  ]);
  expect(JSON.stringify(found)).not.toContain('孙法代');
});
