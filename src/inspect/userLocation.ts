/** Where in the user's source a stack frame points. Lines and columns are 1-based. */
export interface UserLocation {
  line: number;
  column: number;
  /** The function named by the frame (e.g. `F.boom`), when the engine printed one. */
  functionName: string | null;
  /** The stack line it came from, trimmed. */
  frame: string;
}

/**
 * The runner evaluates the compiled code as the body of `new AsyncFunction('flowplay', …, js)`. Engines
 * print that function's source as `async function anonymous(<params>\n) {\n<body>`, so the body's
 * first line is the function's third: user line = frame line - 2. The compiler keeps every user line
 * and column where it was, so no source map is needed.
 */
export const WRAPPER_LINE_OFFSET = 2;

// V8 (Chromium, Node): `at F.boom (eval at execute (…/userRun.ts:57:18), <anonymous>:14:11)`.
const V8_FRAME = /^\s*at (?:(.+?) \()?eval at .*<anonymous>:(\d+):(\d+)\)?\s*$/;
// SpiderMonkey (Firefox): `boom@http://…/userRun.ts line 57 > AsyncFunction:14:11`.
const GECKO_FRAME = /^(.*?)@.* > (?:Async)?Function:(\d+):(\d+)\s*$/;

/**
 * The first frame of `stack` that lies in the user's code, as a line and column of their source, or
 * null when no frame does (an error raised inside the engine, a browser whose stacks do not name
 * evaluated code, or no stack at all).
 *
 * @example
 * userLocation('Error: kaput\n    at F.boom (eval at runFile (runFile.ts:45:18), <anonymous>:14:11)')
 * // { line: 12, column: 11, functionName: 'F.boom', frame: 'at F.boom (…)' }
 */
export function userLocation(stack: string | undefined | null, offset = WRAPPER_LINE_OFFSET): UserLocation | null {
  if (!stack) return null;
  for (const raw of stack.split('\n')) {
    const match = V8_FRAME.exec(raw) ?? GECKO_FRAME.exec(raw);
    if (!match) continue;
    const line = Number(match[2]) - offset;
    const column = Number(match[3]);
    // Frames above the body are the wrapper's own; they have no user line.
    if (!Number.isInteger(line) || line < 1 || !Number.isInteger(column) || column < 1) continue;
    const name = match[1]?.trim() ?? '';
    return { line, column, functionName: name === '' ? null : name, frame: raw.trim() };
  }
  return null;
}

/** The name a Python run gives the editor's code: its tracebacks say `File "workflow.py", line N`. */
export const PYTHON_FILE_NAME = 'workflow.py';

const PYTHON_FRAME = /^ {2}File "([^"]*)", line (\d+)(?:, in (.+))?$/gm;

/**
 * The innermost frame of a Python traceback that lies in the user's file, or null. Python prints the
 * innermost frame last, so the last match wins.
 *
 * @example
 * pythonLocation('Traceback (most recent call last):\n  File "workflow.py", line 9, in step_two\n    boom()\nValueError: x')
 * // { line: 9, column: 1, functionName: 'step_two', frame: 'File "workflow.py", line 9, in step_two' }
 */
export function pythonLocation(traceback: string | undefined | null, fileName = PYTHON_FILE_NAME): UserLocation | null {
  if (!traceback) return null;
  let found: UserLocation | null = null;
  for (const match of traceback.matchAll(PYTHON_FRAME)) {
    const line = Number(match[2]);
    if (match[1] !== fileName || !Number.isSafeInteger(line) || line < 1) continue;
    found = { line, column: 1, functionName: match[3] ?? null, frame: match[0].trim() };
  }
  return found;
}

/**
 * Where an error of the user's code was raised: a Python traceback's frame (its message is the
 * traceback; any JavaScript frames are the runtime's), else a JavaScript stack's.
 */
export function errorLocation(error: { stack?: string | undefined; message?: string } | null | undefined): UserLocation | null {
  return pythonLocation(error?.message) ?? userLocation(error?.stack);
}
