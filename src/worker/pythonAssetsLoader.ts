/**
 * The page fetches Python for the runner, once per page and only when Python is used: Pyodide's files
 * from the app's own `pyodide/` folder and the starter bundle. The runner's frame cannot fetch (its
 * origin is opaque and its policy refuses every request), so the page hands these bytes to each
 * Python runner it starts.
 */
import type { PythonAssets } from '../python/pythonAssets.ts';
import { MAX_BYTES, shippedSnapshotFile } from './pythonSnapshotStore.ts';

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

/**
 * The start-up snapshot the build made from these files (key: `snapshotKey`), or null when the app
 * has none for them (a dev server, an older build) or it cannot be fetched: Python then starts from
 * scratch, as without it.
 */
export async function fetchShippedSnapshot(key: string): Promise<Uint8Array | null> {
  try {
    const response = await fetch(`${BASE}${shippedSnapshotFile(key)}`);
    if (!response.ok || Number(response.headers.get('Content-Length') ?? 0) > MAX_BYTES) return null;
    const bytes = await response.arrayBuffer();
    return bytes.byteLength > 0 && bytes.byteLength <= MAX_BYTES ? new Uint8Array(bytes) : null;
  } catch {
    return null;
  }
}
