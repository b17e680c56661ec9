/**
 * The tutorial in Python cannot rot either: every chapter has its Python version, and the first half
 * of the chapters run in Python here (pythonChapterRuns.ts says what is checked, and why the second
 * half runs in pythonChaptersLater.test.ts).
 */
import { expect, test } from 'vitest';
import { CHAPTERS, exerciseHasPython, missingInPython } from '../../../src/tutorial/index.ts';
import { IN_PYTHON, describePythonChapters, load } from './pythonChapterRuns.ts';

test('the chapters in Python include the concurrency chapter and its neighbours', () => {
  expect(IN_PYTHON.map((c) => c.id)).toEqual(expect.arrayContaining(['concurrency']));
});

test('every chapter, and every exercise of it, has its Python version', () => {
  expect(CHAPTERS.flatMap((chapter) => missingInPython(load, chapter))).toEqual([]);
});

test('a chapter that reads in Python has at least one exercise in Python', () => {
  for (const chapter of IN_PYTHON) expect(chapter.exercises.some((e) => exerciseHasPython(load, e)), chapter.id).toBe(true);
});

describePythonChapters(IN_PYTHON.slice(0, Math.ceil(IN_PYTHON.length / 2)));
