/**
 * A stack as the trace keeps it: the error's own lines and the frames in the user's code, each
 * written one way whatever the host. The code runs as the body of a function made from text, so a
 * V8 frame in it reads `at F.step (eval at <who made it> (<host file>:1:449), <anonymous>:16:13)`;
 * who made it and the host's file differ between the page's runner and the command line, and the
 * engine's own frames differ with how it was bundled. Kept as they come, they made a failed run's
 * trace differ from its replay on the other host. The line and column in the user's code are what
 * the page and the CLI read (`userLocation`), and those are the same everywhere.
 */

// `at F.step (eval at X (file:1:2), <anonymous>:16:13)` or, for top-level code, `at eval (eval at X (…), <anonymous>:3:1)`.
const V8_USER_FRAME = /^\s*at (?:(.+?) \()?eval at .*<anonymous>:(\d+):(\d+)\)?\s*$/;
const FRAME = /^\s*at /;

/** The stack with only the user's frames, each as `    at F.step (eval at flowplay, <anonymous>:16:13)`. */
export function userStack(stack: string): string {
  const lines = stack.split('\n');
  const first = lines.findIndex((l) => FRAME.test(l));
  // A stack in another format (another engine) is kept: nothing in it can be told apart safely.
  if (first < 0) return stack;
  const kept = lines.slice(0, first);
  for (const line of lines.slice(first)) {
    const match = V8_USER_FRAME.exec(line);
    if (match) kept.push(`    at ${match[1] ? `${match[1]} (` : ''}eval at flowplay, <anonymous>:${match[2]}:${match[3]}${match[1] ? ')' : ''}`);
  }
  return kept.join('\n');
}
