import { describe, expect, test } from 'vitest';
import type { TraceRecord } from '../engine/trace.ts';
import { pendingQuestion } from './pendingQuestion.ts';

const base = { v: 2 as const, runId: 'r', seq: 0, t: 0 };
const ask = (event: number, prefix: string): TraceRecord[] => [
  { ...base, kind: 'event.emitted', event, type: 'InputRequiredEvent', payload: { prefix }, via: 'return', invocation: 1, step: 'ask', target: null, parent: null, to: [] } as TraceRecord,
  { ...base, kind: 'stream.published', event, type: 'InputRequiredEvent' } as TraceRecord,
];
const reply = (event: number): TraceRecord =>
  ({ ...base, kind: 'event.emitted', event, type: 'HumanResponseEvent', payload: { response: 'x' }, via: 'external', invocation: null, step: null, target: null, parent: null, to: [] }) as TraceRecord;

describe('the question a run waits on', () => {
  test('none before anything is asked', () => {
    expect(pendingQuestion([])).toBeNull();
  });

  test('the first unanswered question, by its prefix', () => {
    expect(pendingQuestion(ask(1, 'Name?'))).toEqual({ index: 0, prefix: 'Name?' });
    expect(pendingQuestion([...ask(1, 'Name?'), reply(2)])).toBeNull();
    expect(pendingQuestion([...ask(1, 'Name?'), reply(2), ...ask(3, 'Sure?')])).toEqual({ index: 1, prefix: 'Sure?' });
  });

  test('a run resumed with the answer its saved run waited for: that answer is to no question of this trace, and the next question waits', () => {
    expect(pendingQuestion([reply(1)])).toBeNull();
    expect(pendingQuestion([reply(1), ...ask(2, 'Name, then?')])).toEqual({ index: 0, prefix: 'Name, then?' });
    expect(pendingQuestion([reply(1), ...ask(2, 'Name, then?'), reply(3)])).toBeNull();
  });

  test('a finished run asks nothing', () => {
    expect(pendingQuestion([...ask(1, 'Name?'), { ...base, kind: 'run.finished', status: 'cancelled' } as TraceRecord])).toBeNull();
  });

  test('a trace appended in place gives the same answers as reading it whole', () => {
    const whole = [...ask(1, 'Name?'), reply(2), ...ask(3, 'Sure?'), reply(4)];
    const live: TraceRecord[] = [];
    for (const record of whole) {
      live.push(record);
      expect(pendingQuestion(live)).toEqual(pendingQuestion([...live]));
    }
  });
});
