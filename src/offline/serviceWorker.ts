/**
 * The service worker (`sw.js` in the build): after the first visit the playground, the embed, their
 * workers, TypeScript's library files (inside the language worker) and the runner's sandbox page all
 * come from its cache, so Flowplay works offline, runs included. A new deployment installs beside the
 * old one and waits; the page says so and reloads into it when asked (or it takes over once every tab
 * is closed), so a page never mixes files of two versions.
 *
 * The build writes the declarations below in front of this code (src/offline/offlinePlugin.ts).
 */
declare const FLOWPLAY_VERSION: string;
/** Every file of the build except the runtime files: cached on install. */
declare const FLOWPLAY_FILES: string[];
/** Changes only when the runtime files do. */
declare const FLOWPLAY_RUNTIME_VERSION: string;
/**
 * Files a feature loads from the app's folder only when needed (the Python runtime, see
 * src/offline/runtimeFiles.ts): not installed, so a TypeScript-only visit never downloads them, but
 * kept on first use, and kept across deployments that leave them as they were.
 */
declare const FLOWPLAY_RUNTIME_PATTERNS: RegExp[];
/**
 * The sandbox page's headers, given to it whatever the host sent: its policy's `sandbox allow-scripts`
 * is what makes the runner's frame opaque when the page frames it through this worker (see
 * src/worker/sandboxHost.ts).
 */
declare const FLOWPLAY_SANDBOX_HEADERS: Record<string, string>;

const sw = self as unknown as {
  registration: { scope: string };
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: string, listener: (event: any) => void): void;
};
const CACHE = `flowplay-${FLOWPLAY_VERSION}`;
const RUNTIME_CACHE = `flowplay-runtime-${FLOWPLAY_RUNTIME_VERSION}`;
const scope = new URL(sw.registration.scope);
const SANDBOX_PAGE = new URL('sandbox.html', scope).href;

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

/** The same response with the sandbox page's headers in place of whatever it came with. */
function asSandboxPage(response: Response): Response {
  if (!response.ok) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(FLOWPLAY_SANDBOX_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function respond(request: Request, url: URL): Promise<Response> {
  const key = request.mode === 'navigate' ? pageFile(url) : `${url.origin}${url.pathname}`;
  const cached = await (await caches.open(CACHE)).match(key);
  if (cached) return cached;
  const path = url.pathname.slice(scope.pathname.length);
  const runtime = FLOWPLAY_RUNTIME_PATTERNS.some((pattern) => pattern.test(path));
  if (!runtime) return fetch(request);
  const store = await caches.open(RUNTIME_CACHE);
  const kept = await store.match(key);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await store.put(key, response.clone());
  return response;
}

sw.addEventListener('fetch', (event) => {
  const request: Request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const sandbox = request.mode === 'navigate' && pageFile(url) === SANDBOX_PAGE;
  event.respondWith(respond(request, url).then((response) => (sandbox ? asSandboxPage(response) : response)));
});
