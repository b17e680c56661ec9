import { expect, test } from 'vitest';
import { traceFacts } from '../../../src/tutorial/index.ts';

const traceback = (last: string) => `Traceback (most recent call last):\n  File "workflow.py", line 17, in fetch_page\n    raise X\n${last}`;

test('an exception raised in Python is named by its class and message, not by the traceback around it', () => {
  expect(traceFacts.thrown({ name: 'PythonError', message: traceback('ConnectionError: Service unavailable (attempt 1)') })).toEqual({ name: 'ConnectionError', message: 'Service unavailable (attempt 1)' });
  expect(traceFacts.thrown({ name: 'PythonError', message: traceback('__main__.UnknownCity: Atlantis') })).toEqual({ name: 'UnknownCity', message: 'Atlantis' });
  expect(traceFacts.thrown({ name: 'PythonError', message: traceback('KeyboardInterrupt') })).toEqual({ name: 'KeyboardInterrupt', message: '' });
});

test('other errors keep their name and message', () => {
  expect(traceFacts.thrown({ name: 'Error', message: 'Service unavailable (attempt 1)' })).toEqual({ name: 'Error', message: 'Service unavailable (attempt 1)' });
  expect(traceFacts.thrown({ name: 'PythonError', message: 'a line that names no exception: here' })).toEqual({ name: 'PythonError', message: 'a line that names no exception: here' });
});
