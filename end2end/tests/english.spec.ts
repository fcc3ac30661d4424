import { test, expect } from '@playwright/test';
import { expectAccessible, goOffline, goOnline, loadThroughServiceWorker, openApp, waitForApp } from './helpers';

// English (src/i18n): a switch in the page header, kept on the device (cookie portal_lang) and
// carried in links (?lang=en); guides in English where the catalog has them, and a guide without
// English says so above its Chinese original.

const PERMIT = '11990100GAHZ070005000';
const ID_CARD = '11990100GAHZ070001000';

test('switch to English, then search, guide and checklist in English; kept across a reload and in a shared link', async ({ page, browser }) => {
  await openApp(page, '/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByRole('link', { name: 'English' }).click();
  await waitForApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(/lang=en/);
  await expect(page.getByRole('link', { name: 'English' })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('link', { name: 'Apply online' }).first()).toBeVisible();
  await expectAccessible(page);

  // Search finds the service by its English name.
  await page.getByRole('link', { name: /Service guides/ }).first().click();
  const search = page.getByLabel('Search for a service');
  await search.fill('residence permit');
  const hit = page.getByRole('link', { name: /Residence Permit/ });
  await expect(hit).toBeVisible();
  await expectAccessible(page);
  await hit.click();

  // The guide, in English: its own content and the portal's.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Residence Permit');
  await expect(page).toHaveURL(new RegExp(`/services/${PERMIT}\\?lang=en`));
  await expect(page.getByRole('heading', { name: 'Required documents' })).toBeVisible();
  await expect(page.getByText('Proof of your address').first()).toBeVisible();
  await expect(page.getByText('This guide is available in Chinese only')).toHaveCount(0);
  await expectAccessible(page);

  // The checklist: answer the situation, tick a document.
  await page.getByRole('link', { name: 'What to bring' }).first().click();
  await expect(page).toHaveURL(new RegExp(`/checklists/${PERMIT}`));
  await page.getByLabel('First application').check();
  const proof = page.locator('.tick').filter({ hasText: 'Proof of your address' });
  await expect(proof).toBeVisible();
  await proof.locator('input').check();
  await expect(page.getByText('Documents to prepare')).toBeVisible();
  await expectAccessible(page);

  // A reload keeps English (the link and the device both say so), and the tick.
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('Documents to prepare')).toBeVisible();
  await expect(proof.locator('input')).toBeChecked();
  const cookie = (await page.context().cookies()).find((c) => c.name === 'portal_lang');
  expect(cookie?.value).toBe('en');

  // The device keeps English for a link without ?lang.
  await openApp(page, '/track');
  await expect(page.getByLabel('Case number')).toBeVisible();

  // A shared link opens in English on a device that never chose it.
  const shared = `/services/${PERMIT}?lang=en`;
  const other = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const fresh = await other.newPage();
  await openApp(fresh, shared);
  await expect(fresh.locator('html')).toHaveAttribute('lang', 'en');
  await expect(fresh.getByRole('heading', { level: 1 })).toContainText('Residence Permit');
  await other.close();

  // Back to Chinese with the switch.
  await page.getByRole('link', { name: '中文' }).click();
  await waitForApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByLabel('办件编号')).toBeVisible();
});

test('a guide without English says so in English and shows the Chinese original', async ({ page }) => {
  await openApp(page, `/services/${ID_CARD}?lang=en`);
  await expect(page.getByText('This guide is available in Chinese only')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('居民身份证');
  await expect(page.getByRole('heading', { name: 'Required documents' })).toBeVisible();
  await expectAccessible(page);
});

test('the switch is a keyboard-usable link with a label', async ({ page }) => {
  await openApp(page, '/');
  const english = page.getByRole('link', { name: 'English' });
  await english.focus();
  await page.keyboard.press('Enter');
  await waitForApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Language' })).toBeVisible();
});

test('offline, a page saved in one language never answers for the other', async ({ page, context }) => {
  // Saved in both languages through the service worker.
  await openApp(page, `/services/${PERMIT}`);
  await loadThroughServiceWorker(page);
  await openApp(page, `/services/${PERMIT}?lang=en`);
  await page.reload();
  await waitForApp(page);
  // This device has chosen English.
  await context.addCookies([{ name: 'portal_lang', value: 'en', domain: new URL(page.url()).hostname, path: '/' }]);

  await goOffline(context);
  await page.goto(`/services/${PERMIT}?lang=zh`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('居住证首次申领');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.goto(`/services/${PERMIT}?lang=en`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Residence Permit');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText(/This is a copy saved at/)).toBeVisible();
  // The address without ?lang: the device's choice, English, not the Chinese copy.
  await page.goto(`/services/${PERMIT}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Residence Permit');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await goOnline(context);
});

test('a page rendered in the browser starts in the language of the link or the device', async ({ page, context }) => {
  // Booking is a personal page: the app shell, drawn by the app from index.html's <html lang>.
  await openApp(page, `/services/${PERMIT}/appointment?lang=en`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Book a visit');
  await expectAccessible(page);

  await context.addCookies([{ name: 'portal_lang', value: 'en', domain: new URL(page.url()).hostname, path: '/' }]);
  await openApp(page, `/services/${PERMIT}/appointment`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Book a visit');
});
