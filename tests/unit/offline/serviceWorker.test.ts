/**
 * The service worker as the build writes it (`sw.js`), run against an in-memory cache and network:
 * what it installs, what it keeps on first use, what it answers with the network cut, and the headers
 * it gives the sandbox page.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { serviceWorkerScript } from '../../../src/offline/offlinePlugin.ts';

const SCOPE = 'https://example.org/tools/flowplay/';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'flowplay-sw-'));
  build({
    'index.html': '<!doctype html>app',
    'embed.html': '<!doctype html>embed',
    'sandbox.html': '<!doctype html>sandbox',
    'assets/main-abc.js': 'main',
    'assets/language.worker-def.js': 'typescript',
    'embed-demo.html': 'demo',
    _headers: '/*',
    'pyodide/pyodide.asm.wasm': 'wasm',
    'pyodide/pyodide-lock.json': '{}',
    'assets/python_stdlib-123.zip': 'stdlib',
    'assets/_virtual_flowplay-python-starter-9zX.js': 'starter',
    'assets/flowplay_runtime-4Qa.js': 'runtime module',
  });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function build(files: Record<string, string>): void {
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
}

interface FakeRequest {
  url: string;
  method: string;
  mode: string;
}

/** Runs `sw.js` with its globals faked: caches in memory, a network that serves the build folder. */
function start(script: string, shared = new Map<string, Map<string, Response>>()) {
  const listeners: Record<string, (event: any) => void> = {};
  const network = { online: true, requests: [] as string[] };
  const key = (request: string | FakeRequest) => (typeof request === 'string' ? request : request.url);
  const caches = {
    async open(name: string) {
      if (!shared.has(name)) shared.set(name, new Map());
      const store = shared.get(name)!;
      return {
        async addAll(urls: string[]) {
          for (const url of urls) store.set(url, await fakeFetch({ url, method: 'GET', mode: 'cors' }));
        },
        async match(request: string | FakeRequest) {
          return store.get(key(request))?.clone();
        },
        async put(request: string | FakeRequest, response: Response) {
          store.set(key(request), response);
        },
      };
    },
    async keys() {
      return [...shared.keys()];
    },
    async delete(name: string) {
      return shared.delete(name);
    },
  };
  async function fakeFetch(request: FakeRequest): Promise<Response> {
    network.requests.push(request.url);
    if (!network.online) throw new TypeError('Failed to fetch');
    const path = new URL(request.url).pathname.slice(new URL(SCOPE).pathname.length);
    try {
      const response = new Response(readFileSync(join(dir, path)), { headers: { 'Content-Type': 'text/plain' } });
      Object.defineProperty(response, 'type', { value: 'basic' });
      return response;
    } catch {
      return new Response('not found', { status: 404 });
    }
  }
  const self = {
    registration: { scope: SCOPE },
    clients: { claim: async () => {} },
    skipWaiting: async () => {},
    addEventListener: (type: string, listener: (event: any) => void) => (listeners[type] = listener),
  };
  new Function('self', 'caches', 'fetch', script)(self, caches, fakeFetch);
  /** Runs a listener; for a fetch, resolves with the worker's answer (undefined: left to the browser). */
  async function dispatch(type: string, data: Record<string, unknown> = {}): Promise<unknown> {
    let waited: Promise<unknown> = Promise.resolve();
    let answered: Promise<Response> | undefined;
    listeners[type]!({ ...data, waitUntil: (p: Promise<unknown>) => (waited = p), respondWith: (p: Promise<Response>) => (answered = p) });
    await waited;
    return answered;
  }
  return {
    network,
    caches: shared,
    install: () => dispatch('install'),
    activate: () => dispatch('activate'),
    get: (path: string, mode = 'cors') => dispatch('fetch', { request: { url: new URL(path, SCOPE).href, method: 'GET', mode } }) as Promise<Response | undefined>,
  };
}

