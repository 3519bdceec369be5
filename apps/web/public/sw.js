// Little Monster service worker (hand-written, registered in production builds only).
// Keeps the app shell (index.html and its hashed assets) and the last feed response, so the app
// opens offline and shows what the student last saw. Everything else goes to the network.
const SHELL = "lm-shell-v1";
const DATA = "lm-data-v1";
const FEED_KEY = "/__last-feed";

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      await cache.addAll(["/", "/manifest.webmanifest", "/theme-init.js", "/icon.svg", "/icon-maskable.svg"]);
      // Precache the hashed bundles index.html points at (their names change every build).
      const html = await (await cache.match("/")).text();
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      await cache.addAll(assets);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== SHELL && key !== DATA) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;

  // The feed: network first; remember the last first page; offline, answer with it.
  if (url.pathname === "/api/v1/videos") {
    event.respondWith(
      (async () => {
        const cache = await caches.open(DATA);
        try {
          const res = await fetch(req);
          if (res.ok && !url.searchParams.get("cursor")) await cache.put(FEED_KEY, res.clone());
          return res;
        } catch (err) {
          const cached = await cache.match(FEED_KEY);
          if (cached) return cached;
          throw err;
        }
      })(),
    );
    return;
  }
  if (url.pathname.startsWith("/api/")) return;

  // Hashed assets never change: cache first.
  if (url.pathname.startsWith("/assets/")) {
    event.respondWith(
      (async () => {
        const cache = await caches.open(SHELL);
        const hit = await cache.match(req);
        if (hit) return hit;
        const res = await fetch(req);
        if (res.ok) await cache.put(req, res.clone());
        return res;
      })(),
    );
    return;
  }

  // Page navigations (SPA routes): network first, the cached shell when offline.
  if (req.mode === "navigate") {
    event.respondWith(
      (async () => {
        try {
          const res = await fetch(req);
          if (res.ok) {
            const cache = await caches.open(SHELL);
            await cache.put("/", res.clone());
          }
          return res;
        } catch {
          return (await caches.match("/")) ?? Response.error();
        }
      })(),
    );
    return;
  }

  // Other static files (icons, manifest): network, then whatever the cache has.
  event.respondWith(fetch(req).catch(async () => (await caches.match(req)) ?? Response.error()));
});
