/// <reference lib="webworker" />
/** Names that exist on a page but not in the runner, which workflow code still reaches for. */
export const PAGE_ONLY_GLOBALS = ['window', 'document', 'parent', 'top', 'opener', 'frames', 'localStorage', 'sessionStorage'] as const;

/**
 * Makes page-only globals fail with a message that says why, instead of "x is not defined". Only a
 * message: the isolation itself comes from the sandboxed frame (an opaque origin has no storage and
 * no way to the page), which these names could not get round even if code removed them.
 */
export function explainPageGlobals(scope: object = self): void {
  for (const name of PAGE_ONLY_GLOBALS) {
    if (name in scope) continue;
    Object.defineProperty(scope, name, {
      configurable: false,
      get() {
        throw new ReferenceError(
          `${name} is not available in workflow code: it runs in a sandboxed worker, apart from the page, its storage and its cookies.`,
        );
      },
    });
  }
}
