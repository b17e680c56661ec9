import { describe, expect, it } from 'vitest';
import { explainMissingGlobal } from './pageGlobals.ts';

describe('explainMissingGlobal', () => {
  it('says why a page global is missing', () => {
    expect(explainMissingGlobal({ name: 'ReferenceError', message: 'localStorage is not defined', step: 's' })).toEqual({
      name: 'ReferenceError',
      message: 'localStorage is not available in workflow code: it runs in a sandboxed worker, apart from the page, its storage and its cookies.',
      step: 's',
    });
  });

  it('leaves other errors as they are', () => {
    const error = { name: 'ReferenceError', message: 'fooBar is not defined' };
    expect(explainMissingGlobal(error)).toBe(error);
    const typeError = { name: 'TypeError', message: 'document is not defined' };
    expect(explainMissingGlobal(typeError)).toBe(typeError);
  });
});
