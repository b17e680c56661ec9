/**
 * Python for Node (the CLI and tests): Pyodide from node_modules, nothing from the network, with
 * Flowplay's runtime module installed.
 */
import { readFileSync } from 'node:fs';
import { loadPyodide } from 'pyodide';
import type { PythonRuntime } from '../python/pythonRuntime.ts';
import { prepareRuntime } from '../python/pythonRuntime.ts';

let loading: Promise<PythonRuntime> | null = null;

/** One runtime per process: the first call pays Pyodide's start-up, later ones reuse it. */
export function loadNodePython(): Promise<PythonRuntime> {
  loading ??= (async () => {
    const pyodide = await loadPyodide({ packages: [] });
    const source = readFileSync(new URL('../python/flowplay_runtime.py', import.meta.url), 'utf8');
    return prepareRuntime(pyodide, source);
  })();
  return loading;
}
