// Does the app (CSR, index.html) draw public pages without panics? Navigate inside the app.
import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: 390, height: 844 } });
const errors = [];
p.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
p.on('pageerror', (e) => errors.push(e.message));
const base = process.env.URL;
const services = await (await fetch(base + '/api/services')).json();
const withSituations = [];
for (const s of services.slice(0, 40)) {
  const d = await (await fetch(base + '/api/services/' + encodeURIComponent(s.code))).json();
  if (d.situations.length) { withSituations.push(s.code); }
}
await p.goto(base + '/index.html');
await p.waitForFunction(() => performance.getEntriesByName('portal-ready').length > 0);
for (const path of ['/', '/services', '/services/' + services[0].code, '/checklists', '/checklists/' + services[0].code, '/checklists/' + withSituations[0], '/bundles', '/bundles/newborn', '/bundles/restaurant', '/track', '/apply', '/apply/' + services[0].code, '/publications']) {
  await p.evaluate((u) => { history.pushState(null, '', u); dispatchEvent(new PopStateEvent('popstate')); }, path);
  await p.waitForTimeout(1500);
  const h1 = await p.locator('h1').first().textContent().catch(() => null);
  console.log(path, '=>', h1);
  await p.screenshot({ path: '/tmp/app-' + path.replace(/\W+/g, '_') + '.png' });
}
console.log('errors:', errors);
await b.close();
