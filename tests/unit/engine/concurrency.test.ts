import { describe, expect, test } from 'vitest';
import { Context, Event, StartEvent, StepCancelledError, StopEvent, Workflow, WorkflowTimeoutError, sleep, step } from 'flowplay';
import { finished, ofKind, record } from './recorder.ts';

class Job extends Event<{ n: number; seconds: number }> {}
class Done extends Event<{ n: number }> {}

function jobsFlow(numWorkers: number, durations: number[]) {
  class Jobs extends Workflow {
    @step({ accepts: [StartEvent], returns: [Job] })
    async start(ctx: Context, _ev: StartEvent) {
      durations.forEach((seconds, n) => ctx.sendEvent(new Job({ n, seconds })));
      return null;
    }
    @step({ accepts: [Job], returns: [Done], numWorkers })
    async work(_ctx: Context, ev: Job) {
      await sleep(ev.seconds);
      return new Done({ n: ev.n });
    }
    @step({ accepts: [Done], returns: [StopEvent] })
    async gather(ctx: Context, ev: Done) {
      const all = ctx.collectEvents(ev, durations.map(() => Done));
      return all ? new StopEvent({ result: all.map((d) => (d as Done).n) }) : null;
    }
  }
  return new Jobs();
}

describe('worker slots', () => {
  test('numWorkers bounds concurrent invocations of a step; the queue is FIFO', async () => {
    const run = await record(jobsFlow(2, [3, 1, 1, 1, 1]));
    const started = ofKind(run.records, 'step.started').filter((r) => r.step === 'work');
    // [t, worker, job] per invocation
    expect(started.map((r) => [r.t, r.worker])).toEqual([
      [0, 1], [0, 2], [1000, 2], [2000, 2], [3000, 1],
    ]);
    expect(run.result).toEqual([1, 2, 0, 3, 4]);
    // The three that found both workers busy waited, in order; the wait travels with the delivery.
    const waits = ofKind(run.records, 'event.emitted').flatMap((r) => r.to.filter((d) => d.step === 'work' && d.queued !== undefined));
    expect(waits.map((d) => d.queued)).toEqual([0, 1, 2]);
  });

  test('a free invocation takes the lowest free worker number', async () => {
    const run = await record(jobsFlow(3, [2, 1, 3, 1, 5]));
    const workers = ofKind(run.records, 'step.started').filter((r) => r.step === 'work').map((r) => `${r.t / 1000}s:w${r.worker}`);
    expect(workers).toEqual(['0s:w1', '0s:w2', '0s:w3', '1s:w2', '2s:w1']);
  });

  test('different steps run concurrently', async () => {
    class Two extends Workflow {
      @step({ accepts: [StartEvent], returns: [Job, Done] })
      async start(ctx: Context, _ev: StartEvent) {
        ctx.sendEvent(new Job({ n: 1, seconds: 2 }));
        ctx.sendEvent(new Done({ n: 2 }));
        return null;
      }
      @step({ accepts: [Job], returns: [], numWorkers: 1 })
      async a(_ctx: Context, _ev: Job) {
        await sleep(2);
        return null;
      }
      @step({ accepts: [Done], returns: [StopEvent], numWorkers: 1 })
      async b(_ctx: Context, _ev: Done) {
        await sleep(3);
        return new StopEvent({ result: 'b' });
      }
    }
    const run = await record(new Two());
    expect(ofKind(run.records, 'step.started').map((r) => `${r.step}@${r.t}`)).toEqual(['start@0', 'a@0', 'b@0']);
    expect(finished(run.records)).toMatchObject({ status: 'stopped', t: 3000 });
  });
});

