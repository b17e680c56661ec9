import { describe, expect, test } from 'vitest';
import { Context, Event, StartEvent, StopEvent, Workflow, WorkflowRuntimeError, sleep, step, type TraceRecord } from 'flowplay';
import { ofKind, record } from './recorder.ts';

class Job extends Event<{ n: number }> {}

class Pipeline extends Workflow {
  @step({ accepts: [StartEvent], returns: [Job] })
  async start(ctx: Context, _ev: StartEvent) {
    ctx.sendEvent(new Job({ n: 1 }));
    ctx.sendEvent(new Job({ n: 2 }));
    return null;
  }
  @step({ accepts: [Job], returns: [StopEvent] })
  async work(ctx: Context, ev: Job) {
    await sleep(1);
    const all = ctx.collectEvents(ev, [Job, Job]);
    return all ? new StopEvent({ result: 'done' }) : null;
  }
}

/** Lets microtasks and the engine's macrotask checks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('step mode and breakpoints', () => {
  test('step mode pauses before every invocation and lets one through per step()', async () => {
    const records: TraceRecord[] = [];
    const handler = new Pipeline({ timeout: 5 }).run({}, { clock: 'virtual', stepMode: true, onTrace: (r) => records.push(r) });
    const startedSteps = () => ofKind(records, 'step.started').map((r) => r.step);
    await settle();
    expect(handler.paused).toBe(true);
    expect(startedSteps()).toEqual([]);
    expect(ofKind(records, 'run.paused').at(-1)).toMatchObject({ reason: 'step', step: 'start' });
    handler.step();
    await settle();
    expect(startedSteps()).toEqual(['start']);
    expect(ofKind(records, 'run.paused').at(-1)).toMatchObject({ reason: 'step', step: 'work' });
    handler.step();
    await settle();
    expect(startedSteps()).toEqual(['start', 'work']);
    handler.resume();
    expect(await handler).toBe('done');
    expect(startedSteps()).toEqual(['start', 'work', 'work']);
  });

  test('a breakpoint pauses before that step only; time and the timeout stand still while paused', async () => {
    const records: TraceRecord[] = [];
    const handler = new Pipeline({ timeout: 5 }).run({}, { clock: 'virtual', breakpoints: ['work'], onTrace: (r) => records.push(r) });
    await settle();
    expect(ofKind(records, 'step.started').map((r) => r.step)).toEqual(['start']);
    expect(ofKind(records, 'run.paused')).toMatchObject([{ reason: 'breakpoint', step: 'work', invocation: 2 }]);
    await settle();
    expect(handler.status).toBeNull(); // the 5 s timeout did not fire while paused
    handler.resume(); // the first `work` starts, the second stops at the breakpoint again
    await settle();
    expect(ofKind(records, 'run.paused')).toHaveLength(2);
    handler.setBreakpoints([]);
    handler.resume();
    expect(await handler).toBe('done');
    expect(records.at(-1)).toMatchObject({ kind: 'run.finished', t: 1000 });
  });

  test('pause() from outside holds new invocations until resume()', async () => {
    const handler = new Pipeline({ timeout: 5 }).run({}, { clock: 'virtual' });
    handler.pause();
    await settle();
    expect(handler.paused).toBe(true);
    handler.resume();
    expect(await handler).toBe('done');
  });
});

describe('limits', () => {
  test('a run that emits more than maxEvents fails with a message naming the step', async () => {
    class Flood extends Workflow {
      @step({ accepts: [StartEvent], returns: [Job, StopEvent] })
      async start(ctx: Context, _ev: StartEvent) {
        for (let n = 0; n < 1_000_000; n++) ctx.sendEvent(new Job({ n }));
        return new StopEvent();
      }
      @step({ accepts: [Job], returns: [] })
      async sink(_ctx: Context, _ev: Job) {
        return null;
      }
    }
    const run = await record(new Flood(), {}, { maxEvents: 1000 });
    expect(run.error).toBeInstanceOf(WorkflowRuntimeError);
    expect((run.error as Error).message).toBe(
      'The run emitted more than 1000 events, the limit for one run (the last one came from step start). A step may be sending events in a loop.',
    );
    // The sends after the end are not all recorded.
    expect(run.records.length).toBeLessThan(5000);
  });
});
