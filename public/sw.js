// Service worker: guides and lists a citizen has opened stay readable in the hall without a network.
// - API GETs (catalog, guides, application forms, calendar, QR): network first; on failure, or
//   after 3 s without an answer, the saved copy, marked with the time it was saved (a header) so
//   the page can say so.
//   A draft can thus be continued offline: answers and photos are kept until the network is back.
// - Hashed assets (name-<hex>.js/.wasm/.css): cache first; they never change.
// - Pages: network first (the same 3 s patience). A server-rendered page is kept as itself (it
//   carries its data), stamped with the time it was saved; any other page falls back to the
//   saved app shell, which renders it from the saved API copies. A new deploy is picked up at once
//   because index.html is always tried on the network first; assets it no longer names are pruned.
// Routes, header name and asset pattern are declared once, in contract/src/offline.rs.
importScripts('/sw-config.js');
const CONFIG = self.PORTAL_SW;
const API_CACHE = 'portal-api-v1';
const ASSET_CACHE = 'portal-assets-v1';
// v2: pages are kept per language (pageKey).
const SHELL_CACHE = 'portal-shell-v2';
const KEEP = [API_CACHE, ASSET_CACHE, SHELL_CACHE];

// The page that registers the worker was loaded without it: save the app now, so the very
// first visit already works offline. `/index.html` is the app's own page (a public page loads
// only the islands bundle, which cannot draw another page); the home page names every bundle's
// current files (src/ssr.rs), the islands' it loads and the others' in `portal-bundle` tags.
self.addEventListener('install', (event) => {
  const page = (path) => fetch(path).then((r) => (r.ok ? r.text() : Promise.reject(new Error(path))));
  event.waitUntil(
    page('/index.html')
      .then((html) => saveShell(html))
      .then(() => page('/'))
      .then((html) => keepAssets(html))
      .catch(() => {})
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => !KEEP.includes(n)).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

function stamp() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

// On a captive Wi-Fi or a dead link requests hang rather than fail: after this long a saved copy
// is shown instead of waiting on. With no saved copy the network is waited for as long as it takes.
const NETWORK_PATIENCE_MS = 3000;

/**
 * Network first, but never stuck on it: answers with the network's response if it comes (or
 * fails) within NETWORK_PATIENCE_MS, else with `saved()` if there is a saved copy. `keep` stores a
 * good response, also when it arrives after the saved copy was shown.
 */
async function networkFirst(request, keep, saved) {
  const network = fetch(request).then(async (response) => {
    if (response.ok) await keep(response.clone());
    return response;
  });
  const patience = new Promise((resolve) => setTimeout(resolve, NETWORK_PATIENCE_MS, 'slow'));
  const first = await Promise.race([network.catch(() => 'failed'), patience]);
  if (first !== 'slow' && first !== 'failed') return first;
  const copy = await saved();
  if (copy) return copy;
  return network;
}

async function apiNetworkFirst(request) {
  const cache = await caches.open(API_CACHE);
  return networkFirst(
    request,
    async (response) => {
      const body = await response.blob();
      const headers = new Headers(response.headers);
      headers.set(CONFIG.savedAtHeader, stamp());
      await cache.put(request, new Response(body, { status: 200, headers }));
    },
    () => cache.match(request, { ignoreVary: true }),
  );
}

async function assetCacheFirst(request) {
  const cache = await caches.open(ASSET_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/** The hashed files a shell names (its JS loader, wasm and CSS). */
function assetsOf(html) {
  const named = new Set();
  for (const m of html.matchAll(CONFIG.hashedAssetInHtml)) named.add(m[1]);
  return named;
}

/** A hashed file's name without its hash: `portal-1a2b….js` → `portal.js`. */
function family(file) {
  return file.replace(/-[0-9a-f]+(_bg)?\.(js|wasm|css)$/, '$1.$2');
}

/**
 * Keeps the shell (a page that loads the app, not the islands bundle) and the assets it names.
 */
async function saveShell(html) {
  if (assetsOf(html).size === 0) return;
  const shell = await caches.open(SHELL_CACHE);
  // A server-rendered page serves offline as the shell of every page: without its mark the app
  // renders whichever page is asked for, from the saved API copies, and says they are saved.
  const unmarked = html.replace(/ data-rendered-for="[^"]*"/, '');
  await shell.put('/', new Response(unmarked, { headers: HTML }));
  await keepAssets(html);
}

/**
 * Keeps the assets a page names: fetches any that are missing (however the page itself loaded
 * them) and drops older deploys' versions of the same files. The app's and the islands bundle's
 * files are kept side by side.
 */
async function keepAssets(html) {
  const named = assetsOf(html);
  const families = new Set([...named].map(family));
  const cache = await caches.open(ASSET_CACHE);
  for (const req of await cache.keys()) {
    const file = new URL(req.url).pathname.split('/').pop();
    if (families.has(family(file)) && !named.has(file)) await cache.delete(req);
  }
  for (const file of named) {
    if (!(await cache.match('/' + file))) {
      try {
        const response = await fetch('/' + file);
        if (response.ok) await cache.put('/' + file, response);
      } catch (err) {
        // Offline now: the next visit with a network saves it.
      }
    }
  }
}

const HTML = { 'content-type': 'text/html; charset=utf-8' };

// The same address is drawn in Chinese or in English, as the server chooses (src/i18n/lang.rs):
// the link's ?lang=, else the portal_lang cookie, else Chinese. A page is kept under its address
// with the language it was drawn in, and looked up with the language asked for, so a saved copy in
// the other language never answers.
async function requestedLang(url) {
  const asked = url.searchParams.get('lang');
  if (asked === 'en' || asked === 'zh') return asked;
  try {
    const cookie = self.cookieStore ? await self.cookieStore.get('portal_lang') : null;
    if (cookie && (cookie.value === 'en' || cookie.value === 'zh')) return cookie.value;
  } catch (err) {
    // No cookie store in this browser: Chinese, as the server answers without a choice.
  }
  return 'zh';
}

function pageKey(address, lang) {
  const url = new URL(address);
  url.searchParams.set('lang', lang);
  url.hash = '';
  return url.href;
}

async function pageNetworkFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  return networkFirst(
    request,
    async (response) => {
      const html = await response.text();
      // A page that loads another bundle than the app's (`data-bundle`: the islands of a
      // server-rendered page, or a case page's) cannot draw other pages: it is kept as itself.
      const bundle = /<body[^>]* data-bundle="/.test(html);
      if (bundle) await keepAssets(html);
      else await saveShell(html);
      // A server-rendered page carries its data: offline it opens as it was, and says when it
      // was saved.
      if (/ data-rendered-for="/.test(html)) {
        const drawnIn = /<html[^>]* lang="en"/.test(html) ? 'en' : 'zh';
        const stamped = html.replace(/<body /, `<body data-saved-at="${stamp()}" `);
        await cache.put(pageKey(request.url, drawnIn), new Response(stamped, { headers: HTML }));
      } else if (bundle) {
        // A case page's shell draws from the saved API copies, which say when they were saved.
        await cache.put(pageKey(request.url, await requestedLang(new URL(request.url))), new Response(html, { headers: HTML }));
      }
    },
    // A page kept in the other size (长辈版) is still the page: the app redraws it (app.rs).
    // The shell has no language of its own: index.html's script sets it before the app starts.
    async () => {
      const key = pageKey(request.url, await requestedLang(new URL(request.url)));
      return (await cache.match(key, { ignoreVary: true })) ?? cache.match('/');
    },
  );
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(pageNetworkFirst(request));
  } else if (CONFIG.offlineApi.some((route) => route.test(url.pathname))) {
    event.respondWith(apiNetworkFirst(request));
  } else if (CONFIG.hashedAsset.test(url.pathname)) {
    event.respondWith(assetCacheFirst(request));
  }
});
