/**
 * What a runner needs to start Python, handed to it by the page as plain data (the runner's frame
 * cannot fetch anything): Pyodide's files, Flowplay's runtime module, the code that starts them in
 * the worker, and a memory snapshot of a started Python once one exists.
 */
export interface PythonAssets {
  /** The bundle that starts Python in the worker (`src/python/runnerPython.ts`), as a classic script. */
  starter: string;
  /** `pyodide.asm.mjs`, as text. */
  asm: string;
  wasm: ArrayBuffer;
  stdlib: ArrayBuffer;
  /** `pyodide-lock.json`, as text. */
  lock: string;
  /** `flowplay_runtime.py`. */
  runtime: string;
  snapshot: Uint8Array | null;
}

/** The global the starter bundle assigns its exports to, and the one it finds the engine under. */
export const STARTER_GLOBAL = 'flowplayPython';
export const ENGINE_GLOBAL = 'flowplayEngine';

/** Checks what arrives over a port (the frame relays it; nothing else may pass for it). */
export function isPythonAssets(value: unknown): value is PythonAssets {
  const a = value as Partial<PythonAssets> | null;
  return (
    typeof a === 'object' &&
    a !== null &&
    typeof a.starter === 'string' &&
    typeof a.asm === 'string' &&
    a.wasm instanceof ArrayBuffer &&
    a.stdlib instanceof ArrayBuffer &&
    typeof a.lock === 'string' &&
    typeof a.runtime === 'string' &&
    (a.snapshot === null || a.snapshot instanceof Uint8Array)
  );
}
