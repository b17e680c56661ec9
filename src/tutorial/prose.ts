/**
 * Tutorial text written once for both languages. Most of a chapter reads the same in TypeScript and
 * Python; what differs is the code it names (`ctx.sendEvent` / `ctx.send_event`, `null` / `None`,
 * `@step({ numWorkers: 4 })` / `@step(num_workers=4)`) and now and then a sentence about a form only
 * one language has. A `Prose` keeps the shared words once and only those spans twice:
 *
 * @example
 * const text = prose`${code('ctx.sendEvent(ev)')} returns ${code('null', 'None')}.`;
 * proseIn(text, 'python'); // "`ctx.send_event(ev)` returns `None`."
 */
import type { TutorialLang } from './languages.ts';

/** A span written differently in each language. */
export interface LangPair {
  readonly typescript: string;
  readonly python: string;
}

/**
 * Text that reads the same in both languages (a string), shared words around per-language spans, or
 * (for a hint about a different construct) a pair of whole texts.
 */
export type Prose = string | LangPair | { readonly parts: readonly (string | LangPair)[] };

/** Shared text with `${...}` spans that are either shared strings or per-language pairs. */
export function prose(strings: TemplateStringsArray, ...spans: readonly (string | LangPair)[]): Prose {
  const parts: (string | LangPair)[] = [];
  strings.forEach((s, i) => {
    parts.push(s);
    if (i < spans.length) parts.push(spans[i]!);
  });
  return { parts };
}

/** Words, sentences or whole paragraphs that differ between the languages, as they are (no backticks added). */
export function alt(typescript: string, python: string): LangPair {
  return { typescript, python };
}

/**
 * Inline code in each language. Without a Python spelling, the TypeScript one is spelled as Python
 * writes names: every lowerCamelCase identifier in snake_case (`ctx.collectEvents(ev, ...)` becomes
 * `ctx.collect_events(ev, ...)`), class names unchanged. Anything else that differs is given.
 */
export function code(typescript: string, python: string = snakeNames(typescript)): LangPair {
  return { typescript: `\`${typescript}\``, python: `\`${python}\`` };
}

/** `someName.otherName(x)` with every lowerCamelCase identifier in snake_case. */
export function snakeNames(text: string): string {
  return text.replace(/\b[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+\b/g, (name) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase());
}

/** The text as `lang` reads it. */
export function proseIn(text: Prose, lang: TutorialLang): string {
  if (typeof text === 'string') return text;
  if (!('parts' in text)) return text[lang];
  return text.parts.map((p) => (typeof p === 'string' ? p : p[lang])).join('');
}
