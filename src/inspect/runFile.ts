import type { GraphModel } from '../compiler/model.ts';
import type { JsonValue } from '../engine/jsonSafe.ts';
import type { TraceRecord } from '../engine/trace.ts';

export const RUN_FILE_FORMAT = 'flowplay-run';
export const RUN_FILE_VERSION = 1;

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
export function createRunFile(run: { code: string; input?: { [key: string]: JsonValue }; seed: number | null; graph?: GraphModel | null; trace: readonly TraceRecord[] }): RunFile {
  const file: RunFile = { format: RUN_FILE_FORMAT, version: RUN_FILE_VERSION, code: run.code, input: run.input ?? {}, seed: run.seed, trace: [...run.trace] };
  if (run.graph) file.graph = run.graph;
  return file;
}

/**
 * JSON text with one trace record per line: small enough (no indentation inside records) and still
 * readable and diffable by line.
 */
export function serializeRunFile(file: RunFile): string {
  const head: Omit<RunFile, 'trace'> = { format: file.format, version: file.version, code: file.code, input: file.input, seed: file.seed };
  if (file.graph) head.graph = file.graph;
  const lines = [`{`];
  for (const [key, value] of Object.entries(head)) lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  lines.push(`  "trace": [`);
  file.trace.forEach((r, i) => lines.push(`    ${JSON.stringify(r)}${i < file.trace.length - 1 ? ',' : ''}`));
  lines.push('  ]', '}');
  return `${lines.join('\n')}\n`;
}
