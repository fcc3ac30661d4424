import { test, expect } from '@playwright/test';
import { expectAccessible, openApp } from './helpers';

// 一件事一次办: reading a bundle's guide. A material two services need is listed once and says
// which services use it; the overall limit and each department's own are shown; an answer to
// the bundle's question changes the services and the list, and the answer is in the address.

test('reading the guide of 开办餐饮店一件事 from the home page', async ({ page }) => {
  await openApp(page, '/');
  await page.getByRole('link', { name: '开办餐饮店一件事' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '开办餐饮店一件事' })).toBeVisible();
  await expect(page.getByText('国发〔2024〕3号')).toBeVisible();

  // The operator's identity is asked for once, for both services.
  const list = page.locator('#bundle-materials');
  const shared = list.locator('.bundle-shared li');
  await expect(shared).toHaveCount(1);
  await expect(shared).toContainText('经营者居民身份证');
  await expect(shared).toContainText('用于：个体工商户设立登记、食品经营许可');
  await expect(list.getByText('食品经营许可申请书')).toBeVisible();

  // One overall limit and each department's own, each service linking its own guide.
  await expect(page.locator('.summary-card')).toContainText('一件事承诺时限5 个工作日');
  const limits = page.locator('#bundle-limits li');
  await expect(limits).toHaveCount(2);
  await expect(limits.nth(0)).toContainText('个体工商户设立登记');
  await expect(limits.nth(0)).toContainText('市市场监督管理局');
  await expect(limits.nth(0)).toContainText('承诺时限当场办结');
  await expect(limits.nth(1)).toContainText('承诺时限5 个工作日');
  await expect(page.getByRole('link', { name: '在线申请' })).toHaveAttribute(
    'href',
    '/bundles/restaurant/apply',
  );
  await expectAccessible(page);

  // 家庭经营 adds the family members' papers to the licence's list.
  await expect(list.getByText('参加经营的家庭成员身份证明及亲属关系证明')).toHaveCount(0);
  await page.getByLabel('家庭经营').check();
  await expect(page).toHaveURL(/\/bundles\/restaurant\?s=family$/);
  await expect(list.getByText('参加经营的家庭成员身份证明及亲属关系证明')).toBeVisible();

  // Already licensed: only the food licence is left, and the identity is its own material.
  await page.getByLabel('已经领取营业执照（只办食品经营许可）').check();
  await expect(page).toHaveURL(/s=family,licence-yes$/);
  await expect(limits).toHaveCount(1);
  await expect(limits).toContainText('食品经营许可');
  await expect(list.locator('.bundle-shared li')).toHaveCount(1);
  await expect(list.locator('.bundle-shared li')).toContainText('用于：食品经营许可');
  await expectAccessible(page);

  // Each service's own guide is a link away, and links back to the bundle.
  await limits.getByRole('link', { name: '食品经营许可' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '食品经营许可' })).toBeVisible();
  await page.locator('.guide-bundles').getByRole('link', { name: '开办餐饮店一件事' }).click();
  await expect(page).toHaveURL(/\/bundles\/restaurant$/);
});

test('a shared link to 新生儿出生一件事 with the card shows the card everywhere', async ({ page }) => {
  await openApp(page, '/bundles/newborn?s=card-yes');
  await expect(page.getByLabel('同时申领社会保障卡')).toBeChecked();
  const shared = page.locator('.bundle-shared li').filter({ hasText: '父母（监护人）居民身份证' });
  await expect(shared).toContainText(
    '用于：出生登记（新生儿落户）、城乡居民基本医疗保险参保登记、社会保障卡申领',
  );
  await expect(page.locator('#bundle-limits li')).toHaveCount(3);
  await expect(page.locator('#bundle-limits')).toContainText('市人力资源和社会保障局');

  await page.getByLabel('暂不申领').check();
  await expect(page.locator('#bundle-limits li')).toHaveCount(2);
  await expect(shared).toContainText('用于：出生登记（新生儿落户）、城乡居民基本医疗保险参保登记');
  await expect(page.locator('#bundle-materials')).not.toContainText('社会保障卡申领');
  await expectAccessible(page);

  // The list of every bundle.
  await openApp(page, '/bundles');
  for (const name of ['新生儿出生一件事', '开办餐饮店一件事', '残疾人服务一件事', '退休一件事']) {
    await expect(page.getByRole('link', { name })).toBeVisible();
  }
  await expectAccessible(page);
});
