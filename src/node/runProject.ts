/**
 * How a downloaded project runs in Node: the page's own runner code (`UserRun`: console capture,
 * limits, starting the workflow when the code does not) with the engine, and the page's own fold of
 * the trace into console lines, so the output is what the page's console showed for the same seed and
 * clock, line for line.
 */
import type { TraceRecord } from '../engine/index.ts';
import { consoleLineText, formatResult } from '../state/consoleText.ts';
import { RunFold } from '../state/runFold.ts';
import { UserRun } from '../worker/userRun.ts';
import { TraceDecoder } from '../engine/traceDecoder.ts';

export interface ProjectSettings {
  input: Record<string, unknown>;
  seed: number;
  clock: 'virtual' | 'real';
  /** The workflow to run when the file defines several (the first when null). */
  workflow: string | null;
}

/** Checks a project's `flowplay.json`; says what is wrong instead of running with a guess. */
export function parseProjectSettings(value: unknown): { ok: true; settings: ProjectSettings } | { ok: false; problem: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'it is not a JSON object' };
  const v = value as Record<string, unknown>;
  const input = v.input ?? {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, problem: '"input" is not an object' };
  const seed = v.seed ?? 0;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) return { ok: false, problem: '"seed" is not a whole number' };
  const clock = v.clock ?? 'virtual';
  if (clock !== 'virtual' && clock !== 'real') return { ok: false, problem: '"clock" is neither "virtual" nor "real"' };
  const workflow = v.workflow ?? null;
  if (workflow !== null && typeof workflow !== 'string') return { ok: false, problem: '"workflow" is not a name' };
  return { ok: true, settings: { input: input as Record<string, unknown>, seed, clock, workflow } };
}

export interface ProjectOutcome {
  status: string;
  /** False when the code could not even start a run (the reason was written). */
  started: boolean;
}

/** Runs compiled workflow code and writes each console line as it comes, then the result. */
export async function runProject(js: string, settings: ProjectSettings, write: (line: string) => void): Promise<ProjectOutcome> {
  // No AsyncLocalStorage scope (unlike the CLI): the browser's runner has none, and with one a line
  // logged after an `await` would name its step where the page's console says `run`.
  const fold = new RunFold();
  const trace: TraceRecord[] = [];
  let shown = 0;
  const decoder = new TraceDecoder();
  const run = new UserRun((packet) => {
    for (const row of decoder.read(packet)) {
      // The rows come from this process's own engine: one that cannot be read is a bug, not an attack.
      if (!row.ok) throw new Error(`The trace could not be read: ${row.reason}`);
      trace.push(row.record);
    }
    fold.advance(trace, trace.length);
    for (; shown < fold.consoleCount; shown++) write(consoleLineText(fold.console[shown]!));
  });
  const problem = await run.execute({ js, workflow: settings.workflow, input: settings.input, seed: settings.seed, clock: settings.clock, speed: 1 });
  if (problem) {
    write(`${problem.name}: ${problem.message}`);
    return { status: 'failed', started: false };
  }
  const finished = fold.finished;
  if (finished?.status === 'stopped') write(`Result: ${formatResult(finished.result)}`);
  return { status: finished?.status ?? 'idle', started: true };
}
