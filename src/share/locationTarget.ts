/**
 * What the page's address asks to open: a shared playground (`#v1.…`), a tutorial chapter
 * (`#chapter/<id>`) or a built-in example (`?example=<id>`). Pure: the page passes
 * `location.search` and `location.hash` in. Opening any of them never runs code by itself.
 */
import { decodeShare } from './shareLink.ts';
import type { DecodeShareResult } from './shareLink.ts';

export type LocationTarget =
  | { kind: 'share'; result: DecodeShareResult }
  /** `lang`: the chapter is read in Python (`?lang=python#chapter/<id>`). */
  | { kind: 'chapter'; id: string; lang?: 'python' }
  /** `lang` is the example's Python version (`?example=<id>&lang=python`). */
  | { kind: 'example'; id: string; lang?: 'python' }
  | { kind: 'none' };

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export function parseLocation(where: { search?: string; hash?: string }): LocationTarget {
  const hash = where.hash ?? '';
  // A share link wins over ?example=: it is the more specific request.
  if (/^#?v\d+\./.test(hash)) return { kind: 'share', result: decodeShare(hash) };
  const params = new URLSearchParams(where.search ?? '');
  const chapter = /^#?chapter\/(.+)$/.exec(hash);
  if (chapter) {
    const id = safeDecode(chapter[1]!);
    if (id !== null && ID.test(id)) return { kind: 'chapter', id, ...(params.get('lang') === 'python' ? { lang: 'python' as const } : {}) };
  }
  const example = params.get('example');
  if (example !== null && ID.test(example)) return { kind: 'example', id: example, ...(params.get('lang') === 'python' ? { lang: 'python' as const } : {}) };
  return { kind: 'none' };
}

export function chapterHash(id: string): string {
  return `#chapter/${encodeURIComponent(id)}`;
}

/** A chapter's link from the page at `path`, read in `lang`: `?lang=python` carries Python. */
export function chapterLink(path: string, id: string, lang: 'typescript' | 'python'): string {
  return `${path}${lang === 'python' ? '?lang=python' : ''}${chapterHash(id)}`;
}

export function exampleSearch(id: string, lang: 'typescript' | 'python' = 'typescript'): string {
  return `?example=${encodeURIComponent(id)}${lang === 'python' ? '&lang=python' : ''}`;
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
