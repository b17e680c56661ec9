/**
 * A Python traceback as the user should read it: the innermost traceback only (an error inside a step
 * also travels through the engine and back, which Pyodide prints as a chain), without the frames of
 * Flowplay's runtime or the standard library, so the frames left point at the user's own lines.
 */
const HEADER = 'Traceback (most recent call last):';

/**
 * Pyodide adds install advice (micropip, loadPackage) to a missing module that its distribution
 * has; nothing can be installed here, and the runtime's own message says what the playground provides.
 */
const INSTALL_ADVICE = /\nThe module '[^'\n]*' is included in the Pyodide distribution[\s\S]*?for more details\./g;

export function userTraceback(text: string, hiddenFiles: (file: string) => boolean): string {
  const start = text.lastIndexOf(HEADER);
  if (start < 0) return text.replace(INSTALL_ADVICE, '');
  text = text.replace(INSTALL_ADVICE, '');
  const out: string[] = [];
  let hiding = false;
  for (const line of text.slice(start).split('\n')) {
    const frame = /^ {2}File "([^"]*)", line \d+/.exec(line);
    if (frame) hiding = hiddenFiles(frame[1]!);
    else if (!line.startsWith('    ')) hiding = false;
    if (!hiding) out.push(line);
  }
  return out.join('\n').trimEnd();
}

/** The line of the user's file an error's traceback ends at (its innermost frame there), or null. */
export function userLine(traceback: string, fileName: string): number | null {
  let line: number | null = null;
  for (const match of traceback.matchAll(/^ {2}File "([^"]*)", line (\d+)/gm)) {
    if (match[1] === fileName) line = Number(match[2]);
  }
  return line;
}

/** Where the runtime module lives in Pyodide's file system. */
export const RUNTIME_FILE = '/home/pyodide/flowplay_runtime.py';

/** Python's own frames and Flowplay's runtime are not the user's code: their frames are left out. */
const hiddenFile = (file: string) => file === RUNTIME_FILE || file.startsWith('/lib/python') || file.startsWith('<frozen');

/** Errors from Python (PythonError) come out with the traceback the user should read. */
export async function readable<T>(pending: PromiseLike<T>): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof Error && error.message.includes(HEADER)) {
      const tidy = new Error(userTraceback(error.message, hiddenFile));
      tidy.name = 'PythonError';
      // Python's stack is its traceback; the JavaScript frames under it are the runtime's, not the user's.
      tidy.stack = `${tidy.name}: ${tidy.message}`;
      throw tidy;
    }
    throw error;
  }
}
