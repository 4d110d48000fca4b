// Doorgroei's service worker: keeps every file of this build so that after
// one visit the app opens and works without a network (the ladder, profile
// and roster are in localStorage; reading files and matching run in the
// worker, whose modules are kept too). `cargo xtask dist` writes this file
// from web/sw.js: BUILD is a hash of every file of the build, FILES their
// names. Each build has a cache of its own; a new build waits until the
// page asks for it ("Er is een nieuwe versie"), so a page never gets files
// of two builds.
const BUILD = '__BUILD__';
const FILES = __FILES__;
const CACHE = `doorgroei-${BUILD}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('doorgroei-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'update') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  let path = url.pathname.slice(scope.pathname.length);
  if (request.mode === 'navigate' || path === '') path = 'index.html';
  if (!FILES.includes(path)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    return (await cache.match(new URL(path, scope))) ?? fetch(request);
  })());
});
