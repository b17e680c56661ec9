import { describe, expect, it } from 'vitest';
import { userLine, userTraceback } from '../../../src/python/userTraceback.ts';

const CHAINED = `Traceback (most recent call last):
  File "/home/pyodide/flowplay_runtime.py", line 608, in run_source
    await result
  File "boom.py", line 9, in <module>
pyodide.ffi.JsException: PythonError: Traceback (most recent call last):
  File "/home/pyodide/flowplay_runtime.py", line 450, in _invoke
    result = await result
             ^^^^^^^^^^^^
  File "boom.py", line 7, in explode
    raise ValueError("no luck")
  File "/lib/python314.zip/asyncio/tasks.py", line 10, in helper
    x()
ValueError: no luck
`;

describe('tracebacks point at the user', () => {
  it("keeps the innermost traceback and only the user's frames", () => {
    expect(userTraceback(CHAINED, (f) => f.startsWith('/'))).toBe(
      'Traceback (most recent call last):\n  File "boom.py", line 7, in explode\n    raise ValueError("no luck")\nValueError: no luck',
    );
  });

  it("finds the innermost line of the user's file", () => {
    expect(userLine(CHAINED, 'boom.py')).toBe(7);
    expect(userLine(CHAINED, 'other.py')).toBeNull();
  });
});
