import { checkGraph } from './checkGraph.ts';
import { ShapeError, checkJson, isPlainObject } from './checkShape.ts';
import { DEFAULT_RUN_FILE_LIMITS, RUN_FILE_FORMAT, RUN_FILE_VERSION, expandRecords } from './runFile.ts';
import type { RunFile, RunFileLimits } from './runFile.ts';
import { TraceValidator } from './traceValidator.ts';
import { checkSavedContext } from './savedRunContext.ts';
import type { SavedContext } from '../engine/savedContext.ts';
import { traceFromV1 } from './traceV1.ts';
import { ValueBudget } from './valueBudget.ts';

/**
 * A file whose saved context is damaged still opens as a recorded run: the run is whole, it cannot be
 * resumed, and `contextProblem` says why.
 */
export type ParseRunFileResult = { ok: true; file: RunFile; contextProblem?: string } | { ok: false; error: string };

const TOP = new Set(['format', 'version', 'code', 'input', 'seed', 'graph', 'trace']);
/** A version 2 file names its run once, at the top, instead of in every record, and may carry a context. */
const TOP_V2 = new Set([...TOP, 'runId', 'context']);

/**
 * Reads a saved run. Everything is checked before anything is returned: the envelope, every record's
 * kind and fields (no unknown kinds or fields), one run id, seq strictly increasing, and that records
 * refer only to steps the run declared and to events emitted before them. The UI replays what this
 * returns without further checks, so a malformed record never gets through; the error says which
 * record is wrong and why.
 *
 * @example
 * const read = parseRunFile(text);
 * if (!read.ok) showError(read.error); else replay(read.file);
 */
export function parseRunFile(text: string, limits: RunFileLimits = DEFAULT_RUN_FILE_LIMITS): ParseRunFileResult {
  if (typeof text !== 'string') return fail('The file is not text.');
  if (text.length > limits.maxBytes) return fail(`The file is too large (${text.length} characters; the limit is ${limits.maxBytes}).`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`The file is not valid JSON: ${(error as Error).message}`);
  }
  if (!isPlainObject(data) || data.format !== RUN_FILE_FORMAT) return fail(`This is not a Flowplay run file (expected "format": "${RUN_FILE_FORMAT}").`);
  if (data.version !== RUN_FILE_VERSION && data.version !== 1) {
    return fail(`This run file has version ${JSON.stringify(data.version)}; this Flowplay reads versions 1 to ${RUN_FILE_VERSION}.`);
  }
  const v1 = data.version === 1;
  try {
    for (const key of Object.keys(data)) if (!(v1 ? TOP : TOP_V2).has(key)) throw new ShapeError(`the file has an unknown field "${key}"`);
    if (!v1 && typeof data.runId !== 'string') throw new ShapeError('"runId" must be a string');
    if (typeof data.code !== 'string') throw new ShapeError('"code" must be a string');
    if (data.code.length > limits.maxCodeLength) throw new ShapeError(`"code" is longer than ${limits.maxCodeLength} characters`);
    if (!isPlainObject(data.input)) throw new ShapeError('"input" must be an object');
    checkJson(data.input, 'input', limits.maxDepth);
    if (data.seed !== null && !Number.isSafeInteger(data.seed)) throw new ShapeError('"seed" must be an integer or null');
    if (data.graph !== undefined) checkGraph(data.graph, 'graph', limits.maxGraphNodes, limits.maxDepth);
    if (!Array.isArray(data.trace)) throw new ShapeError('"trace" must be a list of records');
    if (data.trace.length > limits.maxRecords) throw new ShapeError(`the trace has ${data.trace.length} records; the limit is ${limits.maxRecords}`);
    // Either way the records become whole version 2 records before they are checked.
    data.trace = v1 ? traceFromV1(data.trace) : expandRecords(data.trace, data.runId);
    checkTrace(data.trace as unknown[], limits.maxDepth);
  } catch (error) {
    if (error instanceof ShapeError) return fail(`This run file is damaged: ${error.message}.`);
    throw error;
  }
  const { runId: _runId, context, ...file } = data;
  let contextProblem: string | undefined;
  let resumable: SavedContext | undefined;
  if (context !== undefined) {
    try {
      resumable = checkSavedContext(context, limits.maxDepth);
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      contextProblem = `Its saved context cannot be resumed: ${error.message}.`;
    }
  }
  // The same value budget as a live run: a file can hold far more than the page should keep.
  const budget = new ValueBudget();
  const trace = (file as unknown as RunFile).trace.map((r) => budget.apply(r));
  const read = { ...file, version: RUN_FILE_VERSION, trace, ...(resumable ? { context: resumable } : {}) } as unknown as RunFile;
  return contextProblem ? { ok: true, file: read, contextProblem } : { ok: true, file: read };
}

function fail(error: string): ParseRunFileResult {
  return { ok: false, error };
}

/** Every record in order, with the checks a live trace gets too (see TraceValidator). */
function checkTrace(trace: unknown[], maxDepth: number): void {
  const validator = new TraceValidator({ maxDepth });
  for (let i = 0; i < trace.length; i++) validator.check(trace[i], i);
}
