import { describe, expect, test } from 'vitest';
import { Context, Event, StartEvent, StopEvent, Workflow, WorkflowRuntimeError, sleep, step, type ContextStore } from 'flowplay';
import { ofKind, record } from './recorder.ts';

class Base {
  count = 0;
}
class Child extends Base {
  tags: string[] = [];
  profile = { name: 'Ada', address: { city: 'London' } };
}

describe('typed state', () => {
  test('paths are typed: a wrong path or value does not compile, and the state starts at its defaults', async () => {
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent], state: Child })
      async only(ctx: Context<Child>, _ev: StartEvent) {
        const city: string = await ctx.store.get('profile.address.city');
        // @ts-expect-error -- no such path in Child
        await ctx.store.get('profile.nope').catch(() => undefined);
        // @ts-expect-error -- count is a number
        await ctx.store.set('count', 'many');
        await ctx.store.set('tags', ['x']);
        return new StopEvent({ result: city });
      }
    }
    const run = await record(new Flow());
    expect(run.result).toBe('London');
    const changes = ofKind(run.records, 'state.changed').map((r) => [r.key, r.value, r.step]);
    expect(changes[0]).toEqual(['', { __class: 'Child', count: 0, tags: [], profile: { name: 'Ada', address: { city: 'London' } } }, null]);
    expect(changes.slice(1)).toEqual([['count', 'many', 'only'], ['tags', ['x'], 'only']]);
  });

  test('the state is an instance of the most derived class the steps name; setState with a parent merges', async () => {
    class Go extends Event {}
    let final: Child | undefined;
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [Go], state: Base })
      async base(ctx: Context<Base>, _ev: StartEvent) {
        await (ctx.store as unknown as ContextStore).set('tags', ['kept']); // a field only the child class has
        const parent = new Base();
        parent.count = 7;
        await ctx.store.setState(parent);
        return new Go();
      }
      @step({ accepts: [Go], returns: [StopEvent], state: Child })
      async child(ctx: Context<Child>, _ev: Go) {
        final = await ctx.store.getState();
        return new StopEvent();
      }
    }
    await record(new Flow());
    expect(final).toBeInstanceOf(Child);
    expect(final).toMatchObject({ count: 7, tags: ['kept'] });
  });

  test('setState with an unrelated class, clear without defaults and unrelated state classes fail clearly', async () => {
    class Other {
      x = 1;
    }
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent], state: Base })
      async only(ctx: Context<Base>, _ev: StartEvent) {
        await ctx.store.setState(new Other() as never);
        return new StopEvent();
      }
    }
    expect(((await record(new Flow())).error as Error).message).toBe('State must be of type Base or a parent type, got Other');

    class NoDefaults {
      constructor() {
        throw new Error('needs a name');
      }
    }
    class Strict extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent], state: NoDefaults })
      async only(_ev: StartEvent) {
        return new StopEvent();
      }
    }
    expect(() => new Strict().run()).toThrow(/^State must have defaults for all fields: new NoDefaults\(\) threw/);

    class Mixed extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent], state: Base })
      async a(_ev: StartEvent) {
        return new StopEvent();
      }
      @step({ accepts: [StartEvent], returns: [StopEvent], state: Other })
      async b(_ev: StartEvent) {
        return new StopEvent();
      }
    }
    expect(() => new Mixed().run()).toThrow(
      'Multiple state types are not in a compatible inheritance hierarchy. All state types must share a common inheritance chain. Found: Base, Other',
    );
  });

  test('inside editState, the store itself is off limits (it would wait for itself)', async () => {
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent], state: Base })
      async only(ctx: Context<Base>, _ev: StartEvent) {
        await ctx.store.editState(async () => {
          await ctx.store.get('count');
        });
        return new StopEvent();
      }
    }
    const run = await record(new Flow());
    expect(run.error).toBeInstanceOf(WorkflowRuntimeError);
    expect((run.error as Error).message).toBe('ctx.store.get was called inside editState in step only; change the state object the edit receives instead.');
  });

  test('a step reading state waits for an edit in progress, on the virtual clock too', async () => {
    class Read extends Event {}
    const seen: string[] = [];
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [Read], state: Base })
      async edit(ctx: Context<Base>, _ev: StartEvent) {
        ctx.sendEvent(new Read());
        await ctx.store.editState(async (state) => {
          state.count = 1;
          await sleep(5);
          state.count = 2;
        });
        seen.push('edited');
        return null;
      }
      @step({ accepts: [Read], returns: [StopEvent], state: Base })
      async read(ctx: Context<Base>, _ev: Read) {
        const count = await ctx.store.get('count');
        seen.push(`read ${count}`);
        return new StopEvent({ result: count });
      }
    }
    const run = await record(new Flow());
    expect(run.result).toBe(2);
    expect(ofKind(run.records, 'run.finished')[0]!.t).toBe(5000);
    expect(seen).toContain('read 2');
  });

  test('untyped ctx.get / ctx.set and ctx.store share one state', async () => {
    class Flow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async only(ctx: Context, _ev: StartEvent) {
        await ctx.set('a', { b: 1 });
        await ctx.store.set('a.c', 2);
        return new StopEvent({ result: [await ctx.get('a'), await ctx.store.getState()] });
      }
    }
    expect((await record(new Flow())).result).toEqual([{ b: 1, c: 2 }, { a: { b: 1, c: 2 } }]);
  });
});
