import { describe, expect, test } from 'vitest';
import { errorLocation, pythonLocation } from '../../../src/inspect/index.ts';

const TRACEBACK = [
  'Traceback (most recent call last):',
  '  File "workflow.py", line 30, in <module>',
  '    result = await w.run()',
  '  File "workflow.py", line 12, in step_two',
  '    raise ValueError("boom")',
  'ValueError: boom',
].join('\n');

describe('where a Python error was raised', () => {
  test('the innermost frame in the user\'s file, with its function', () => {
    expect(pythonLocation(TRACEBACK)).toEqual({ line: 12, column: 1, functionName: 'step_two', frame: 'File "workflow.py", line 12, in step_two' });
  });

  test('frames of other files do not count, and a traceback without the user\'s file has no location', () => {
    expect(pythonLocation(`${TRACEBACK}\n  File "/lib/python3.14/asyncio/tasks.py", line 300, in step`)?.line).toBe(12);
    expect(pythonLocation('Traceback (most recent call last):\n  File "other.py", line 3, in f\nKeyError: 1')).toBeNull();
    expect(pythonLocation('  File "workflow.py", line 99999999999999999999, in f')).toBeNull();
  });

  test('an error gets its Python traceback\'s location first (JavaScript frames are then the runtime\'s), else its stack\'s', () => {
    expect(errorLocation({ message: TRACEBACK })?.line).toBe(12);
    expect(errorLocation({ message: TRACEBACK, stack: 'Error: x\n    at e (eval at run (blob:null/1), <anonymous>:40:3)' })?.line).toBe(12);
    expect(errorLocation({ message: 'x', stack: 'Error: x\n    at F.boom (eval at runFile (runFile.ts:45:18), <anonymous>:14:11)' })?.line).toBe(12);
    expect(errorLocation(null)).toBeNull();
  });
});
