import type { LogRecord, TraceRecord } from './trace.ts';

/**
 * A line printed by the host's code outside any run (top-level code after `await w.run()`), as the
 * record that follows `last` in its run's trace: the playground's runner and the command line append
 * it the same way, so a replay of a page run on the command line writes the same records.
 */
export function hostLogRecord(last: TraceRecord | null, runId: string | null, level: LogRecord['level'], text: string): LogRecord {
  return { v: 2, kind: 'log', runId: runId ?? 'host', seq: last ? last.seq + 1 : 0, t: last?.t ?? 0, level, text, step: null, invocation: null };
}
