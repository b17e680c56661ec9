/**
 * The Python run of chapters, as the tests in pythonChapters*.test.ts declare it: each chapter's Python
 * example runs to the end it is about, each Python solution passes the chapter's own check (the same
 * trace check the TypeScript solution passes) and each Python starting point fails it, unless the
 * exercise is about exploring. One Pyodide runs every file of a test file; the chapters are shared
 * between two test files because one Node process running every chapter's Python in a row has hit a
 * V8 fatal error (a deoptimizer "unreachable code"), while each half runs clean. What a check says
 * about a Python run names steps and calls as the Python code does (`step_two`), never as TypeScript.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analysePython } from '../../../src/compiler/python/index.ts';
import { CHAPTERS, chapterLang, exerciseHasPython, pythonPathOf, traceFacts } from '../../../src/tutorial/index.ts';
import type { Chapter, CheckResult, Exercise } from '../../../src/tutorial/index.ts';
import { forkInputs } from '../../../src/engine/index.ts';
import type { TraceRecord } from '../../../src/engine/index.ts';
import { runPython } from '../python/runPython.ts';

const SEEDS = [0, 1, 2];

export function load(path: string): string {
  return readFileSync(new URL(`../../../src/${path}`, import.meta.url), 'utf8');
}

/**
 * Runs the Python variant of `path` as the exercise runs and returns the check's verdict with the
 * run. A solution of an exercise answered with a fork is forked as a person would with "Fork from
 * here": the run is replayed with the first event of the fork's type given the fork's fields. The
 * starting code runs as it is (as in TypeScript): a run nobody forked does not answer such an exercise.
 */
async function verdict(path: string, exercise: Exercise, seed: number, fork = false) {
  const source = load(pythonPathOf(path));
  const settings = { seed, input: exercise.input, answers: exercise.answers };
  let run = await runPython(source, settings);
  if (fork && exercise.fork) {
    const { type, fields } = exercise.fork;
    const at = run.trace.find((r) => r.kind === 'event.emitted' && r.type === type);
    if (at?.kind !== 'event.emitted') throw new Error(`the run has no ${type} to fork at`);
    run = await runPython(source, { ...settings, replay: forkInputs(run.trace, { change: 'fields', event: at.event, fields }) });
  }
  const first = run.trace[0]?.runId;
  run = { ...run, trace: run.trace.filter((r) => r.runId === first) };
  return { run, result: exercise.check(run.trace, analysePython(source).graph, 'python') };
}

/** The TypeScript spelling of every snake_case step the run has, and of the calls the checks name. */
function typeScriptSpellings(trace: readonly TraceRecord[]): string[] {
  const steps = new Set(traceFacts.ofKind(trace, 'step.started').map((r) => r.step).filter((s) => s.includes('_')));
  const camel = [...steps].map((s) => s.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase()));
  return [...camel, 'collectEvents', 'sendEvent', 'numWorkers', 'retryPolicy', 'catchError', 'waitForEvent', 'Context<'];
}

function expectPythonSpelling(trace: readonly TraceRecord[], result: CheckResult): void {
  const said = [result.message, ...(result.details ?? [])].join('\n');
  for (const spelling of typeScriptSpellings(trace)) expect(said, `names ${spelling}`).not.toContain(spelling);
}

/** The chapters that read in Python: a chapter does when its example does. */
export const IN_PYTHON: readonly Chapter[] = CHAPTERS.filter((chapter) => chapterLang(load, chapter, 'python') === 'python');

/** Declares the Python runs of `chapters`. */
export function describePythonChapters(chapters: readonly Chapter[]): void {
describe.each(chapters.map((c) => [c.id, c] as const))('chapter %s in Python', { timeout: 240_000 }, (_id, chapter) => {
  test('its example runs to the end it is about', async () => {
    const expected = chapter.exampleRun?.expectedStatus ?? 'stopped';
    for (const seed of SEEDS) {
      const run = await runPython(load(pythonPathOf(chapter.example)), { seed, input: chapter.exampleRun?.input, answers: chapter.exampleRun?.answers });
      expect(traceFacts.runFinished(run.trace)?.status, `seed ${seed}: ${String(run.error ?? '')} ${run.lines.join(' | ')}`).toBe(expected);
    }
  });

  for (const exercise of chapter.exercises.filter((e) => exerciseHasPython(load, e))) {
    test(`${exercise.id}: the Python solution passes the chapter's check for every seed`, async () => {
      for (const seed of SEEDS) {
        const { run, result } = await verdict(exercise.solution, exercise, seed, true);
        expect(result, `seed ${seed}: ${String(run.error ?? '')} ${run.lines.join(' | ')}`).toMatchObject({ passed: true });
        expectPythonSpelling(run.trace, result);
      }
    });

    test(`${exercise.id}: the Python starting code ${exercise.exploring ? 'passes (exploring)' : 'fails the check'}`, async () => {
      for (const seed of SEEDS) {
        const { run, result } = await verdict(exercise.start, exercise, seed);
        expect(result.passed, `seed ${seed}: ${result.message}`).toBe(exercise.exploring === true);
        expect(result.message).not.toMatch(/undefined|NaN|\[object/);
        expectPythonSpelling(run.trace, result);
      }
    });
  }
});
}
