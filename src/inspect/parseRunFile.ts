import type { TraceKind, TraceRecord } from '../engine/trace.ts';
import { checkGraph } from './checkGraph.ts';
import { ShapeError, checkFields, checkJson, isPlainObject } from './checkShape.ts';
import { ENVELOPE, RECORD_SCHEMA } from './recordSchema.ts';
import type { FieldType } from './recordSchema.ts';
import { DEFAULT_RUN_FILE_LIMITS, RUN_FILE_FORMAT, RUN_FILE_VERSION } from './runFile.ts';
import type { RunFile, RunFileLimits } from './runFile.ts';

export type ParseRunFileResult = { ok: true; file: RunFile } | { ok: false; error: string };

const TOP = new Set(['format', 'version', 'code', 'input', 'seed', 'graph', 'trace']);

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
  if (data.version !== RUN_FILE_VERSION) {
    return fail(`This run file has version ${JSON.stringify(data.version)}; this Flowplay reads version ${RUN_FILE_VERSION}.`);
  }
  try {
    for (const key of Object.keys(data)) if (!TOP.has(key)) throw new ShapeError(`the file has an unknown field "${key}"`);
    if (typeof data.code !== 'string') throw new ShapeError('"code" must be a string');
    if (data.code.length > limits.maxCodeLength) throw new ShapeError(`"code" is longer than ${limits.maxCodeLength} characters`);
    if (!isPlainObject(data.input)) throw new ShapeError('"input" must be an object');
    checkJson(data.input, 'input', limits.maxDepth);
    if (data.seed !== null && !Number.isSafeInteger(data.seed)) throw new ShapeError('"seed" must be an integer or null');
    if (data.graph !== undefined) checkGraph(data.graph, 'graph', limits.maxGraphNodes, limits.maxDepth);
    if (!Array.isArray(data.trace)) throw new ShapeError('"trace" must be a list of records');
    if (data.trace.length > limits.maxRecords) throw new ShapeError(`the trace has ${data.trace.length} records; the limit is ${limits.maxRecords}`);
    checkTrace(data.trace, limits.maxDepth);
  } catch (error) {
    if (error instanceof ShapeError) return fail(`This run file is damaged: ${error.message}.`);
    throw error;
  }
  return { ok: true, file: data as unknown as RunFile };
}

function fail(error: string): ParseRunFileResult {
  return { ok: false, error };
}

/** Shape of each record, then the links between records. */
function checkTrace(trace: unknown[], maxDepth: number): void {
  let runId: string | null = null;
  let lastSeq = -1;
  let steps: Set<string> | null = null;
  const events = new Set<number>();
  const invocations = new Set<number>();
  trace.forEach((value, i) => {
    const where = `trace[${i}]`;
    if (!isPlainObject(value)) throw new ShapeError(`${where} must be an object`);
    const kind = value.kind;
    if (typeof kind !== 'string' || !Object.prototype.hasOwnProperty.call(RECORD_SCHEMA, kind)) {
      throw new ShapeError(`${where} has an unknown kind ${JSON.stringify(kind)}`);
    }
    const at = `${where} (${kind})`;
    const schema: Readonly<Record<string, FieldType>> = RECORD_SCHEMA[kind as TraceKind];
    checkFields(value, { ...ENVELOPE, ...schema }, at, maxDepth);
    const r = value as unknown as TraceRecord;
    if (r.v !== 1) throw new ShapeError(`${at} has trace version ${r.v}; expected 1`);
    runId ??= r.runId;
    if (r.runId !== runId) throw new ShapeError(`${at} belongs to run "${r.runId}", not "${runId}": a file holds one run`);
    if (r.seq <= lastSeq) throw new ShapeError(`${at} has seq ${r.seq} after seq ${lastSeq}: seq must increase`);
    lastSeq = r.seq;
    if ((i === 0) !== (r.kind === 'run.started')) throw new ShapeError(i === 0 ? `${at} must be "run.started"` : `${at}: a run starts only once`);
    if (r.kind === 'run.started') steps = new Set(r.steps.map((s) => s.name));
    checkLinks(r, at, steps!, events, invocations);
  });
}

function checkLinks(r: TraceRecord, at: string, steps: Set<string>, events: Set<number>, invocations: Set<number>): void {
  const step = (name: string | null | undefined, field = 'step'): void => {
    if (name !== null && name !== undefined && !steps.has(name)) throw new ShapeError(`${at}.${field} names "${name}", which is not a step of this run`);
  };
  const event = (id: number | null | undefined, field = 'event'): void => {
    if (id !== null && id !== undefined && !events.has(id)) throw new ShapeError(`${at}.${field} refers to event ${id}, which was not emitted before it`);
  };
  const invocation = (id: number): void => {
    if (!invocations.has(id)) throw new ShapeError(`${at}.invocation refers to invocation ${id}, which no event was delivered to`);
  };
  switch (r.kind) {
    case 'event.emitted':
      if (events.has(r.event)) throw new ShapeError(`${at}.event: event ${r.event} is emitted twice`);
      step(r.step);
      step(r.target, 'target');
      event(r.parent, 'parent');
      events.add(r.event);
      break;
    case 'event.delivered':
      step(r.step);
      event(r.event);
      invocations.add(r.invocation);
      break;
    case 'step.queued':
      step(r.step);
      event(r.event);
      invocations.add(r.invocation);
      break;
    case 'step.started':
      step(r.step);
      invocation(r.invocation);
      r.events.forEach((id) => event(id, 'events'));
      break;
    case 'step.finished':
    case 'step.failed':
      step(r.step);
      invocation(r.invocation);
      break;
    case 'event.dropped':
      step(r.step);
      event(r.event);
      break;
    case 'event.unhandled':
    case 'stream.published':
      event(r.event);
      break;
    case 'collect.progress':
      step(r.step);
      event(r.event);
      break;
    case 'collect.leftover':
      step(r.step);
      r.events.forEach((id) => event(id, 'events'));
      break;
    case 'wait.started':
    case 'wait.finished':
      step(r.step);
      event(r.event);
      break;
    case 'state.changed':
    case 'run.paused':
    case 'log':
      step(r.step);
      break;
    case 'run.finished':
      event(r.event);
      break;
    default:
      break;
  }
}
