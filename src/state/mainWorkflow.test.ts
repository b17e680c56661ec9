import { describe, expect, it } from 'vitest';
import { mainWorkflow } from './mainWorkflow.ts';

const wf = (name: string, children: string[] = []) => ({ name, steps: [{ children }] as never });

describe('the workflow Run starts', () => {
  it('is the first that no other starts, so a child declared first is run by its parent', () => {
    expect(mainWorkflow([wf('Child'), wf('Parent', ['Child'])])).toBe('Parent');
    expect(mainWorkflow([wf('Leaf'), wf('Child', ['Leaf']), wf('Parent', ['Child'])])).toBe('Parent');
  });

  it('is the first workflow otherwise, and none without workflows', () => {
    expect(mainWorkflow([wf('A'), wf('B')])).toBe('A');
    expect(mainWorkflow([wf('Self', ['Self'])])).toBe('Self');
    expect(mainWorkflow([wf('A', ['B']), wf('B', ['A'])])).toBe('A');
    expect(mainWorkflow([])).toBeNull();
  });
});
