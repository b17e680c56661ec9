import { expect, test } from 'vitest';
import { Context, StartEvent, StepFailedEvent, StopEvent, Workflow, catchError, step, type TraceRecord } from 'flowplay';
import { TimelineBuilder, timelineAt } from '../../../src/inspect/index.ts';
import { TraceValidator } from '../../../src/inspect/traceValidator.ts';

test('a failure handed to a catchError step is marked as a handoff, and the handler gets its own row', async () => {
  class Flow extends Workflow {
    @step({ accepts: [StartEvent], returns: [StopEvent] })
    async fetch(_ev: StartEvent): Promise<StopEvent> {
      throw new Error('offline');
    }
    @catchError({ returns: [StopEvent] })
    async fallback(_ctx: Context, ev: StepFailedEvent) {
      return new StopEvent({ result: `fallback for ${ev.stepName}` });
    }
  }
  const trace: TraceRecord[] = [];
  expect(await new Flow().run({}, { clock: 'virtual', seed: 1, onTrace: (r) => trace.push(r) })).toBe('fallback for fetch');
  const builder = new TimelineBuilder();
  builder.extend(trace);
  const view = timelineAt(builder, { count: builder.length, time: builder.end });
  const fetch = view.rows.find((r) => r.id === 'fetch')!;
  expect(fetch.bars.map((b) => b.outcome)).toEqual(['failed']);
  expect(fetch.markers.filter((m) => m.kind !== 'emitted').map((m) => [m.kind, m.label])).toEqual([['caught', 'attempt 1: Error: offline (handed to fallback)']]);
  expect(fetch.markers.filter((m) => m.kind === 'emitted').map((m) => m.type)).toEqual(['StepFailedEvent']);
  expect(view.rows.find((r) => r.id === 'fallback')!.bars.map((b) => b.outcome)).toEqual(['done']);
  const sent = trace.find((r) => r.kind === 'event.emitted' && r.type === 'StepFailedEvent');
  expect(sent).toMatchObject({ via: 'send', step: 'fetch', target: 'fallback' });
  // The page checks every record a runner sends: the handoff (caughtBy) must not be refused as unknown.
  const validator = new TraceValidator({ maxDepth: 64 });
  expect(trace.find((r) => r.kind === 'step.failed')).toMatchObject({ caughtBy: 'fallback' });
  for (const [i, record] of trace.entries()) validator.check(JSON.parse(JSON.stringify(record)), i);
});
