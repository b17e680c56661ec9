/** Test helpers: run a workflow on the virtual clock and reduce its trace to small shapes. */
import type { RunOptions, TraceRecord, Workflow } from 'flowplay';

export interface Recorded<R = unknown> {
  records: TraceRecord[];
  result?: R;
  error?: unknown;
  logs: string[];
}

/** Runs to the end (resolved or rejected) with the virtual clock and a fixed seed. */
export async function record<R = unknown>(
  workflow: Workflow,
  input: Record<string, unknown> = {},
  options: RunOptions = {},
): Promise<Recorded<R>> {
  const records: TraceRecord[] = [];
  const logs: string[] = [];
  const out: Recorded<R> = { records, logs };
  try {
    out.result = await workflow.run<R>(input, {
      clock: 'virtual',
      seed: 1,
      log: (line) => logs.push(line),
      onTrace: (r) => records.push(r),
      ...options,
    });
  } catch (error) {
    out.error = error;
  }
  return out;
}

export function ofKind<K extends TraceRecord['kind']>(records: TraceRecord[], kind: K): Extract<TraceRecord, { kind: K }>[] {
  return records.filter((r): r is Extract<TraceRecord, { kind: K }> => r.kind === kind);
}

/** `step@t` for each started invocation of `step` (or all steps). */
export function starts(records: TraceRecord[], step?: string): string[] {
  return ofKind(records, 'step.started')
    .filter((r) => !step || r.step === step)
    .map((r) => `${r.step}@${r.t}`);
}

/** Emitted event types, in order, optionally only those produced `via`. */
export function emitted(records: TraceRecord[]): string[] {
  return ofKind(records, 'event.emitted').map((r) => r.type);
}

export function finished(records: TraceRecord[]) {
  const [end] = ofKind(records, 'run.finished');
  return end;
}

/** Log records as `step: text`. */
export function logLines(records: TraceRecord[]): string[] {
  return ofKind(records, 'log').map((r) => `${r.step ?? '-'}: ${r.text}`);
}

import { logToCurrentRun } from 'flowplay';

/** Sends `console.log` inside runs to the trace (as the CLI and the runner do) while `fn` runs. */
export async function capturingConsole<T>(fn: () => Promise<T>): Promise<T> {
  const original = console.log;
  console.log = (...args: unknown[]) => {
    const text = args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    if (!logToCurrentRun('log', text)) original(...args);
  };
  try {
    return await fn();
  } finally {
    console.log = original;
  }
}
