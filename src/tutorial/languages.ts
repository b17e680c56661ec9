/**
 * The tutorial in the page's language. A chapter's sources are TypeScript paths; the Python variant
 * of a source is the file of the same name ending in `.py` next to it, read through the same
 * `SourceLoader`. Checks need no variant: they read the trace, whose vocabulary both languages share.
 */
import type { Chapter, Exercise, SourceLoader } from './model.ts';
import { proseIn } from './prose.ts';

export type TutorialLang = 'typescript' | 'python';

/** A source as the tutorial hands it to the editor: its text and the language it is written in. */
export interface TutorialSource {
  path: string;
  code: string;
  lang: TutorialLang;
}

/** Where the Python variant of a TypeScript source path would be. */
export function pythonPathOf(path: string): string {
  return path.replace(/\.ts$/, '.py');
}

function tryLoad(load: SourceLoader, path: string): string | null {
  try {
    return load(path);
  } catch {
    return null;
  }
}

/**
 * The source at `path` in `lang` when it has that variant, else the TypeScript one (labelled as
 * TypeScript, so the editor switches language rather than run TypeScript as Python).
 */
export function sourceIn(load: SourceLoader, path: string, lang: TutorialLang): TutorialSource {
  if (lang === 'python') {
    const python = tryLoad(load, pythonPathOf(path));
    if (python !== null) return { path: pythonPathOf(path), code: python, lang: 'python' };
  }
  return { path, code: load(path), lang: 'typescript' };
}

/** Every source a chapter loads: its example and each exercise's start and solution. */
export function chapterSourcePaths(chapter: Chapter): string[] {
  return [...new Set([chapter.example, ...chapter.exercises.flatMap((e) => [e.start, e.solution])])];
}

/** The chapter's sources that have no Python variant; empty when the whole chapter reads in Python. */
export function missingInPython(load: SourceLoader, chapter: Chapter): string[] {
  return chapterSourcePaths(chapter).filter((path) => tryLoad(load, pythonPathOf(path)) === null);
}

/** Whether the chapter has a Python variant of everything it loads. */
export function hasPython(load: SourceLoader, chapter: Chapter): boolean {
  return missingInPython(load, chapter).length === 0;
}

/** Whether an exercise's starting code and solution both have a Python variant. */
export function exerciseHasPython(load: SourceLoader, exercise: Exercise): boolean {
  return [exercise.start, exercise.solution].every((path) => tryLoad(load, pythonPathOf(path)) !== null);
}

/** The chapter's text as `lang` reads it. */
export function chapterTextIn(chapter: Chapter, lang: TutorialLang): string {
  return proseIn(chapter.text, lang);
}

/** An exercise's task and hint as `lang` reads them. */
export function exerciseTextIn(exercise: Exercise, lang: TutorialLang): { task: string; hint: string } {
  return { task: proseIn(exercise.task, lang), hint: proseIn(exercise.hint, lang) };
}

/**
 * The language a chapter reads in when the page is in `lang`: Python when its example has a Python
 * variant (exercises without one still open in TypeScript), else TypeScript.
 */
export function chapterLang(load: SourceLoader, chapter: Chapter, lang: TutorialLang): TutorialLang {
  return lang === 'python' && tryLoad(load, pythonPathOf(chapter.example)) !== null ? 'python' : 'typescript';
}
