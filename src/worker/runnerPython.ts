import * as flowplay from '../engine/index.ts';
import { ENGINE_GLOBAL, STARTER_GLOBAL } from '../python/pythonAssets.ts';
import type { PythonAssets } from '../python/pythonAssets.ts';
import type { PythonRuntime } from '../python/pythonRuntime.ts';
import type { StartedPython } from '../python/runnerPython.ts';

export interface RunnerPython {
  /** Python with Flowplay's runtime, or why it could not start. */
  ready: Promise<PythonRuntime>;
}

interface Starter {
  startPython(assets: PythonAssets): Promise<StartedPython>;
}

/**
 * Starts Python in this runner from the assets the page handed over: the starter bundle is evaluated
 * with this runner's engine (one engine, one trace), and a snapshot it makes goes back to the page.
 * The runner warms it up before saying hello (see pythonWarmUp.ts), after the snapshot, which stays clean.
 */
export function startRunnerPython(assets: PythonAssets, onSnapshot: (snapshot: Uint8Array) => void): RunnerPython {
  const ready = (async () => {
    const starter = new Function(ENGINE_GLOBAL, `${assets.starter}\nreturn ${STARTER_GLOBAL};`)(flowplay) as Starter;
    const started = await starter.startPython(assets);
    if (started.snapshot) onSnapshot(started.snapshot);
    return started.runtime;
  })();
  // A failure is reported by the run that needed Python.
  ready.catch(() => {});
  return { ready };
}
