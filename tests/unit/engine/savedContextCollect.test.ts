import { describe, expect, test } from 'vitest';
import { Context, Event, StartEvent, StopEvent, Workflow, sleep, step, type SavedContext } from 'flowplay';

class Done extends Event<{ n: number }> {}
class Slow extends Event {}

/**
 * gather collects three Done events; two come at once and the third only after `late` has slept.
 * gather saves the run's context from inside its own invocation, right after a collectEvents call,
 * while that invocation is still running: the moment the library's worker state has not taken the
 * event into its buffer yet (it commits the buffer when the step returns, and re-queues the event
 * of a step in progress).
 */
function gatherFlow(saveAt: (n: number, collected: boolean) => boolean, saved: SavedContext[]) {
  class Gather extends Workflow {
    @step({ accepts: [StartEvent], returns: [Slow] })
    async start(ctx: Context, _ev: StartEvent) {
      ctx.sendEvent(new Done({ n: 1 }));
      ctx.sendEvent(new Done({ n: 2 }));
      return new Slow();
    }
    @step({ accepts: [Slow], returns: [Done] })
    async late(_ctx: Context, _ev: Slow) {
      await sleep(5);
      return new Done({ n: 3 });
    }
    @step({ accepts: [Done], returns: [StopEvent], numWorkers: 1 })
    async gather(ctx: Context, ev: Done) {
      const all = ctx.collectEvents(ev, [Done, Done, Done]);
      if (saveAt(ev.n, all !== null)) saved.push(JSON.parse(JSON.stringify(ctx.toDict())));
      await sleep(0.5);
      return all ? new StopEvent({ result: all.map((d) => d.n).join(',') }) : null;
    }
  }
  return new Gather({ timeout: 60 });
}

const doneNumbers = (saved: SavedContext) => saved.work.filter((w) => w.type === 'Done').map((w) => (w.fields as { n: number }).n);

describe('toDict while a collectEvents is part-way through', () => {
  test('the event being collected is saved once, and the resumed run collects 1, 2 and 3', async () => {
    let taken = false;
    const saved: SavedContext[] = [];
    const wf = gatherFlow((n) => n === 2 && !taken && (taken = true), saved);
    expect(await wf.run({}, { clock: 'virtual' })).toBe('1,2,3');
    expect(saved).toHaveLength(1);
    // Done 2 is in gather's hands (and already in its buffer): once, not twice. Done 1 waits in the buffer.
    expect(doneNumbers(saved[0]!).sort()).toEqual([1, 2]);
    // Resumed, the collection needs late's Done 3 to complete: it does not complete early with 2 twice.
    expect(await wf.run({ ctx: Context.fromDict(wf, saved[0]) }, { clock: 'virtual' })).toBe('1,2,3');
  });

  test('saved in the invocation that completed the collection, the events it took are saved to be taken again', async () => {
    let taken = false;
    const saved: SavedContext[] = [];
    const wf = gatherFlow((_n, collected) => collected && !taken && (taken = true), saved);
    expect(await wf.run({}, { clock: 'virtual' })).toBe('1,2,3');
    // gather has taken 1, 2 and 3 out of the buffer but not returned: re-run, it must find 1 and 2 again.
    expect(doneNumbers(saved[0]!).sort()).toEqual([1, 2, 3]);
    expect(await wf.run({ ctx: Context.fromDict(wf, saved[0]) }, { clock: 'virtual' })).toBe('1,2,3');
  });
});
