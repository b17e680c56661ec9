/** What a share link restores, and how a decoded value is checked to be one. */

export interface ShareState {
  code: string;
  /** The run's input (a JSON object). */
  input?: Record<string, unknown>;
  seed?: number;
  /** The tutorial chapter open when the link was made. */
  chapter?: string;
  /** The language of `code`; absent means TypeScript. */
  lang?: 'typescript' | 'python';
}

/** Checks a parsed JSON value; returns the state (known fields only) or what is wrong with it. */
export function toShareState(value: unknown): { ok: true; state: ShareState } | { ok: false; problem: string } {
  if (!isObject(value)) return { ok: false, problem: 'it is not an object' };
  if (typeof value.code !== 'string') return { ok: false, problem: '"code" is missing or not text' };
  const state: ShareState = { code: value.code };
  if (value.input !== undefined) {
    if (!isObject(value.input)) return { ok: false, problem: '"input" is not an object' };
    state.input = value.input;
  }
  if (value.seed !== undefined) {
    if (typeof value.seed !== 'number' || !Number.isFinite(value.seed)) return { ok: false, problem: '"seed" is not a number' };
    state.seed = value.seed;
  }
  if (value.chapter !== undefined) {
    if (typeof value.chapter !== 'string') return { ok: false, problem: '"chapter" is not text' };
    state.chapter = value.chapter;
  }
  if (value.lang !== undefined) {
    if (value.lang !== 'typescript' && value.lang !== 'python') return { ok: false, problem: '"lang" is neither "typescript" nor "python"' };
    if (value.lang === 'python') state.lang = 'python';
  }
  return { ok: true, state };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