describe('the service worker of a build', () => {
  test('installs every file of the build but the runtime files, the demo and the header rules', async () => {
    const worker = start(serviceWorkerScript(dir));
    await worker.install();
    const installed = [...[...worker.caches.entries()].find(([name]) => !name.startsWith('flowplay-runtime'))![1].keys()];
    expect(installed.map((url) => url.slice(SCOPE.length)).sort()).toEqual(['assets/language.worker-def.js', 'assets/main-abc.js', 'embed.html', 'index.html', 'sandbox.html']);
    expect(worker.network.requests.some((url) => /pyodide|python|flowplay_runtime/.test(url))).toBe(false);
  });

  test('answers the app, its pages by their short names and its workers with the network cut', async () => {
    const worker = start(serviceWorkerScript(dir));
    await worker.install();
    worker.network.online = false;
    expect(await (await worker.get('', 'navigate'))!.text()).toBe('<!doctype html>app');
    expect(await (await worker.get('embed', 'navigate'))!.text()).toBe('<!doctype html>embed');
    expect(await (await worker.get('assets/language.worker-def.js'))!.text()).toBe('typescript');
    expect(await worker.get('https://elsewhere.example/x.js')).toBeUndefined();
  });

  test('gives the sandbox page its policy, opaque origin included, whatever the host sent', async () => {
    const worker = start(serviceWorkerScript(dir));
    await worker.install();
    worker.network.online = false;
    const page = await (await worker.get('sandbox.html?run=1', 'navigate'))!;
    expect(page.headers.get('Content-Security-Policy')).toMatch(/^sandbox allow-scripts; default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+' 'unsafe-eval'/);
    expect(await page.text()).toBe('<!doctype html>sandbox');
    // Other pages keep what they came with.
    expect((await worker.get('', 'navigate'))!.headers.get('Content-Security-Policy')).toBeNull();
  });

  test('keeps a runtime file on first use, then serves it offline', async () => {
    const worker = start(serviceWorkerScript(dir));
    await worker.install();
    expect(await (await worker.get('pyodide/pyodide.asm.wasm'))!.text()).toBe('wasm');
    worker.network.online = false;
    expect(await (await worker.get('pyodide/pyodide.asm.wasm'))!.text()).toBe('wasm');
    // Never fetched, so not there offline.
    await expect(worker.get('assets/python_stdlib-123.zip')).rejects.toThrow('Failed to fetch');
  });

  test('a deployment that leaves the runtime alone keeps what was fetched; one that changes it starts over', async () => {
    const first = start(serviceWorkerScript(dir));
    await first.install();
    await first.activate();
    await first.get('pyodide/pyodide.asm.wasm');
    const runtimeCache = () => [...first.caches.keys()].filter((name) => name.startsWith('flowplay-runtime'));
    const kept = runtimeCache();

    build({ 'assets/main-abc.js': 'main, changed' });
    const second = start(serviceWorkerScript(dir), first.caches);
    await second.install();
    await second.activate();
    expect(runtimeCache()).toEqual(kept);
    second.network.online = false;
    expect(await (await second.get('pyodide/pyodide.asm.wasm'))!.text()).toBe('wasm');

    build({ 'pyodide/pyodide.asm.wasm': 'wasm, next release' });
    const third = start(serviceWorkerScript(dir), first.caches);
    await third.install();
    await third.activate();
    expect(runtimeCache()).toHaveLength(0);
    expect(await (await third.get('pyodide/pyodide.asm.wasm'))!.text()).toBe('wasm, next release');
  });

  test('a build without a runtime still names its runtime cache, and changes version with any file', () => {
    rmSync(join(dir, 'pyodide'), { recursive: true });
    for (const file of ['python_stdlib-123.zip', '_virtual_flowplay-python-starter-9zX.js', 'flowplay_runtime-4Qa.js']) rmSync(join(dir, 'assets', file));
    const before = serviceWorkerScript(dir);
    expect(before).toContain('const FLOWPLAY_RUNTIME_VERSION = "none";');
    build({ 'index.html': '<!doctype html>app, changed' });
    const version = (script: string) => /FLOWPLAY_VERSION = "([^"]+)"/.exec(script)![1];
    expect(version(serviceWorkerScript(dir))).not.toBe(version(before));
  });
});
