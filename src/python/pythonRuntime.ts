/**
 * A prepared Python: Pyodide with Flowplay's runtime module installed (served modules, `asyncio.sleep`
 * on the run's clock, `random` on the run's seed). Loading Pyodide is the slow part (seconds); a
 * prepared runtime runs any number of files after it.
 */
import type { PyodideAPI } from 'pyodide';
import * as engine from '../engine/index.ts';
import { SERVED_MODULES, servedModulesSentence } from '../compiler/python/servedModules.ts';
import { createPythonBridge } from './pythonBridge.ts';
import type { PrintSink } from './pythonBridge.ts';
import { RUNTIME_FILE, readable } from './userTraceback.ts';

export interface PythonRuntime {
  readonly pyodide: PyodideAPI;
  /** Runs a file as a notebook cell; resolves with how to start its only workflow, or null. */
  runSource(source: string, fileName: string, options: RunSourceOptions): Promise<(() => Promise<void>) | null>;
}

export interface RunSourceOptions {
  input: Record<string, unknown>;
  /**
   * Each line the code prints, after it was recorded in the trace of the run (and step) it belongs to;
   * `recorded` is false for a line printed outside any run, which only the host can show.
   */
  print: (line: string, recorded: boolean, level: engine.LogLevel) => void;
  /**
   * What a printed line becomes before it is recorded, or null to drop it: the page holds Python's
   * output to the same per-run console limits as TypeScript's (src/worker/consoleCap.ts); a `notice`
   * is recorded without the step. Default: as is.
   */
  shape?: (line: string) => { text: string; level: engine.LogLevel; notice?: boolean } | null;
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
  let print: PrintSink = () => {};
  module.install(createPythonBridge((line, ctx) => print(line, ctx)), Object.fromEntries(SERVED_MODULES), servedModulesSentence());
  // Standard output is the runtime's own stream (it knows the step printing); anything else Python
  // writes, warnings included, goes to the same place without a step.
  pyodide.setStderr({ batched: (line) => print(line, undefined) });
  return {
    pyodide,
    async runSource(source, fileName, options) {
      print = (line, ctx) => {
        const shaped = options.shape ? options.shape(line) : { text: line, level: 'log' as const };
        if (shaped === null) return;
        // Python prints from inside its own task; its step is the task's, not whatever JavaScript saw last.
        // A notice (output stops here) is the host's: recorded in the run without the step.
        const fromStep = shaped.notice !== true;
        const recorded = ctx ? engine.Context.logFor(ctx, shaped.level, shaped.text, fromStep) : engine.logToCurrentRun(shaped.level, shaped.text, fromStep);
        options.print(shaped.text, recorded, shaped.level);
      };
      const classes = await readable(module.run_source(source, fileName));
      return async () => {
        await readable(module.run_only_workflow(classes, Object.entries(options.input)));
      };
    },
  };
}

