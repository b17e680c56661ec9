import type { ErrorInfo } from '../engine/trace.ts';

/** Names that exist on a page but not in the runner, which workflow code still reaches for. */
export const PAGE_ONLY_GLOBALS = ['window', 'document', 'parent', 'top', 'opener', 'frames', 'localStorage', 'sessionStorage'] as const;

const NOT_DEFINED = new RegExp(`^(${PAGE_ONLY_GLOBALS.join('|')}) is not defined$`);

/**
 * Adds why to "localStorage is not defined" and its kind: workflow code runs in a sandboxed worker,
 * apart from the page. Only the message the user reads changes; the globals stay undefined, so
 * `typeof window === 'undefined'` keeps working in code that checks where it runs.
 */
export function explainMissingGlobal<E extends Pick<ErrorInfo, 'name' | 'message'>>(error: E): E {
  const match = error.name === 'ReferenceError' ? NOT_DEFINED.exec(error.message) : null;
  if (!match) return error;
  return {
    ...error,
    message: `${match[1]} is not available in workflow code: it runs in a sandboxed worker, apart from the page, its storage and its cookies.`,
  };
}
