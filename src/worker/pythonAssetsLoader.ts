/**
 * The page fetches Python for the runner, once per page and only when Python is used: Pyodide's files
 * from the app's own `pyodide/` folder and the starter bundle. The runner's frame cannot fetch (its
 * origin is opaque and its policy refuses every request), so the page hands these bytes to each
 * Python runner it starts.
 */
import type { PythonAssets } from '../python/pythonAssets.ts';
import { MAX_BYTES, SHIPPED_SNAPSHOT_MANIFEST, shippedSnapshotFile } from './pythonSnapshotStore.ts';

export type PythonFiles = Omit<PythonAssets, 'snapshot'>;

const BASE = `${import.meta.env.BASE_URL}pyodide/`;

async function fetched(name: string): Promise<Response> {
  const response = await fetch(`${BASE}${name}`);
  if (!response.ok) throw new Error(`Could not load the Python runtime (${name}: HTTP ${response.status}).`);
  return response;
}

let loading: Promise<PythonFiles> | null = null;

export function loadPythonFiles(): Promise<PythonFiles> {
  loading ??= (async () => {
    const [starter, runtime, asm, wasm, stdlib, lock] = await Promise.all([
      import('virtual:flowplay-python-starter').then((module) => module.default),
      import('../python/flowplay_runtime.py?raw').then((module) => module.default as string),
      fetched('pyodide.asm.mjs').then((r) => r.text()),
      fetched('pyodide.asm.wasm').then((r) => r.arrayBuffer()),
      fetched('python_stdlib.zip').then((r) => r.arrayBuffer()),
      fetched('pyodide-lock.json').then((r) => r.text()),
    ]);
    return { starter, runtime, asm, wasm, stdlib, lock };
  })();
  // A failed load (offline, a server error) is tried again by the next Python run.
  loading.catch(() => (loading = null));
  return loading;
}

/** The start-up snapshot the build shipped, and the key of the files it was made from. */
export interface ShippedSnapshot {
  key: string;
  bytes: Uint8Array;
}

/**
 * The start-up snapshot the build made (src/sandbox/pythonSnapshotBuild.ts), or null when the app has
 * none (a dev server, an older build) or it cannot be fetched or read: Python then starts from scratch,
 * as without it. It needs no key to ask for, so it downloads beside Pyodide's files; the caller uses it
 * only when its key is the key of the files it loaded.
 */
export async function fetchShippedSnapshot(): Promise<ShippedSnapshot | null> {
  try {
    const manifest = await fetch(`${BASE}${SHIPPED_SNAPSHOT_MANIFEST}`);
    if (!manifest.ok) return null;
    const key = ((await manifest.json()) as { key?: unknown } | null)?.key;
    if (typeof key !== 'string' || !/^[0-9a-f]{64}$/.test(key)) return null;
    const response = await fetch(`${BASE}${shippedSnapshotFile(key)}`);
    if (!response.ok || Number(response.headers.get('Content-Length') ?? 0) > MAX_BYTES) return null;
    const stored = new Uint8Array(await response.arrayBuffer());
    const bytes = await gunzipped(stored);
    return bytes && bytes.byteLength > 0 ? { key, bytes } : null;
  } catch {
    return null;
  }
}

/**
 * The file's bytes unzipped, at most `max` of them (null past that): about 30 MB from 6 MB. A
 * server may have unzipped them already (some send a `.gz` file with `Content-Encoding: gzip`), so
 * bytes that do not start as gzip does are taken as they are. Not `gunzip` of src/share/gzip.ts: that
 * inflates in script, at once, which for 30 MB would hold the page for a few hundred milliseconds;
 * the browser's own inflater works in chunks, and checks the gzip trailer as that one does.
 */
export async function gunzipped(stored: Uint8Array, max: number = MAX_BYTES): Promise<Uint8Array | null> {
  if (stored.byteLength > max) return null;
  if (stored[0] !== 0x1f || stored[1] !== 0x8b) return stored;
  const reader = new Blob([stored as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Uint8Array(await new Blob(chunks as Uint8Array<ArrayBuffer>[]).arrayBuffer());
}
