/**
 * Test helper: compile a tutorial or example file and run it the way the playground does (virtual
 * clock, fixed seed), answering each question the run asks from a script, as a person would in the
 * page.
 */
import { readFileSync } from 'node:fs';
import { forkInputs } from '../../../src/engine/index.ts';
import type { TraceRecord } from '../../../src/engine/index.ts';
import type { CheckResult, Exercise } from '../../../src/tutorial/index.ts';
import { recheckFork } from '../../../src/tutorial/recheck.ts';
import type { CompileResult } from '../../../src/compiler/index.ts';
import { runSource, type SourceRunOptions } from '../runSource.ts';
import { exerciseByKey } from '../../../src/tutorial/index.ts';

export interface DrivenRun {
  compiled: CompileResult;
  lines: string[];
  trace: TraceRecord[];
  error?: unknown;
}

export interface DriveOptions extends SourceRunOptions {
  /** Fork the run as a person would with "Fork from here": the first event of this type gets these fields. */
  fork?: Exercise['fork'];
}

/** Reads a file below `src/`, as the tutorial's source loader does in Node. */
export function readSrc(path: string): string {
  return readFileSync(new URL(`../../../src/${path}`, import.meta.url), 'utf8');
}

/** Refuses code with errors; keeps the trace of the first run the code starts, as the playground does. */
export async function driveSource(source: string, options: DriveOptions = {}): Promise<DrivenRun> {
  const { fork, ...settings } = options;
  const run = await driveOnce(source, settings);
  if (!fork) return run;
  const at = run.trace.find((r) => r.kind === 'event.emitted' && r.type === fork.type);
  if (at?.kind !== 'event.emitted') throw new Error(`the run has no ${fork.type} to fork at`);
  return driveOnce(source, { ...settings, replay: forkInputs(run.trace, { change: 'fields', event: at.event, fields: fork.fields }) });
}

async function driveOnce(source: string, options: SourceRunOptions): Promise<DrivenRun> {
  const run = await runSource(source, options);
  const errors = run.compiled.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`does not compile: ${errors.map((d) => `${d.range.line}:${d.range.column} ${d.message}`).join('; ')}`);
  }
  const first = run.trace[0]?.runId;
  return { ...run, trace: run.trace.filter((r) => r.runId === first) };
}

/**
 * The file below `src/` at `path` with each `[from, to]` replaced once: a learner's edit of an
 * exercise file. Throws when a `from` is missing, so an edit cannot silently stop applying.
 */
export function editedSource(path: string, ...edits: [string, string][]): string {
  let source = readSrc(path);
  for (const [from, to] of edits) {
    if (!source.includes(from)) throw new Error(`src/${path} does not contain ${JSON.stringify(from)}`);
    source = source.replace(from, to);
  }
  return source;
}

/**
 * Runs `source` as the exercise runs (its input, answers and fork) and checks it; a run that passes
 * an exercise with a second run (`recheck`) is forked as the page forks it, and that run's verdict
 * is the answer.
 */
export async function checkedRun(exercise: Exercise, source: string, seed = 0): Promise<{ run: DrivenRun; result: CheckResult }> {
  const settings = { seed, input: exercise.input, answers: exercise.answers };
  const run = await driveSource(source, { ...settings, fork: exercise.fork });
  const result = exercise.check(run.trace, run.compiled.graph);
  const fork = recheckFork(exercise, run.trace, result);
  if (fork === null) return { run, result };
  const again = await driveOnce(source, { ...settings, replay: forkInputs(run.trace, fork) });
  return { run: again, result: exercise.check(again.trace, again.compiled.graph) };
}

/** Runs `source` as the exercise `key` runs (its input, answers and second run) and returns the check's verdict. */
export async function exerciseVerdict(key: string, source: string, seed = 0): Promise<CheckResult> {
  const found = exerciseByKey(key);
  if (!found) throw new Error(`no exercise ${key}`);
  return (await checkedRun(found.exercise, source, seed)).result;
}
