import { describe, expect, test } from 'vitest';
import { Context, Event, HumanResponseEvent, InputRequiredEvent, StartEvent, StopEvent, Workflow, setRunDefaults, step } from 'flowplay';

class Profile {
  name = 'anon';
  visits = 0;
}

class Greeter extends Workflow {
  @step({ accepts: [StartEvent], returns: [InputRequiredEvent], state: Profile })
  async ask(ctx: Context<Profile>, _ev: StartEvent) {
    await ctx.store.set('visits', (await ctx.store.get('visits')) + 1);
    return new InputRequiredEvent({ prefix: 'Your name?' });
  }
  @step({ accepts: [HumanResponseEvent], returns: [StopEvent], state: Profile })
  async greet(ctx: Context<Profile>, ev: HumanResponseEvent) {
    await ctx.store.set('name', ev.response);
    const state = await ctx.store.getState();
    return new StopEvent({ result: `${state.constructor.name}: hello ${state.name} (${state.visits})` });
  }
}

describe('saving and resuming a run', () => {
  test('a run waiting for a human is saved as JSON and resumed with its typed state, on the virtual clock', async () => {
    const wf = new Greeter({ timeout: 10 });
    const first = wf.run({}, { clock: 'virtual' });
    let saved = '';
    for await (const ev of first.streamEvents()) {
      if (ev instanceof InputRequiredEvent) {
        saved = JSON.stringify(first.ctx.toDict());
        first.cancel();
        break;
      }
    }
    await first.catch(() => undefined);
    expect(JSON.parse(saved)).toEqual({ version: 1, workflow: 'Greeter', stateType: 'Profile', state: { __class: 'Profile', name: 'anon', visits: 1 }, running: true, awaitingInput: 1, work: [] });

    const resumed = wf.run({ ctx: Context.fromDict(wf, JSON.parse(saved)) }, { clock: 'virtual' });
    // Virtual time holds while the question is open, so the 10 s timeout does not fire before the answer.
    await new Promise((resolve) => setTimeout(resolve, 20));
    resumed.sendEvent(new HumanResponseEvent({ response: 'Ada' }));
    expect(await resumed).toBe('Profile: hello Ada (1)');
  });

  test('a saved context that does not fit the workflow is refused with the reason', () => {
    const wf = new Greeter();
    const good = { version: 1, workflow: 'Greeter', stateType: 'Profile', state: {}, running: true, awaitingInput: 0, work: [] };
    const refuse = (data: unknown) => () => Context.fromDict(wf, data);
    expect(refuse('nope')).toThrow('This is not a saved context Flowplay can resume: expected an object.');
    expect(refuse({ ...good, version: 2 })).toThrow('version 2 is not 1');
    expect(refuse({ ...good, workflow: 'Other' })).toThrow('it was saved from workflow Other, not Greeter');
    expect(refuse({ ...good, stateType: null })).toThrow("its state is of type null, the workflow's is Profile");
    expect(refuse({ ...good, work: [{ step: 'ghost', type: 'StartEvent' }] })).toThrow('work item 0 is for step ghost');
    expect(refuse({ ...good, work: [{ step: 'ask', type: 'Asked' }] })).toThrow('work item 0 is a Asked, an event class the workflow does not use');
    expect(refuse({ ...good, work: [{ step: 'greet', type: 'StartEvent' }] })).toThrow('work item 0: step greet does not accept StartEvent');
    // Keys that would reach a prototype are dropped, not assigned.
    const ctx = Context.fromDict<Profile>(wf, { ...good, state: JSON.parse('{"__proto__": {"polluted": true}, "name": "x"}') });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    return ctx.store.getState().then((s) => expect(s).toMatchObject({ name: 'x', visits: 0 }));
  });

  test('a host\'s saved context goes to the first run its code starts, and only to that one', async () => {
    const saved = { version: 1, workflow: 'Greeter', stateType: 'Profile', state: { name: 'anon', visits: 4 }, running: true, awaitingInput: 1, work: [] };
    const previous = setRunDefaults({ clock: 'virtual', resume: saved });
    try {
      const wf = new Greeter({ timeout: 10 });
      const resumed = wf.run();
      await new Promise((resolve) => setTimeout(resolve, 10));
      resumed.sendInput(new HumanResponseEvent({ response: 'Ada' }));
      // The saved run had counted 4 visits and was waiting: no new StartEvent, no fifth visit.
      expect(await resumed).toBe('Profile: hello Ada (4)');
      const fresh = wf.run();
      const asked: unknown[] = [];
      for await (const ev of fresh.streamEvents()) {
        if (ev instanceof InputRequiredEvent) {
          asked.push(ev.prefix);
          fresh.sendEvent(new HumanResponseEvent({ response: 'Bo' }));
        }
      }
      expect(asked).toEqual(['Your name?']);
      expect(await fresh).toBe('Profile: hello Bo (1)');
    } finally {
      setRunDefaults(previous);
    }
  });

  test('a host\'s saved context that does not fit the workflow fails that run() with the reason', () => {
    const previous = setRunDefaults({ resume: { version: 1, workflow: 'Other', stateType: null, state: {}, running: true, awaitingInput: 0, work: [] } });
    try {
      expect(() => new Greeter().run()).toThrow('This is not a saved context Flowplay can resume: it was saved from workflow Other, not Greeter.');
    } finally {
      setRunDefaults(previous);
    }
  });

  test('a step waiting in waitForEvent is saved with its input, and asks again when the run resumes', async () => {
    class Review extends Event<{ order: string }> {}
    let lookups = 0;
    class Refund extends Workflow {
      @step({ accepts: [StartEvent], returns: [Review] })
      async lookup(_ctx: Context, _ev: StartEvent) {
        lookups++;
        return new Review({ order: 'A-17' });
      }
      @step({ accepts: [Review], returns: [StopEvent] })
      async review(ctx: Context, ev: Review) {
        const answer = await ctx.waitForEvent(HumanResponseEvent, { waiterEvent: new InputRequiredEvent({ prefix: `Refund ${ev.order}?` }) });
        return new StopEvent({ result: `${ev.order}: ${answer.response}` });
      }
    }
    const wf = new Refund({ timeout: 10 });
    const first = wf.run({}, { clock: 'virtual' });
    let saved = '';
    for await (const ev of first.streamEvents()) {
      if (ev instanceof InputRequiredEvent) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        saved = JSON.stringify(first.ctx.toDict());
        first.cancel();
        break;
      }
    }
    await first.catch(() => undefined);
    // The question belongs to the waiting step, which asks it again when it re-runs: not counted twice.
    expect(JSON.parse(saved)).toMatchObject({ running: true, awaitingInput: 0, work: [{ step: 'review', type: 'Review', fields: { order: 'A-17' } }] });

    const resumed = wf.run({ ctx: Context.fromDict(wf, JSON.parse(saved)) }, { clock: 'virtual' });
    const asked: unknown[] = [];
    for await (const ev of resumed.streamEvents()) {
      if (ev instanceof InputRequiredEvent) {
        asked.push(ev.prefix);
        resumed.sendEvent(new HumanResponseEvent({ response: 'yes' }));
      }
    }
    expect(await resumed).toBe('A-17: yes');
    expect(asked).toEqual(['Refund A-17?']);
    expect(lookups).toBe(1);
  });
});
