/** The tutorial in the page's language: which variant of a source loads, and what a chapter lacks in Python. */
import { describe, expect, test } from 'vitest';
import { CHAPTERS, chapterById, chapterLang, chapterSourcePaths, chapterTextIn, exerciseHasPython, exerciseTextIn, hasPython, mapLoader, missingInPython, pythonPathOf, sourceIn, traceFacts } from '../../../src/tutorial/index.ts';
import type { Chapter } from '../../../src/tutorial/index.ts';
import { alt, code, prose } from '../../../src/tutorial/prose.ts';

const chapter: Chapter = {
  id: 'demo',
  title: 'Demo',
  text: '',
  example: 'tutorial/examples/demo/example.ts',
  exercises: [
    { id: 'one', title: 'One', task: '', hint: '', start: 'tutorial/examples/demo/example.ts', solution: 'tutorial/examples/demo/solved.ts', check: () => ({ passed: true, message: '' }) },
  ],
};

const both = mapLoader({
  './examples/demo/example.ts': 'ts example',
  './examples/demo/example.py': 'py example',
  './examples/demo/solved.ts': 'ts solved',
  './examples/demo/solved.py': 'py solved',
});
const tsOnlySolution = mapLoader({
  './examples/demo/example.ts': 'ts example',
  './examples/demo/example.py': 'py example',
  './examples/demo/solved.ts': 'ts solved',
});

describe('a tutorial source in the page\'s language', () => {
  test('the Python variant is the file of the same name ending in .py', () => {
    expect(pythonPathOf('examples/concurrency/parallel.ts')).toBe('examples/concurrency/parallel.py');
  });

  test('Python loads the .py variant; TypeScript always loads the .ts file', () => {
    expect(sourceIn(both, 'tutorial/examples/demo/solved.ts', 'python')).toEqual({ path: 'tutorial/examples/demo/solved.py', code: 'py solved', lang: 'python' });
    expect(sourceIn(both, 'tutorial/examples/demo/solved.ts', 'typescript')).toEqual({ path: 'tutorial/examples/demo/solved.ts', code: 'ts solved', lang: 'typescript' });
  });

  test('without a Python variant, Python gets the TypeScript source labelled as TypeScript', () => {
    expect(sourceIn(tsOnlySolution, 'tutorial/examples/demo/solved.ts', 'python')).toEqual({ path: 'tutorial/examples/demo/solved.ts', code: 'ts solved', lang: 'typescript' });
  });

  test('a missing source is still an error in either language', () => {
    expect(() => sourceIn(both, 'tutorial/examples/demo/gone.ts', 'python')).toThrow('No example source at src/tutorial/examples/demo/gone.ts');
  });

  test('a chapter has Python only when its example, every start and every solution has a variant', () => {
    expect(chapterSourcePaths(chapter)).toEqual(['tutorial/examples/demo/example.ts', 'tutorial/examples/demo/solved.ts']);
    expect(hasPython(both, chapter)).toBe(true);
    expect(hasPython(tsOnlySolution, chapter)).toBe(false);
    expect(missingInPython(tsOnlySolution, chapter)).toEqual(['tutorial/examples/demo/solved.ts']);
  });

  test('a chapter reads in Python when its example does; an exercise only when its start and solution do', () => {
    const tsOnly = mapLoader({ './examples/demo/example.ts': 'ts example', './examples/demo/solved.ts': 'ts solved' });
    expect(chapterLang(tsOnlySolution, chapter, 'python')).toBe('python');
    expect(chapterLang(tsOnlySolution, chapter, 'typescript')).toBe('typescript');
    expect(chapterLang(tsOnly, chapter, 'python')).toBe('typescript');
    expect(exerciseHasPython(both, chapter.exercises[0]!)).toBe(true);
    expect(exerciseHasPython(tsOnlySolution, chapter.exercises[0]!)).toBe(false);
  });

  test('text, task and hint are written once, with the code they name in each language', () => {
    const written: Chapter = { ...chapter, text: prose`Call ${code('ctx.sendEvent(ev)')} once.` };
    expect(chapterTextIn(written, 'python')).toBe('Call `ctx.send_event(ev)` once.');
    expect(chapterTextIn(written, 'typescript')).toBe('Call `ctx.sendEvent(ev)` once.');
    expect(chapterTextIn(chapter, 'python')).toBe('');
    const exercise = { ...chapter.exercises[0]!, task: 'task', hint: alt('hint', 'Python hint') };
    expect(exerciseTextIn(exercise, 'python')).toEqual({ task: 'task', hint: 'Python hint' });
    expect(exerciseTextIn(exercise, 'typescript')).toEqual({ task: 'task', hint: 'hint' });
  });

  test('the concurrency chapter reads in Python', async () => {
    const { readFileSync } = await import('node:fs');
    const load = (path: string) => readFileSync(new URL(`../../../src/${path}`, import.meta.url), 'utf8');
    expect(missingInPython(load, chapterById('concurrency')!)).toEqual([]);
    expect(CHAPTERS.length).toBeGreaterThan(0);
  });
});

describe('checks name steps once for both languages', () => {
  test('a step named in camelCase matches its snake_case spelling, and nothing else', () => {
    expect(traceFacts.isStep('step_two', 'stepTwo')).toBe(true);
    expect(traceFacts.isStep('stepTwo', 'stepTwo')).toBe(true);
    expect(traceFacts.isStep('step_three', 'stepTwo')).toBe(false);
    expect(traceFacts.isStep(null, 'stepTwo')).toBe(false);
  });
});
