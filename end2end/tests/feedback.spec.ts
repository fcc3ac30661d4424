import { test, expect, APIRequestContext, Page } from '@playwright/test';
import { expectAccessible, openApp } from './helpers';
import { createCase, pickService, staff, STAFF_TOKEN } from './cases';

// 咨询, 投诉 and 差评整改 on the phone against the real backend: the citizen asks, complains and
// rates in the browser; staff answer through the staff API.

const auth = { authorization: `Bearer ${STAFF_TOKEN}` };

async function staffPost(request: APIRequestContext, path: string, data: Record<string, unknown>) {
  const res = await request.post(path, { headers: auth, data });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

const ticketNumber = async (page: Page) => (await page.locator('#ticket-number').textContent())?.trim() ?? '';

test('a question asked from a guide is answered by staff and published to the guide', async ({ page, request, browser }) => {
  const { service } = await pickService(request);
  const question = `自助机上可以打印受理回执吗？（${Date.now()}）`;

  await openApp(page, `/services/${encodeURIComponent(service.code)}`);
  await page.getByRole('link', { name: '我要咨询' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('咨询');

  // Nothing typed: the message stands next to the field.
  await page.getByRole('button', { name: '提交咨询' }).click();
  await expect(page.locator('#f-question-error')).toHaveText('请填写您要咨询的问题');
  await page.getByLabel('手机号码（选填）').fill('138');
  await page.getByLabel('您的问题').fill(question);
  await page.getByRole('button', { name: '提交咨询' }).click();
  await expect(page.locator('#f-phone-error')).toHaveText('请输入11位手机号码');
  await expectAccessible(page);
  await shot(page, 'feedback-ask-errors');

  // What is typed survives a reload.
  await page.getByLabel('手机号码（选填）').fill('13800138000');
  await page.reload();
  await expect(page.getByLabel('您的问题')).toHaveValue(question);
  await expect(page.getByLabel('手机号码（选填）')).toHaveValue('13800138000');
  await page.getByRole('button', { name: '提交咨询' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的咨询');
  const ticket = await ticketNumber(page);
  expect(ticket).toMatch(/^ZX\d{13}$/);
  await expect(page.locator('.status-big')).toHaveText('待答复');
  await expect(page.getByText(question)).toBeVisible();
  await expectAccessible(page);

  const answer = '可以。在自助机选择“打印回执”，输入办件编号和查询码即可。';
  await staffPost(request, `/api/staff/inquiries/${ticket}/answer`, { handler: '钱咨询', answer });

  // My questions sit beside my cases, and the answer is news there.
  await openApp(page, '/track');
  const mine = page.getByRole('region', { name: '我的咨询与投诉' });
  const row = mine.getByRole('link', { name: new RegExp(ticket) });
  await expect(row).toContainText('已答复');
  await expect(row).toContainText('有新进展');
  await expectAccessible(page);
  await shot(page, 'feedback-my-tickets');
  await row.click();
  await expect(page.locator('.status-big')).toHaveText('已答复');
  await expect(page.getByRole('region', { name: '答复' })).toContainText(answer);
  await shot(page, 'feedback-question-answered');

  // On another phone, the ticket number and code find it through the look-up form.
  const code = (await page.locator('#ticket-code').textContent())?.trim() ?? '';
  const other = await browser.newPage();
  await openApp(other, '/track');
  await other.getByLabel('办件编号').fill(ticket);
  await other.getByLabel('查询码').fill(code);
  await other.getByRole('button', { name: '查询', exact: true }).click();
  await expect(other).toHaveURL(new RegExp(`/tickets/${ticket}$`));
  await expect(other.getByRole('region', { name: '答复' })).toContainText(answer);
  await other.close();

  // Published without the asker's phone, it is part of the guide's HTML.
  const published = `自助机能打印受理回执吗？（第${Date.now() % 100000}问）`;
  await staffPost(request, `/api/staff/inquiries/${ticket}/publish`, { question: published, answer });
  const html = await (await request.get(`/services/${encodeURIComponent(service.code)}`)).text();
  expect(html).toContain(published);
  expect(html).not.toContain('13800138000');
  await openApp(page, `/services/${encodeURIComponent(service.code)}`);
  await page.locator('#faq').getByText(published).click();
  await expect(page.locator('#faq')).toContainText(answer);
});

test('a complaint about a case is replied to within its deadline', async ({ page, request }) => {
  const c = await createCase(request);
  await openApp(page, '/track');
  await page.getByLabel('办件编号').fill(c.case_number);
  await page.getByLabel('查询码').fill(c.query_code);
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/track/${c.case_number}$`));

  await page.getByRole('link', { name: '投诉此办件' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('投诉');
  await expect(page.getByText(c.case_number).first()).toBeVisible();
  await page.getByLabel('具体情况').fill('材料一次交齐，窗口却要求我再跑一趟补盖章。');
  await page.getByRole('button', { name: '提交投诉' }).click();
  await expect(page.locator('#f-category-error')).toHaveText('请选择投诉类别');
  await expectAccessible(page);
  await shot(page, 'feedback-complain-errors');
  await page.getByLabel('多次跑').check();
  await page.getByRole('button', { name: '提交投诉' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的投诉');
  const ticket = await ticketNumber(page);
  expect(ticket).toMatch(/^TS\d{13}$/);
  await expect(page.locator('.status-big')).toHaveText('已受理');
  await expect(page.getByText('工作人员将在5个工作日内答复。', { exact: false })).toBeVisible();
  await expect(page.locator('.countdown')).toHaveText(/^还剩 \d+ 个工作日$/);
  await expectAccessible(page);

  await staffPost(request, `/api/staff/complaints/${ticket}/actions`, { action: 'start', handler: '孙督查' });
  await page.reload();
  await expect(page.locator('.status-big')).toHaveText('处理中');
  const reply = '经核实，补盖章要求不当，已向窗口人员指出并向您致歉。';
  await staffPost(request, `/api/staff/complaints/${ticket}/actions`, { action: 'reply', handler: '孙督查', reply });
  await page.reload();
  await expect(page.locator('.status-big')).toHaveText('已答复');
  await expect(page.getByRole('region', { name: '答复内容' })).toContainText(reply);
  await expect(page.locator('.countdown')).toHaveCount(0);
  await expectAccessible(page);
  await shot(page, 'feedback-complaint-replied');

  // The case page lists it, for its owner.
  await page.goto(`/track/${c.case_number}`);
  await expect(page.getByRole('region', { name: '关于本办件的投诉' })).toContainText(`${ticket} · 多次跑 · 已答复`);
});

test('a complaint about a window is never lost, and shows overdue after its deadline', async ({ page, context, request }) => {
  const { service } = await pickService(request);
  await openApp(page, `/services/${encodeURIComponent(service.code)}`);
  await page.getByRole('link', { name: '我要投诉' }).click();
  await page.getByLabel('办理窗口').check();
  await page.getByLabel('办理地点').selectOption(service.places[0].name);
  await page.getByLabel('态度').check();
  const text = `窗口工作人员不耐烦，没有解释就让我回去。（${Date.now()}）`;
  await page.getByLabel('具体情况').fill(text);

  // The network fails on the first try: the text stays, and survives a reload.
  await context.route('**/api/complaints', (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: '提交投诉' }).click();
  await expect(page.getByRole('alert')).toContainText('提交未成功，您填写的内容已保存在本机');
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await page.reload();
  await expect(page.getByLabel('具体情况')).toHaveValue(text);
  await expect(page.getByLabel('态度')).toBeChecked();
  await expect(page.getByLabel('办理地点')).toHaveValue(service.places[0].name);
  await expectAccessible(page);
  await shot(page, 'feedback-complain-window');
  await page.getByRole('button', { name: '提交投诉' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的投诉');
  const ticket = await ticketNumber(page);
  await expect(page.getByText(`${service.name} · ${service.places[0].name}`)).toBeVisible();
  const list = await (await request.get('/api/staff/complaints', { headers: auth })).json();
  const mine = list.filter((c: { description: string }) => c.description === text);
  expect(mine.length, 'one complaint, although sent twice').toBe(1);
  const due: string = mine[0].due_date;

  // Seen on the phone three weeks after the deadline, without a reply.
  const later = new Date(`${due}T10:00:00+08:00`);
  later.setDate(later.getDate() + 21);
  await page.clock.setFixedTime(later);
  await page.goto(`/tickets/${ticket}`);
  await expect(page.locator('.status-big')).toHaveText('已受理');
  await expect(page.locator('.countdown.overdue')).toHaveText(/^已超期 \d+ 个工作日$/);
  await expectAccessible(page);
  await shot(page, 'feedback-complaint-overdue');
});

test('a 2-star rating is followed up, and the citizen sees it on the case page', async ({ page, request }) => {
  const c = await createCase(request);
  await staff(request, c.case_number, { action: 'accept' });
  await staff(request, c.case_number, { action: 'approve', opinion: '准予' });
  await openApp(page, '/track');
  await page.getByLabel('办件编号').fill(c.case_number);
  await page.getByLabel('查询码').fill(c.query_code);
  await page.getByRole('button', { name: '查询', exact: true }).click();

  const rating = page.getByRole('region', { name: '好差评' });
  await rating.getByLabel('不满意', { exact: true }).check();
  await rating.getByLabel('不满意的原因（必填）').fill('取号后等了两个小时');
  await rating.getByRole('button', { name: '提交评价' }).click();
  await expect(rating.getByText('您的评价：不满意')).toBeVisible();

  const followUp = page.getByRole('region', { name: '差评整改' });
  await expect(followUp).toContainText('待回访');
  await expect(followUp).toContainText('工作人员将在15个工作日内回访并整改。');
  await expectAccessible(page);

  const open = await (await request.get('/api/staff/follow-ups', { headers: auth })).json();
  const row = open.find((f: { case_number: string }) => f.case_number === c.case_number);
  expect(row.score).toBe(2);
  expect(row.reason).toBe('取号后等了两个小时');
  expect(row.overdue).toBe(false);

  const action = `/api/staff/follow-ups/${c.case_number}/actions`;
  await staffPost(request, action, { action: 'contact', handler: '周整改', note: '已电话回访，核实高峰时段窗口不足' });
  await staffPost(request, action, { action: 'rectify', handler: '周整改', note: '高峰时段增开两个综合窗口' });
  await page.getByRole('button', { name: '刷新' }).click();
  await expect(followUp).toContainText('已整改');
  await expect(followUp).toContainText('已电话回访，核实高峰时段窗口不足');
  await expect(followUp).toContainText('高峰时段增开两个综合窗口');
  await expectAccessible(page);
  await shot(page, 'feedback-follow-up');
});
