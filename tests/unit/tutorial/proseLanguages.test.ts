/**
 * The tutorial's text in each language names that language's code. A Python reader is never told to
 * call `ctx.sendEvent` or return `null`; a TypeScript reader never sees `send_event` or `None`. Only
 * code is judged (inline code and fenced blocks): the words around it are shared.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CHAPTERS, chapterLang, chapterTextIn, exerciseHasPython, exerciseTextIn } from '../../../src/tutorial/index.ts';
import { alt, code, prose, proseIn, snakeNames } from '../../../src/tutorial/prose.ts';
import { parseChapterText } from '../../../src/ui/tutorial/chapterText.ts';

function load(path: string): string {
  return readFileSync(new URL(`../../../src/${path}`, import.meta.url), 'utf8');
}

/** Every piece of code the text shows: inline spans and fenced blocks. */
function codeIn(text: string): string[] {
  return parseChapterText(text).flatMap((block) => {
    if (block.kind === 'code') return [block.text];
    const inlines = block.kind === 'paragraph' ? block.inlines : block.items.flat();
    return inlines.filter((i) => i.kind === 'code').map((i) => i.text);
  });
}

/** Code with its string literals blanked: context keys such as "num_events" are the same in both languages. */
const withoutStrings = (snippet: string) => snippet.replace(/"[^"]*"|'[^']*'/g, '""');

const TYPESCRIPT_ONLY: [RegExp, string][] = [
  [/\b[a-z][a-z0-9]*[A-Z]\w*/, 'a camelCase name'],
  [/\b(null|undefined|true|false|const|let|new|instanceof|extends)\b/, 'a TypeScript word'],
  [/=>|Promise<|Event<|\w<\w|@step\(\{|for await|\w\[\]/, 'TypeScript syntax'],
];
const PYTHON_ONLY: [RegExp, string][] = [
  [/\b[a-z][a-z0-9]*_[a-z0-9_]+\b/, 'a snake_case name'],
  [/\b(None|True|False|def|self|isinstance|async for)\b/, 'a Python word'],
  [/\(\w+=|, \w+=|-> /, 'Python syntax (keyword arguments, return annotations)'],
];

function offences(text: string, rules: [RegExp, string][]): string[] {
  return codeIn(text).flatMap((snippet) => rules.filter(([re]) => re.test(withoutStrings(snippet))).map(([re, what]) => `${what} in \`${snippet}\` (${String(re)})`));
}

const inPython = CHAPTERS.filter((chapter) => chapterLang(load, chapter, 'python') === 'python');

describe('prose written once for both languages', () => {
  test('shared words once, per-language code spans, spelled for Python by default', () => {
    const text = prose`Call ${code('ctx.sendEvent(ev)')} and return ${code('null', 'None')}${alt('', ' from the method')}.`;
    expect(proseIn(text, 'typescript')).toBe('Call `ctx.sendEvent(ev)` and return `null`.');
    expect(proseIn(text, 'python')).toBe('Call `ctx.send_event(ev)` and return `None` from the method.');
    expect(proseIn('Same in both.', 'python')).toBe('Same in both.');
  });

  test('Python spelling turns lowerCamelCase names to snake_case and leaves class names alone', () => {
    expect(snakeNames('ctx.collectEvents(ev, [StepThreeEvent])')).toBe('ctx.collect_events(ev, [StepThreeEvent])');
    expect(snakeNames('stepTwo step2Done numWorkers total')).toBe('step_two step2_done num_workers total');
  });

  test('the rules see TypeScript in Python text and Python in TypeScript text', () => {
    for (const snippet of ['`ctx.sendEvent(ev)`', '`null`', '`@step({ numWorkers: 2 })`', '`Promise<Done[]>`']) expect(offences(snippet, TYPESCRIPT_ONLY), snippet).not.toEqual([]);
    for (const snippet of ['`ctx.send_event(ev)`', '`None`', '`@step(num_workers=2)`', '`-> Done`']) expect(offences(snippet, PYTHON_ONLY), snippet).not.toEqual([]);
    expect(offences('Set `ctx.set("num_events", n)`.', PYTHON_ONLY)).toEqual([]);
  });
});

describe.each(inPython.map((c) => [c.id, c] as const))('chapter %s', (_id, chapter) => {
  test('its Python text shows Python code only', () => {
    expect(offences(chapterTextIn(chapter, 'python'), TYPESCRIPT_ONLY)).toEqual([]);
  });

  test('its TypeScript text shows TypeScript code only', () => {
    expect(offences(chapterTextIn(chapter, 'typescript'), PYTHON_ONLY)).toEqual([]);
  });

  test('each exercise with Python code asks and hints in Python; in TypeScript, in TypeScript', () => {
    for (const exercise of chapter.exercises) {
      const python = exerciseTextIn(exercise, 'python');
      const typescript = exerciseTextIn(exercise, 'typescript');
      if (exerciseHasPython(load, exercise)) expect(offences(`${python.task}\n\n${python.hint}`, TYPESCRIPT_ONLY), exercise.id).toEqual([]);
      expect(offences(`${typescript.task}\n\n${typescript.hint}`, PYTHON_ONLY), exercise.id).toEqual([]);
    }
  });
});
