// Service worker for Contacts Manager: the app shell works offline.
//
// trunk gives the wasm, JS and CSS hashed names that change with every build, so no
// list can be written here. Instead the shell is read from index.html itself: on
// install, and again whenever a navigation fetches a fresh index.html, every local
// file it references is cached and hashed files it no longer references are dropped.
//   navigations   network first, cached index.html when offline
//   hashed files  cache first (a hash names one content forever)
//   other files   stale-while-revalidate (manifest, icon)
// Bump VERSION to drop every cache written by an older worker.

const VERSION = "v1";
const SHELL = `contacts-manager-shell-${VERSION}`;
const INDEX = new URL("./", self.location).href;
const HASHED = /-[0-9a-f]{8,}(_bg)?\.(js|wasm|css)$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    fetch(INDEX, { cache: "no-cache" })
      .then((res) => (res.ok ? cacheShell(res) : undefined))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("contacts-manager-") && k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  // The app asking whether a new version is deployed: the network's answer only.
  if (url.searchParams.has("version-check")) return;
  if (req.mode === "navigate") {
    event.respondWith(networkFirst(event, req, url));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(cacheFirst(req));
  } else {
    event.respondWith(staleWhileRevalidate(event, req));
  }
});

async function networkFirst(event, req, url) {
  try {
    const res = await fetch(req);
    const isIndex = url.pathname === new URL(INDEX).pathname || url.pathname.endsWith("/index.html");
    if (res.ok && isIndex) event.waitUntil(cacheShell(res.clone()));
    return res;
  } catch (err) {
    const cache = await caches.open(SHELL);
    return (await cache.match(req, { ignoreSearch: true })) || (await cache.match(INDEX)) || Response.error();
  }
}

async function cacheFirst(req) {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(req);
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok) await cache.put(req, res.clone());
  return res;
}

async function staleWhileRevalidate(event, req) {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(req, { ignoreSearch: true });
  const update = fetch(req)
    .then((res) => {
      if (res.ok) return cache.put(req, res.clone()).then(() => res);
      return res;
    })
    .catch(() => hit || Response.error());
  if (hit) {
    event.waitUntil(update);
    return hit;
  }
  return update;
}

// Caches index.html and every local file it references; forgets hashed files that
// the new index.html no longer references (an older build's).
async function cacheShell(res) {
  const html = await res.clone().text();
  const cache = await caches.open(SHELL);
  await cache.put(INDEX, res);
  const wanted = new Set();
  for (const m of html.matchAll(/(?:href|src|module_or_path)\s*[=:]\s*["']([^"'#]+)["']/g)) {
    const url = new URL(m[1], INDEX);
    if (url.origin === self.location.origin && url.href !== INDEX) wanted.add(url.href);
  }
  for (const m of html.matchAll(/from\s+["']([^"']+\.js)["']/g)) {
    wanted.add(new URL(m[1], INDEX).href);
  }
  await Promise.all(
    [...wanted].map(async (href) => {
      if (await cache.match(href)) return;
      try {
        const asset = await fetch(href, { cache: "no-cache" });
        if (asset.ok) await cache.put(href, asset);
      } catch (err) {
        // Offline half-way: the next navigation tries again.
      }
    }),
  );
  for (const req of await cache.keys()) {
    if (HASHED.test(new URL(req.url).pathname) && !wanted.has(req.url)) await cache.delete(req);
  }
}