describe('the first StopEvent ends the run', () => {
  class Race extends Workflow {
    @step({ accepts: [StartEvent], returns: [Job] })
    async start(ctx: Context, _ev: StartEvent) {
      for (const [n, seconds] of [[1, 4], [2, 1], [3, 3], [4, 5], [5, 2]]) ctx.sendEvent(new Job({ n: n!, seconds: seconds! }));
      return null;
    }
    @step({ accepts: [Job], returns: [StopEvent], numWorkers: 3 })
    async work(ctx: Context, ev: Job) {
      try {
        await sleep(ev.seconds);
      } catch (error) {
        if (error instanceof StepCancelledError && ctx.signal.aborted) throw error;
        throw new Error('unexpected');
      }
      return new StopEvent({ result: ev.n });
    }
  }

  test('the run resolves with the first result; the others are cancelled, not failed', async () => {
    const run = await record(new Race());
    expect(run.result).toBe(2);
    const ends = ofKind(run.records, 'step.finished').filter((r) => r.step === 'work');
    expect(ends.map((r) => r.status)).toEqual(['done', 'cancelled', 'cancelled']);
    expect(ofKind(run.records, 'step.failed')).toEqual([]);
    expect(finished(run.records)).toMatchObject({ status: 'stopped', result: 2, t: 1000 });
  });

  test('queued events are dropped and the trace says so', async () => {
    const run = await record(new Race());
    expect(ofKind(run.records, 'event.dropped').map((r) => [r.step, r.reason])).toEqual([
      ['work', 'run-ended'],
      ['work', 'run-ended'],
    ]);
  });

  test('events sent after the stop are dropped', async () => {
    class Late extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent, Job] })
      async start(ctx: Context, _ev: StartEvent) {
        ctx.sendEvent(new StopEvent({ result: 'early' }));
        ctx.sendEvent(new Job({ n: 1, seconds: 1 }));
        return null;
      }
      @step({ accepts: [Job], returns: [] })
      async work(_ctx: Context, _ev: Job) {
        return null;
      }
    }
    const run = await record(new Late());
    expect(run.result).toBe('early');
    const kinds = run.records.map((r) => r.kind);
    expect(kinds.slice(kinds.indexOf('run.finished'))).toEqual(['run.finished', 'event.emitted', 'event.dropped']);
  });
});

describe('timeout', () => {
  test('names the active steps', async () => {
    class Slow extends Workflow {
      @step({ accepts: [StartEvent], returns: [Job, Done] })
      async start(ctx: Context, _ev: StartEvent) {
        ctx.sendEvent(new Job({ n: 1, seconds: 60 }));
        ctx.sendEvent(new Done({ n: 1 }));
        return null;
      }
      @step({ accepts: [Job], returns: [StopEvent] })
      async stepTwo(_ctx: Context, _ev: Job) {
        await sleep(60);
        return new StopEvent();
      }
      @step({ accepts: [Done], returns: [StopEvent] })
      async stepThree(_ctx: Context, _ev: Done) {
        await sleep(60);
        return new StopEvent();
      }
    }
    const run = await record(new Slow({ timeout: 10 }));
    expect(run.error).toBeInstanceOf(WorkflowTimeoutError);
    expect((run.error as Error).message).toBe('Operation timed out after 10 seconds. Currently active steps: stepTwo, stepThree');
    expect(finished(run.records)).toMatchObject({ status: 'timeout', t: 10000 });
    expect(ofKind(run.records, 'step.finished').filter((r) => r.status === 'cancelled').map((r) => r.step)).toEqual(['stepTwo', 'stepThree']);
  });

  test('says what a collectEvents still waits for, and a run that cannot finish times out at once on the virtual clock', async () => {
    const flow = jobsFlow(4, [1, 2]);
    class Stuck extends Workflow {
      @step({ accepts: [StartEvent], returns: [Done] })
      async start(ctx: Context, _ev: StartEvent) {
        ctx.sendEvent(new Done({ n: 1 }));
        ctx.sendEvent(new Done({ n: 2 }));
        return null;
      }
      @step({ accepts: [Done], returns: [StopEvent] })
      async stepThree(ctx: Context, ev: Done) {
        return ctx.collectEvents(ev, [Done, Done, Done]) ? new StopEvent() : null;
      }
    }
    void flow;
    const run = await record(new Stuck({ timeout: 10 }));
    expect((run.error as Error).message).toBe(
      'Operation timed out after 10 seconds. No steps active. stepThree is waiting for 1 more Done (2 of 3 collected)',
    );
    expect(ofKind(run.records, 'collect.leftover')).toMatchObject([{ step: 'stepThree', events: [2, 3], types: { Done: 2 } }]);
  });
});
