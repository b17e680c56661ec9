/** Test helper: run a Python workflow file as `flowplay run file.py` does, keeping output and trace. */
import { runHosted } from '../../../src/cli/runFile.ts';
import type { RunInput, TraceRecord } from '../../../src/engine/index.ts';
import { loadNodePython } from '../../../src/node/loadNodePython.ts';
import type { PythonRuntime } from '../../../src/python/pythonRuntime.ts';

export interface PythonRun {
  lines: string[];
  trace: TraceRecord[];
  error?: unknown;
}

/**
 * `answers` are the host's answers to the run's questions, in order (a question past them is
 * cancelled, as the command line does when no answer comes); with `answers: null` the host answers
 * nothing, for code that answers its own questions. `runtime` is another prepared Python than the
 * process's own (default).
 */
export async function runPython(source: string, options: { seed?: number; input?: Record<string, unknown>; fileName?: string; answers?: readonly string[] | null; replay?: RunInput[]; runtime?: PythonRuntime } = {}): Promise<PythonRun> {
  const runtime = options.runtime ?? (await loadNodePython());
  const out: PythonRun = { lines: [], trace: [] };
  const input = options.input ?? {};
  const answers = options.answers === null ? null : (options.answers ?? []);
  let asked = 0;
  try {
    await runHosted(
      { input, seed: options.seed ?? 0, clock: 'virtual', ...(options.replay ? { replay: options.replay } : {}), write: (line) => out.lines.push(line), onTrace: (r) => out.trace.push(r), ...(answers ? { answer: async () => answers[asked++] ?? null } : {}) },
      () => runtime.runSource(source, options.fileName ?? 'workflow.py', { input, print: (line) => out.lines.push(line) }),
    );
  } catch (error) {
    out.error = error;
  }
  return out;
}
