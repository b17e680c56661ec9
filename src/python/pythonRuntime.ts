/**
 * A prepared Python: Pyodide with Flowplay's runtime module installed (served modules, `asyncio.sleep`
 * on the run's clock, `random` on the run's seed). Loading Pyodide is the slow part (seconds); a
 * prepared runtime runs any number of files after it.
 */
import type { PyodideAPI } from 'pyodide';
import * as engine from '../engine/index.ts';
import { SERVED_MODULES, servedModulesSentence } from '../compiler/python/servedModules.ts';
import { createPythonBridge } from './pythonBridge.ts';
import { RUNTIME_FILE, readable } from './userTraceback.ts';

export interface PythonRuntime {
  readonly pyodide: PyodideAPI;
  /** Runs a file as a notebook cell; resolves with how to start its only workflow, or null. */
  runSource(source: string, fileName: string, options: RunSourceOptions): Promise<(() => Promise<void>) | null>;
}

export interface RunSourceOptions {
  input: Record<string, unknown>;
  /** Each line the code prints. */
  print: (line: string) => void;
  /**
   * Also record each printed line in the trace of the run it belongs to (default). A host with its own
   * console (the page's runner caps and records what it is given) turns this off.
   */
  logToRun?: boolean;
}

interface RuntimeModule {
  install(bridge: unknown, served: unknown, sentence: string): void;
  run_source(source: string, fileName: string): PromiseLike<unknown>;
  run_only_workflow(classes: unknown, input: unknown): PromiseLike<unknown>;
}

/** Installs the runtime module (its source is `flowplay_runtime.py`) into a loaded Pyodide. */
export function prepareRuntime(pyodide: PyodideAPI, runtimeSource: string): PythonRuntime {
  pyodide.FS.mkdirTree('/home/pyodide');
  pyodide.FS.writeFile(RUNTIME_FILE, runtimeSource);
  const module = pyodide.pyimport('flowplay_runtime') as unknown as RuntimeModule;
  module.install(createPythonBridge(), Object.fromEntries(SERVED_MODULES), servedModulesSentence());
  let print: (line: string) => void = () => {};
  pyodide.setStdout({ batched: (line) => print(line) });
  pyodide.setStderr({ batched: (line) => print(line) });
  return {
    pyodide,
    async runSource(source, fileName, options) {
      const logToRun = options.logToRun ?? true;
      print = (line) => {
        if (logToRun) engine.logToCurrentRun('log', line);
        options.print(line);
      };
      const classes = await readable(module.run_source(source, fileName));
      return async () => {
        await readable(module.run_only_workflow(classes, Object.entries(options.input)));
      };
    },
  };
}

