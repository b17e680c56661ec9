import type { TraceRecord } from '../engine/trace.ts';
import { ShapeError } from './checkShape.ts';
import { parseRunFile } from './parseRunFile.ts';
import { DEFAULT_RUN_FILE_LIMITS } from './runFile.ts';
import { TraceValidator } from './traceValidator.ts';

export type RecordedRun = { ok: true; trace: TraceRecord[]; code: string | null } | { ok: false; error: string };

/**
 * A recorded run to replay: a run file saved from the page (`flowplay-run`), or the list of records
 * the command line writes with `--trace`. Checked as a loaded file is: nothing unchecked is replayed.
 */
export function readRecordedRun(text: string): RecordedRun {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `The file is not valid JSON: ${(error as Error).message}` };
  }
  if (!Array.isArray(data)) {
    const read = parseRunFile(text);
    return read.ok ? { ok: true, trace: read.file.trace, code: read.file.code } : read;
  }
  if (data.length > DEFAULT_RUN_FILE_LIMITS.maxRecords) return { ok: false, error: `The trace has ${data.length} records; the limit is ${DEFAULT_RUN_FILE_LIMITS.maxRecords}.` };
  const validator = new TraceValidator({ maxDepth: DEFAULT_RUN_FILE_LIMITS.maxDepth, hostLogsBeforeStart: true });
  try {
    // A trace of several runs replays its first; the records of the others are not checked.
    const runId = (data.find((r) => (r as { kind?: unknown } | null)?.kind === 'run.started') as { runId?: unknown } | undefined)?.runId;
    const trace = data.filter((r) => (r as { runId?: unknown } | null)?.runId === runId || (r as { runId?: unknown } | null)?.runId === 'host');
    return { ok: true, trace: trace.map((r, i) => validator.check(r, `record ${i + 1}`)), code: null };
  } catch (error) {
    if (error instanceof ShapeError) return { ok: false, error: `This trace is damaged: ${error.message}.` };
    throw error;
  }
}
