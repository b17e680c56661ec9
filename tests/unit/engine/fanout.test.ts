import { describe, expect, test } from 'vitest';
import { Context, Event, StartEvent, StopEvent, Workflow, sleep, step } from 'flowplay';
import { ofKind, record } from './recorder.ts';

class Task extends Event<{ n: number }> {}
class Done extends Event<{ n: number }> {}
class Part extends Event<{ n: number; k: number }> {}

function fanFlow(tasks: number[], work: (ev: Task) => Promise<Done | null>) {
  class Fan extends Workflow {
    @step({ accepts: [StartEvent], returns: [Task], fanOut: true })
    async split(_ctx: Context, _ev: StartEvent) {
      return tasks.map((n) => new Task({ n }));
    }
    @step({ accepts: [Task], returns: [Done] })
    async work(_ctx: Context, ev: Task) {
      return work(ev);
    }
    @step({ accepts: [Done], returns: [StopEvent], gather: true })
    async gather(_ctx: Context, evs: Done[]) {
      return new StopEvent({ result: evs.map((e) => e.n) });
    }
  }
  return new Fan();
}

describe('typed fan-out and fan-in', () => {
  test('the gather step is called once, with every result in completion order', async () => {
    const run = await record(fanFlow([3, 1, 2], async (ev) => (await sleep(ev.n), new Done({ n: ev.n }))));
    expect(run.result).toEqual([1, 2, 3]);
    expect(ofKind(run.records, 'step.started').filter((r) => r.step === 'gather')).toMatchObject([{ events: [5, 6, 7], t: 3000 }]);
  });

  test('a branch that returns nothing counts as finished', async () => {
    const run = await record(fanFlow([1, 2, 3, 4], async (ev) => (await sleep(ev.n), ev.n % 2 ? null : new Done({ n: ev.n }))));
    expect(run.result).toEqual([2, 4]);
  });

  test('returning [] calls the gather step with []', async () => {
    const run = await record(fanFlow([], async () => null));
    expect(run.result).toEqual([]);
  });

  test('waits for every branch, including work a branch sends on', async () => {
    class Deep extends Workflow {
      @step({ accepts: [StartEvent], returns: [Task] })
      async split(_ctx: Context, _ev: StartEvent) {
        return [new Task({ n: 1 }), new Task({ n: 2 })];
      }
      @step({ accepts: [Task], returns: [Part] })
      async explode(ctx: Context, ev: Task) {
        for (let k = 0; k < ev.n * 2; k++) ctx.sendEvent(new Part({ n: ev.n, k }));
        return null;
      }
      @step({ accepts: [Part], returns: [Done] })
      async part(_ctx: Context, ev: Part) {
        await sleep(ev.k + 1);
        return new Done({ n: ev.n * 10 + ev.k });
      }
      @step({ accepts: [Done], returns: [StopEvent], gather: true })
      async gather(_ctx: Context, evs: Done[]) {
        return new StopEvent({ result: evs.map((e) => e.n) });
      }
    }
    const run = await record(new Deep());
    expect(run.result).toEqual([10, 20, 11, 21, 22, 23]);
  });

  test('nested batches: the inner gather finishes before the outer one is called', async () => {
    class Sub extends Event<{ n: number }> {}
    class SubDone extends Event<{ n: number }> {}
    class Nested extends Workflow {
      @step({ accepts: [StartEvent], returns: [Task] })
      async split(_ctx: Context, _ev: StartEvent) {
        return [new Task({ n: 1 }), new Task({ n: 2 })];
      }
      @step({ accepts: [Task], returns: [Sub], fanOut: true })
      async splitAgain(_ctx: Context, ev: Task) {
        return [new Sub({ n: ev.n * 10 }), new Sub({ n: ev.n * 10 + 1 })];
      }
      @step({ accepts: [Sub], returns: [SubDone] })
      async leaf(_ctx: Context, ev: Sub) {
        await sleep(ev.n % 10 ? 1 : 2);
        return new SubDone({ n: ev.n });
      }
      @step({ accepts: [SubDone], returns: [Done], gather: true })
      async inner(_ctx: Context, evs: SubDone[]) {
        return new Done({ n: evs.reduce((s, e) => s + e.n, 0) });
      }
      @step({ accepts: [Done], returns: [StopEvent], gather: true })
      async outer(_ctx: Context, evs: Done[]) {
        return new StopEvent({ result: evs.map((e) => e.n) });
      }
    }
    const run = await record(new Nested());
    expect(run.result).toEqual([21, 41]);
    expect(ofKind(run.records, 'step.started').filter((r) => r.step === 'inner' || r.step === 'outer').map((r) => r.step)).toEqual(['inner', 'inner', 'outer']);
  });
});
