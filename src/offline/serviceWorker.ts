/**
 * The service worker (`sw.js` in the build): after the first visit the playground, the embed, their
 * workers, TypeScript's library files (inside the language worker) and the runner's sandbox page all
 * come from its cache, so Flowplay works offline. A new deployment installs beside the old one and
 * waits; the page says so and reloads into it when asked (or it takes over once every tab is closed),
 * so a page never mixes files of two versions.
 *
 * The build writes the version and the file list in place of the two declarations below.
 */
declare const FLOWPLAY_VERSION: string;
declare const FLOWPLAY_FILES: string[];

/**
 * Fetched on first use and then kept, across versions: files that are not part of the build but that
 * the app loads from its own origin when a feature needs them. The Python runtime (Pyodide) is the
 * first: served under `pyodide/`, it is kept here once the Python mode has fetched it. Add the path of
 * any other runtime the same way.
 */
const RUNTIME_FILES: RegExp[] = [/\/pyodide\//];

const sw = self as unknown as {
  registration: { scope: string };
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: string, listener: (event: any) => void): void;
};
const CACHE = `flowplay-${FLOWPLAY_VERSION}`;
const RUNTIME_CACHE = 'flowplay-runtime';
const scope = new URL(sw.registration.scope);

sw.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FLOWPLAY_FILES.map((file) => new URL(file, scope).href))));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('flowplay-') && key !== CACHE && key !== RUNTIME_CACHE).map((key) => caches.delete(key))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') void sw.skipWaiting();
});

/** A page's address to the file that holds it: `./` is index.html, `./embed` is embed.html. */
function pageFile(url: URL): string {
  const path = url.pathname.slice(scope.pathname.length);
  if (path === '' || path.endsWith('/')) return new URL(`${path}index.html`, scope).href;
  if (!/\.[a-z0-9]+$/i.test(path)) return new URL(`${path}.html`, scope).href;
  return new URL(path, scope).href;
}

sw.addEventListener('fetch', (event) => {
  const request: Request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const key = request.mode === 'navigate' ? pageFile(url) : `${url.origin}${url.pathname}`;
      const cached = await cache.match(key);
      if (cached) return cached;
      const runtime = RUNTIME_FILES.some((pattern) => pattern.test(url.pathname));
      if (runtime) {
        const kept = await (await caches.open(RUNTIME_CACHE)).match(request);
        if (kept) return kept;
      }
      const response = await fetch(request);
      if (runtime && response.ok) await (await caches.open(RUNTIME_CACHE)).put(request, response.clone());
      return response;
    })(),
  );
});
