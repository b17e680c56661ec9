import type { GraphModel } from '../compiler/model.ts';
import type { JsonValue } from '../engine/jsonSafe.ts';
import type { SavedContext } from '../engine/savedContext.ts';
import type { TraceKind, TraceRecord } from '../engine/trace.ts';
import { RECORD_SCHEMA } from './recordSchema.ts';

export const RUN_FILE_FORMAT = 'flowplay-run';
/**
 * 2: version 2 trace records, written compactly (see `serializeRunFile`). 1: version 1 records with
 * every field written out; still read, and converted on load.
 */
export const RUN_FILE_VERSION = 2;

/** A recorded run, saved to replay it later without running code. */
export interface RunFile {
  format: typeof RUN_FILE_FORMAT;
  version: typeof RUN_FILE_VERSION;
  /** The source the run was made from (shown in the editor; never run on load). */
  code: string;
  /** The StartEvent's fields. */
  input: { [key: string]: JsonValue };
  seed: number | null;
  /** The graph the run was drawn on; without it the loader recompiles `code` for the drawing. */
  graph?: GraphModel;
  /**
   * The run's context (`ctx.toDict()`) when it was saved before it ended, typically while it waited
   * for an answer: Resume goes on from it with the same code.
   */
  context?: SavedContext;
  trace: TraceRecord[];
}

/** Bounds for loading: a file beyond them is refused before it can stall the page. */
export interface RunFileLimits {
  /** Characters of JSON text. */
  maxBytes: number;
  maxRecords: number;
  maxCodeLength: number;
  maxGraphNodes: number;
  /** Nesting of payloads and values inside records. */
  maxDepth: number;
}

export const DEFAULT_RUN_FILE_LIMITS: RunFileLimits = {
  maxBytes: 64 * 1024 * 1024,
  maxRecords: 500_000,
  maxCodeLength: 1024 * 1024,
  maxGraphNodes: 5_000,
  maxDepth: 64,
};

/**
 * The file for a run. The trace must be the run's own records (one run, in seq order).
 *
 * @example
 * const text = serializeRunFile(createRunFile({ code, input: { message: 'hi' }, seed: 42, trace }));
 */
export function createRunFile(run: { code: string; input?: { [key: string]: JsonValue }; seed: number | null; graph?: GraphModel | null; context?: SavedContext | null; trace: readonly TraceRecord[] }): RunFile {
  const file: RunFile = { format: RUN_FILE_FORMAT, version: RUN_FILE_VERSION, code: run.code, input: run.input ?? {}, seed: run.seed, trace: [...run.trace] };
  if (run.graph) file.graph = run.graph;
  if (run.context) file.context = run.context;
  return file;
}

/**
 * JSON text with one trace record per line: small enough (no indentation inside records) and still
 * readable and diffable by line.
 *
 * Records leave out what the reader can put back, which is much of a large run's bytes: `v` and
 * `runId` when they are the file's (`"runId"` is written once, at the top), `seq` when it is one more
 * than the record before, `t` when it equals the record before's, and a field that is null where the
 * record's schema allows null. `parseRunFile` restores them, so a record read back is the record that
 * was saved.
 */
export function serializeRunFile(file: RunFile): string {
  let text = '';
  for (const part of runFileParts(file)) text += part;
  return text;
}

/**
 * `serializeRunFile`'s text in pieces, `slice` records to a piece: a page writes a big run between
 * frames (`slicedBlob` in src/ui) instead of in one long task. The pieces joined are the text.
 */
