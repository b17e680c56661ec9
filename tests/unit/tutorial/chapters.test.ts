/**
 * The tutorial cannot rot: every chapter example and every exercise's code is type-checked by the
 * compiler and run on the virtual clock; every solution passes its check, and every starting point
 * fails it with a message that says what the run did (unless the exercise is about exploring).
 */
import { describe, expect, test } from 'vitest';
import { CHAPTERS, chapterById, chapterTextIn, exerciseByKey, exerciseKey, exerciseTextIn, nextChapter, traceFacts, tutorialSourcePaths, viteSourceLoader } from '../../../src/tutorial/index.ts';
import type { TraceRecord } from '../../../src/engine/index.ts';
import { checkedRun, driveSource, readSrc } from './driveSource.ts';

const SEEDS = [0, 1, 2, 3];

const status = (trace: readonly TraceRecord[]) => traceFacts.runFinished(trace)?.status ?? null;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('chapters as data', () => {
  test('ids are unique and usable in #chapter/<id> links', () => {
    const ids = CHAPTERS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
    expect(ids).toEqual(expect.arrayContaining([
      'first-workflow', 'branches-and-loops', 'state', 'streaming', 'concurrency', 'collect-one-type',
      'collect-different-types', 'map-reduce', 'fan-out-fan-in', 'human-in-the-loop', 'when-things-go-wrong',
    ]));
  });

  test.each(CHAPTERS.map((c) => [c.id, c] as const))('%s: the text fits a side panel (120 to 300 words) and has at least one exercise', (_id, chapter) => {
    for (const lang of ['typescript', 'python'] as const) {
      expect(words(chapterTextIn(chapter, lang)), lang).toBeGreaterThanOrEqual(120);
      expect(words(chapterTextIn(chapter, lang)), lang).toBeLessThanOrEqual(300);
    }
    expect(chapter.exercises.length).toBeGreaterThan(0);
    const exerciseIds = chapter.exercises.map((e) => e.id);
    expect(new Set(exerciseIds).size).toBe(exerciseIds.length);
    for (const exercise of chapter.exercises) {
      expect(exerciseByKey(exerciseKey(chapter, exercise))?.exercise).toBe(exercise);
      expect(exerciseTextIn(exercise, 'typescript').hint.length).toBeGreaterThan(10);
      expect(exerciseTextIn(exercise, 'python').hint.length).toBeGreaterThan(10);
    }
  });

  test('lookups: by id, the next chapter, unknown ids', () => {
    expect(chapterById('state')?.title).toMatch(/ctx\.set/);
    expect(nextChapter('first-workflow')?.id).toBe('branches-and-loops');
    expect(nextChapter(CHAPTERS.at(-1)!.id)).toBeUndefined();
    expect(chapterById('nope')).toBeUndefined();
    expect(exerciseByKey('state/nope')).toBeUndefined();
  });

  test('the concurrency chapters use the four ported examples of the concurrency chapter', () => {
    const used = CHAPTERS.map((c) => c.example);
    for (const file of ['parallel', 'collect', 'collect-different-types', 'map-reduce']) expect(used).toContain(`examples/concurrency/${file}.ts`);
  });

  test('the page\'s loader (Vite ?raw) has every file the tutorial names, with the same text as on disk', () => {
    const load = viteSourceLoader();
    for (const path of tutorialSourcePaths()) expect(load(path)).toBe(readSrc(path));
    expect(() => load('tutorial/examples/missing.ts')).toThrow('No example source at src/tutorial/examples/missing.ts');
  });
});

describe.each(CHAPTERS.map((c) => [c.id, c] as const))('chapter %s', (_id, chapter) => {
  test('its example compiles without errors and runs to the end it is about', async () => {
    const expected = chapter.exampleRun?.expectedStatus ?? 'stopped';
    for (const seed of SEEDS) {
      const run = await driveSource(readSrc(chapter.example), { seed, ...chapter.exampleRun });
      expect(status(run.trace), `seed ${seed}`).toBe(expected);
    }
  });

  for (const exercise of chapter.exercises) {
    test(`${exercise.id}: the solution compiles, runs and passes for every seed`, async () => {
      for (const seed of SEEDS) {
        const { result } = await checkedRun(exercise, readSrc(exercise.solution), seed);
        expect(result, `seed ${seed}`).toMatchObject({ passed: true });
        expect(result.message.length).toBeGreaterThan(10);
      }
    });

    test(`${exercise.id}: the starting code ${exercise.exploring ? 'passes (exploring)' : 'fails with a message about what the run did'}`, async () => {
      for (const seed of SEEDS) {
        const run = await driveSource(readSrc(exercise.start), { seed, input: exercise.input, answers: exercise.answers });
        const result = exercise.check(run.trace, run.compiled.graph);
        expect(result.passed, `seed ${seed}: ${result.message}`).toBe(exercise.exploring === true);
        expect(result.message).not.toMatch(/undefined|NaN|\[object/);
      }
    });
  }
});
