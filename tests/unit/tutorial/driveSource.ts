/**
 * Test helper: compile a tutorial or example file and run it the way the playground does (virtual
 * clock, fixed seed), answering each question the run asks from a script, as a person would in the
 * page.
 */
import { readFileSync } from 'node:fs';
import type { TraceRecord } from '../../../src/engine/index.ts';
import type { CompileResult } from '../../../src/compiler/index.ts';
import { runSource, type SourceRunOptions } from '../runSource.ts';

export interface DrivenRun {
  compiled: CompileResult;
  lines: string[];
  trace: TraceRecord[];
  error?: unknown;
}

export type DriveOptions = SourceRunOptions;

/** Reads a file below `src/`, as the tutorial's source loader does in Node. */
export function readSrc(path: string): string {
  return readFileSync(new URL(`../../../src/${path}`, import.meta.url), 'utf8');
}

/** Refuses code with errors; keeps the trace of the first run the code starts, as the playground does. */
export async function driveSource(source: string, options: DriveOptions = {}): Promise<DrivenRun> {
  const run = await runSource(source, options);
  const errors = run.compiled.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`does not compile: ${errors.map((d) => `${d.range.line}:${d.range.column} ${d.message}`).join('; ')}`);
  }
  const first = run.trace[0]?.runId;
  return { ...run, trace: run.trace.filter((r) => r.runId === first) };
}
