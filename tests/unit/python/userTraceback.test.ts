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

describe('install advice', () => {
  it('is left out: nothing can be installed in the playground', () => {
    const text = "Traceback (most recent call last):\n  File \"workflow.py\", line 1, in <module>\n    import requests\nModuleNotFoundError: No module named 'requests' here: the playground provides x.\nThe module 'requests' is included in the Pyodide distribution, but it is not installed.\nYou can install it by calling:\n  await micropip.install(\"requests\") in Python, or\n  await pyodide.loadPackage(\"requests\") in JavaScript\nSee https://pyodide.org/en/stable/usage/loading-packages.html for more details.";
    expect(userTraceback(text, () => false)).toBe("Traceback (most recent call last):\n  File \"workflow.py\", line 1, in <module>\n    import requests\nModuleNotFoundError: No module named 'requests' here: the playground provides x.");
  });
});
