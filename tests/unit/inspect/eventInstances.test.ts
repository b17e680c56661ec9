import { describe, expect, test } from 'vitest';
import { TraceIndex, eventsOfType } from '../../../src/inspect/index.ts';
import { recordExample } from './fixtures.ts';

describe('the events an event node stands for', () => {
  test('every event of the type, in emission order, with its producer and time', async () => {
    const { trace } = await recordExample('collect.ts');
    const index = TraceIndex.of(trace);
    const all = eventsOfType(index, 'StepThreeEvent');
    expect(all.map((e) => [e.producer?.step, e.t])).toEqual([
      ['stepTwo', 1000],
      ['stepTwo', 3000],
      ['stepTwo', 4000],
    ]);
    expect(eventsOfType(index, 'StartEvent').map((e) => e.producer)).toEqual([null]);
  });

  test('up to the cursor only', async () => {
    const { trace } = await recordExample('collect.ts');
    const index = TraceIndex.of(trace);
    const second = eventsOfType(index, 'StepThreeEvent')[1]!;
    const seq = trace.find((r) => r.kind === 'event.emitted' && r.event === second.id)!.seq;
    expect(eventsOfType(index, 'StepThreeEvent', seq).map((e) => e.id)).toHaveLength(2);
    expect(eventsOfType(index, 'StepThreeEvent', seq - 1).map((e) => e.id)).toHaveLength(1);
  });
});
