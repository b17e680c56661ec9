/**
 * What the page shows first, decided from the address and the saved draft. Pure, so every path
 * (share link, broken link, chapter, example, nothing) is a unit test rather than a browser test.
 * Rules: a link never runs anything; opening a link, a chapter or an example never drops the saved
 * draft (the caller passes `open` through `DraftController.open`, which keeps it in the history); a
 * broken link keeps the current work and says what is wrong.
 */
import type { Draft, LocationTarget } from '../share/index.ts';
import type { Opening } from './draftController.ts';
import type { SourceLang } from './workspaceStore.ts';

export interface OpeningCatalogue {
  /** An example, in Python when asked and it has a Python version. */
  example(id: string, lang?: SourceLang): { title: string; source: string; chapter?: string; lang?: SourceLang } | undefined;
  /** A chapter and its example, in Python when asked and the chapter has a Python version. */
  chapter(id: string, lang?: SourceLang): { title: string; example: string; lang?: SourceLang } | undefined;
  /** What a first visit shows. */
  fallback: { title: string; source: string };
}

export interface Notice {
  tone: 'info' | 'error';
  message: string;
  /**
   * Opening moves the saved draft into the history: the page says so (and offers it back) once the
   * write has worked, which only the caller knows.
   */
  setsAside?: boolean;
}

export interface OpeningPlan {
  /** The editor's first text. */
  source: string;
  /** Its language. */
  lang: SourceLang;
  /** Replace the saved draft with this (keeping it in the history), or leave storage alone. */
  open: Opening | null;
  /** The tutorial chapter to show, if any. */
  chapter: string | null;
  notice: Notice | null;
  /** Remove the link from the address, so a reload restores the draft instead of the link again. */
  clearLocation: boolean;
}

export function planOpening(target: LocationTarget, draft: Draft | null, catalogue: OpeningCatalogue): OpeningPlan {
  const keep: OpeningPlan = {
    source: draft?.code ?? catalogue.fallback.source,
    lang: draft?.code !== undefined && draft.lang === 'python' ? 'python' : 'typescript',
    open: null,
    chapter: draft?.chapter ?? null,
    notice: null,
    clearLocation: false,
  };
  const kept = draft ? ' Your draft is still here.' : '';
  switch (target.kind) {
    case 'none':
      // A plain visit is about the user's own work; the tutorial opens when asked for.
      return { ...keep, chapter: null };
    case 'share': {
      const { result } = target;
      if (!result.ok) {
        return { ...keep, chapter: null, notice: { tone: 'error', message: `${result.message}${kept}` }, clearLocation: true };
      }
      const { code, input, seed, chapter, lang } = result.state;
      const known = chapter !== undefined && catalogue.chapter(chapter) !== undefined ? chapter : undefined;
      const open: Opening = { code, origin: 'link', title: 'Shared link', ...(input ? { input } : {}), ...(seed !== undefined ? { seed } : {}), ...(known ? { chapter: known } : {}), ...(lang === 'python' ? { lang } : {}) };
      return {
        source: code,
        lang: lang === 'python' ? 'python' : 'typescript',
        open,
        chapter: known ?? null,
        notice: { tone: 'info', message: `Opened a shared workflow. Nothing runs until you press Run.${lengthWarning(code)}`, setsAside: draft !== null },
        clearLocation: true,
      };
    }
    case 'chapter': {
      const chapter = catalogue.chapter(target.id, target.lang);
      if (!chapter) return { ...keep, chapter: null, notice: { tone: 'error', message: `There is no tutorial chapter "${target.id}".${kept}` }, clearLocation: true };
      // Coming back to a chapter you were working on keeps your work on it.
      if (draft?.chapter === target.id) return { ...keep, chapter: target.id };
      const python = chapter.lang === 'python';
      return {
        source: chapter.example,
        lang: python ? 'python' : 'typescript',
        open: { code: chapter.example, origin: 'chapter', title: chapter.title, chapter: target.id, ...(python ? { lang: 'python' as const } : {}) },
        chapter: target.id,
        notice: draft ? { tone: 'info', message: 'Loaded the chapter\'s example.', setsAside: true } : null,
        clearLocation: false,
      };
    }
    case 'example': {
      const example = catalogue.example(target.id, target.lang);
      if (!example) return { ...keep, chapter: null, notice: { tone: 'error', message: `There is no example "${target.id}".${kept}` }, clearLocation: true };
      const python = example.lang === 'python';
      return {
        source: example.source,
        lang: python ? 'python' : 'typescript',
        open: { code: example.source, origin: 'example', title: example.title, ...(python ? { lang: 'python' as const } : {}) },
        chapter: null,
        notice: draft && draft.code !== example.source ? { tone: 'info', message: `Opened the example "${example.title}".`, setsAside: true } : null,
        clearLocation: true,
      };
    }
  }
}

/** Lines of code a screen shows at most; a link's code past this is mostly out of sight. */
const SCREEN_LINES = 150;
/** Characters on one line the editor shows without making it very tall; longer lines hide code in bulk. */
const LONG_LINE = 1_000;
/** Blank lines in a row that push the code below them out of sight. */
const BLANK_RUN = 40;

/**
 * A sentence about code from a link that is far longer than what is on screen (many lines, a very
 * long line, or a long stretch of blank lines with more code after it), or '' when it all shows.
 */
export function lengthWarning(code: string): string {
  const lines = code.split('\n');
  let blankFrom = -1;
  let hidden: [number, number] | null = null;
  let longest = 0;
  lines.forEach((line, i) => {
    longest = Math.max(longest, line.length);
    if (line.trim() === '') {
      if (blankFrom < 0) blankFrom = i;
      return;
    }
    if (blankFrom >= 0 && i - blankFrom >= BLANK_RUN && hidden === null) hidden = [blankFrom + 1, i];
    blankFrom = -1;
  });
  const count = lines.length.toLocaleString('en-US');
  const size = `${Math.max(1, Math.round(code.length / 1024)).toLocaleString('en-US')} KB`;
  if (hidden !== null) {
    const [from, to] = hidden as [number, number];
    return ` Careful: lines ${from.toLocaleString('en-US')}-${to.toLocaleString('en-US')} are blank and there is more code after them (${count} lines, ${size} in all); read it all before you run it.`;
  }
  if (longest > LONG_LINE) return ` Careful: a line of this code is ${longest.toLocaleString('en-US')} characters long (${size} in all); read it all before you run it.`;
  if (lines.length > SCREEN_LINES) return ` Its code is ${count} lines long (${size}), far more than fits on screen; read it all before you run it.`;
  return '';
}