export function* runFileParts(file: RunFile, slice = 2_000): Generator<string, void, undefined> {
  const runId = file.trace.find((r) => r.kind === 'run.started')?.runId ?? file.trace[0]?.runId ?? '';
  const head: Omit<RunFile, 'trace'> & { runId: string } = { format: file.format, version: file.version, code: file.code, input: file.input, seed: file.seed, runId };
  if (file.graph) head.graph = file.graph;
  if (file.context) head.context = file.context;
  const lines = [`{`];
  for (const [key, value] of Object.entries(head)) lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  lines.push(`  "trace": [`);
  yield `${lines.join('\n')}\n`;
  const trace = file.trace;
  const step = Math.max(1, Math.floor(slice));
  let seq = Number.NaN;
  let t = Number.NaN;
  for (let from = 0; from < trace.length; from += step) {
    const to = Math.min(trace.length, from + step);
    const piece: string[] = [];
    for (let i = from; i < to; i++) {
      const r = trace[i]!;
      const { v, runId: id, seq: s, t: time, ...body } = r;
      const compact: Record<string, unknown> = {};
      if (v !== TRACE_VERSION_WRITTEN) compact.v = v;
      if (id !== runId) compact.runId = id;
      if (s !== seq + 1) compact.seq = s;
      if (time !== t) compact.t = time;
      seq = s;
      t = time;
      const nullable = NULLABLE[r.kind];
      const defaults = DEFAULTS[r.kind];
      for (const [key, value] of Object.entries(body)) {
        if (value === null && nullable?.has(key)) continue;
        if (defaults?.[key] !== undefined && JSON.stringify(value) === defaults[key]) continue;
        compact[key] = value;
      }
      piece.push(`    ${JSON.stringify(compact)}${i < trace.length - 1 ? ',' : ''}\n`);
    }
    yield piece.join('');
  }
  yield '  ]\n}\n';
}

/** Per record kind, the fields that may be null: a version 2 file leaves them out when they are. */
const NULLABLE = Object.fromEntries(
  Object.entries(RECORD_SCHEMA).map(([kind, schema]) => [kind, new Set(Object.entries(schema).filter(([, type]) => typeof type === 'string' && type.endsWith('|null')).map(([name]) => name))]),
) as unknown as Record<TraceKind, ReadonlySet<string>>;

/**
 * Values so common for a field that a version 2 file leaves the field out when it has them (compared
 * as JSON). Only additions here are safe: a file written with a default must keep reading the same.
 */
const DEFAULTS: Partial<Record<TraceKind, Readonly<Record<string, string>>>> = {
  'event.emitted': { to: '[]' },
  'step.started': { attempt: '1' },
  'step.finished': { status: '"done"', outputs: '[]' },
  'collect.progress': { buffer: '"default"', complete: 'false' },
};

/** The trace version a version 2 file's records have unless they say otherwise. */
export const TRACE_VERSION_WRITTEN: TraceRecord['v'] = 2;

/**
 * A version 2 file's records with what `serializeRunFile` left out put back, in place: the records are
 * the file's freshly parsed objects, and copying 200,000 of them cost more than parsing the file.
 * Values are untrusted: this only fills in missing fields, the validator checks all. Parsed JSON has
 * no undefined, so a field that reads undefined is one the file left out (none of the names is
 * Object.prototype's).
 */
export function expandRecords(trace: unknown[], runId: unknown): unknown[] {
  let seq: unknown = -1;
  let t: unknown = 0;
  for (let i = 0; i < trace.length; i++) {
    const value = trace[i];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    const r = value as Record<string, unknown>;
    if (r.v === undefined) r.v = TRACE_VERSION_WRITTEN;
    if (r.runId === undefined) r.runId = runId;
    if (r.seq === undefined) r.seq = typeof seq === 'number' ? seq + 1 : seq;
    if (r.t === undefined) r.t = t;
    const kind = r.kind;
    const fill = typeof kind === 'string' ? FILLS.get(kind) : undefined;
    if (fill) {
      for (let k = 0; k < fill.nullable.length; k++) if (r[fill.nullable[k]!] === undefined) r[fill.nullable[k]!] = null;
      for (let k = 0; k < fill.defaults.length; k++) {
        const [key, value] = fill.defaults[k]!;
        // A list is new for each record: records own their fields.
        if (r[key] === undefined) r[key] = value === EMPTY_LIST ? [] : value;
      }
    }
    seq = r.seq;
    t = r.t;
  }
  return trace;
}

const EMPTY_LIST: unique symbol = Symbol('[]');

/** Per record kind, what `expandRecords` puts back: nullable fields, and defaults with their values. */
const FILLS = new Map(
  Object.entries(NULLABLE).map(([kind, nullable]) => [
    kind,
    {
      nullable: [...nullable],
      defaults: Object.entries(DEFAULTS[kind as TraceKind] ?? {}).map(([key, json]) => [key, json === '[]' ? EMPTY_LIST : JSON.parse(json)] as const),
    },
  ]),
) as ReadonlyMap<string, { nullable: readonly string[]; defaults: readonly (readonly [string, unknown])[] }>;

function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}
