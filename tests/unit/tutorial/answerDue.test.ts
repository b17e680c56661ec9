import { describe, expect, test } from 'vitest';
import { answerDue, questionsAsked } from '../../../src/tutorial/index.ts';
import type { TraceRecord } from '../../../src/engine/index.ts';

const base = { v: 2 as const, runId: 'r', t: 0 };
let seq = 0;
const ask = (event: number, prefix: string): TraceRecord[] => [
  { ...base, seq: seq++, kind: 'event.emitted', event, type: 'InputRequiredEvent', payload: { prefix }, via: 'return', invocation: 1, step: 'ask', target: null, parent: null, to: [] },
  { ...base, seq: seq++, kind: 'stream.published', event, type: 'InputRequiredEvent' },
];
const log: TraceRecord = { ...base, seq: 99, kind: 'log', level: 'log', text: 'hi', step: null, invocation: null };

describe('scripted answers', () => {
  test('the n-th question gets the n-th answer, only on the record that asks it', () => {
    const trace = [...ask(1, 'Name? ')];
    expect(answerDue(trace, ['Ada', 'yes'])).toBe('Ada');
    trace.push(log);
    expect(answerDue(trace, ['Ada', 'yes'])).toBeNull();
    trace.push(...ask(2, 'Sure? '));
    expect(answerDue(trace, ['Ada', 'yes'])).toBe('yes');
    expect(questionsAsked(trace)).toEqual(['Name? ', 'Sure? ']);
  });

  test('when the script runs out the run is left waiting, as for a person who has not answered', () => {
    const trace = [...ask(1, 'a'), ...ask(2, 'b')];
    expect(answerDue(trace, ['only one'])).toBeNull();
    expect(answerDue([], ['x'])).toBeNull();
  });
});
