/**
 * Python inside the page's runner worker. The worker lives in a frame with an opaque origin whose
 * policy refuses every request, so Pyodide cannot fetch its files: the page hands over their bytes,
 * and while Pyodide starts, `fetch` answers for exactly those files from memory (and nothing else).
 * Bundled on its own (`virtual:flowplay-python-runner`) and evaluated by the worker only when a run
 * is Python, with the worker's engine passed in, so a TypeScript-only page never downloads it.
 */
import { loadPyodide } from 'pyodide';
import type { PythonAssets } from './pythonAssets.ts';
import { prepareRuntime } from './pythonRuntime.ts';
import type { PythonRuntime } from './pythonRuntime.ts';
import { importRuntimeForSnapshot } from './snapshotPreparation.ts';

/** A base no request can reach: Pyodide names its files under it and `fetch` answers from memory. */
const FILES = 'https://pyodide.flowplay.invalid/';

type CreateModule = NonNullable<Parameters<typeof loadPyodide>[0]>['createPyodideModule'];

/**
 * Pyodide's module script is an ES module; a blob worker under the frame's policy cannot import one,
 * but it may evaluate code (the runner already does), so the module body becomes a function body.
 */
function moduleFactory(asm: string): CreateModule {
  const body = asm.replace(/export\s+default\s+_createPyodideModule\s*;?\s*$/, 'return _createPyodideModule;').replaceAll('import.meta.url', JSON.stringify(FILES));
  if (!body.includes('return _createPyodideModule;')) throw new Error('The Python runtime files are not the expected Pyodide build.');
  return new Function(body)() as CreateModule;
}

/** Serves the given files to `fetch` while `work` runs, then puts the real `fetch` back. */
async function servingFiles<T>(files: Record<string, { bytes: ArrayBuffer; type: string }>, work: () => Promise<T>): Promise<T> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const file = files[url];
    if (file) return Promise.resolve(new Response(file.bytes, { headers: { 'Content-Type': file.type } }));
    return realFetch(input, init);
  };
  try {
    return await work();
  } finally {
    globalThis.fetch = realFetch;
  }
}

export interface StartedPython {
  runtime: PythonRuntime;
  /** A memory snapshot of Python right after start-up, when this start made one (the first start). */
  snapshot: Uint8Array | null;
}

/**
 * Starts Python from the assets: from the memory snapshot when there is one (about a second), else
 * from scratch (several seconds), in which case a snapshot is taken before any user code can run, for
 * the runners after this one.
 */
export async function startPython(assets: PythonAssets): Promise<StartedPython> {
  if (assets.snapshot !== null) {
    try {
      return await startFrom(assets, true);
    } catch {
      // A snapshot this build cannot restore (one kept from an earlier page load): start from scratch,
      // which makes a new one.
    }
  }
  return startFrom(assets, false);
}

async function startFrom(assets: PythonAssets, restoring: boolean): Promise<StartedPython> {
  const pyodide = await servingFiles(
    {
      [`${FILES}pyodide.asm.wasm`]: { bytes: assets.wasm, type: 'application/wasm' },
      [`${FILES}python_stdlib.zip`]: { bytes: assets.stdlib, type: 'application/zip' },
    },
    () =>
      loadPyodide({
        indexURL: FILES,
        packageBaseUrl: FILES,
        lockFileContents: assets.lock,
        createPyodideModule: moduleFactory(assets.asm),
        ...(restoring ? { _loadSnapshot: assets.snapshot! } : { _makeSnapshot: true }),
      }),
  );
  let snapshot: Uint8Array | null = null;
  if (!restoring) {
    importRuntimeForSnapshot(pyodide, assets.runtime);
    snapshot = pyodide.makeMemorySnapshot();
  }
  return { runtime: prepareRuntime(pyodide, assets.runtime), snapshot };
}
