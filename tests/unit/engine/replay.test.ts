import { describe, expect, test } from 'vitest';
import {
  Context,
  Event,
  HumanResponseEvent,
  InputRequiredEvent,
  StartEvent,
  StopEvent,
  Workflow,
  randint,
  forkInputs,
  replayPlanOf,
  sleep,
  step,
  type RunInput,
  type TraceRecord,
  type WorkflowHandler,
} from 'flowplay';
import { compareTraces } from '../../../src/inspect/index.ts';
import { ofKind } from './recorder.ts';

class Task extends Event<{ n: number }> {}
class Done extends Event<{ n: number }> {}
class Go extends Event<{ word: string }> {}

/** Asks two questions and works in parallel with sleeps while waiting. */
class Interview extends Workflow {
  @step({ accepts: [StartEvent], returns: [InputRequiredEvent, Task] })
  async ask(ctx: Context, _ev: StartEvent) {
    ctx.sendEvent(new Task({ n: 1 }));
    return new InputRequiredEvent({ prefix: 'Name? ' });
  }
  @step({ accepts: [Task], returns: [] })
  async work(_ctx: Context, ev: Task) {
    await sleep(randint(1, 9));
    console.info(`task ${ev.n}`);
    return null;
  }
  @step({ accepts: [HumanResponseEvent], returns: [InputRequiredEvent, StopEvent] })
  async answer(ctx: Context, ev: HumanResponseEvent) {
    const names = ((await ctx.get('names', [])) as string[]).concat(ev.response);
    await ctx.set('names', names);
    if (names.length < 2) return new InputRequiredEvent({ prefix: 'Another? ' });
    return new StopEvent({ result: names.join(' & ') });
  }
}

/** Fans out three tasks and adds up their results; `bonus` in the state is added at the end. */
class Sum extends Workflow {
  @step({ accepts: [StartEvent], returns: [Task] })
  async start(ctx: Context, _ev: StartEvent) {
    for (const n of [1, 2, 3]) ctx.sendEvent(new Task({ n }));
    return null;
  }
  @step({ accepts: [Task], returns: [Done] })
  async work(_ctx: Context, ev: Task) {
    await sleep(ev.n);
    return new Done({ n: ev.n * 10 });
  }
  @step({ accepts: [Done], returns: [StopEvent] })
  async add(ctx: Context, ev: Done) {
    const all = ctx.collectEvents<Done>(ev, [Done, Done, Done]);
    if (!all) return null;
    const bonus = (await ctx.get('bonus', 0)) as number;
    return new StopEvent({ result: all.reduce((s, d) => s + d.n, 0) + bonus });
  }
}

/** Keeps ticking until an event sent from outside sets a word in the state (no step produces Go). */
class Waiter extends Workflow {
  constructor() {
    super({ validate: false });
  }
  @step({ accepts: [StartEvent], returns: [Task] })
  async start(_ctx: Context, _ev: StartEvent) {
    return new Task({ n: 0 });
  }
  @step({ accepts: [Task], returns: [Task, StopEvent] })
  async tick(ctx: Context, ev: Task) {
    await sleep(1);
    const word = await ctx.get('word', null);
    if (word !== null) return new StopEvent({ result: `${word} after ${ev.n} ticks` });
    return new Task({ n: ev.n + 1 });
  }
  @step({ accepts: [Go], returns: [] })
  async heard(ctx: Context, ev: Go) {
    await ctx.set('word', ev.word);
    return null;
  }
}

interface Hosted {
  records: TraceRecord[];
  result?: unknown;
  error?: unknown;
}

/** Runs on the virtual clock; `host` acts from outside, from a macrotask, as a page or a terminal does. */
async function hosted(workflow: Workflow, options: { replay?: RunInput[]; seed?: number; clock?: 'virtual' | 'real'; stepMode?: boolean } = {}, host?: (record: TraceRecord, handler: WorkflowHandler) => void): Promise<Hosted> {
  const records: TraceRecord[] = [];
  const out: Hosted = { records };
  let handler: WorkflowHandler | null = null;
  handler = workflow.run({ topic: 'x' }, {
    clock: options.clock ?? 'virtual',
    seed: options.seed ?? 5,
    ...(options.replay ? { replay: options.replay } : {}),
    ...(options.stepMode ? { stepMode: true } : {}),
    onTrace: (r) => {
      records.push(r);
      if (host) setTimeout(() => handler!.status === null && host(r, handler!), 0);
    },
  });
  try {
    out.result = await handler;
  } catch (error) {
    out.error = error;
  }
  return out;
}

const answerQuestions = (answers: string[]) => (r: TraceRecord, h: WorkflowHandler) => {
  if (r.kind === 'stream.published' && r.type === 'InputRequiredEvent') h.sendInput(new HumanResponseEvent({ response: answers.shift()! }));
};

/** A person stepping through the run: one invocation per press of Step, answering as they go. */
const stepThrough = (answers: string[]) => {
  const answer = answerQuestions(answers);
  return (r: TraceRecord, h: WorkflowHandler) => {
    if (r.kind === 'run.paused') h.step();
    else answer(r, h);
  };
};

const withoutPauses = (records: readonly TraceRecord[]) => records.filter((r) => r.kind !== 'run.paused' && r.kind !== 'run.resumed');

describe('replaying a recorded run', () => {
  test('a run answered by a person records its answers and replays to the same records', async () => {
    const original = await hosted(new Interview(), {}, answerQuestions(['Ada', 'Grace']));
    expect(original.result).toBe('Ada & Grace');
    const inputs = ofKind(original.records, 'input.received');
    expect(inputs.map((r) => [r.input, r.value])).toEqual([['event', { response: 'Ada' }], ['event', { response: 'Grace' }]]);
    // Each input comes just before the event it became.
    for (const r of inputs) expect(original.records[r.seq]).toMatchObject({ kind: 'event.emitted', via: 'external', type: 'HumanResponseEvent' });

    const plan = replayPlanOf(original.records);
    expect(plan).toMatchObject({ seed: 5, clock: 'virtual', start: { topic: 'x' } });
    const replay = await hosted(new Interview(), { replay: plan.inputs, seed: plan.seed! });
    expect(replay.result).toBe('Ada & Grace');
    expect(compareTraces(original.records, replay.records)).toEqual({ same: original.records.length, difference: null, differences: [], differing: 0 });
  });

  test('a run stepped through in step mode re-runs exactly: held where it was held, its pauses not counted as moments', async () => {
    const plain = await hosted(new Interview(), {}, answerQuestions(['Ada', 'Grace']));
    const stepped = await hosted(new Interview(), { stepMode: true }, stepThrough(['Ada', 'Grace']));
    expect(stepped.result).toBe('Ada & Grace');
    const pauses = stepped.records.length - withoutPauses(stepped.records).length;
    expect(pauses).toBeGreaterThan(6);
    // Holding `ask` back let `work` start later: stepping orders the run, so the order is part of it.
    expect(compareTraces(plain.records, stepped.records).difference).not.toBeNull();
    const plan = replayPlanOf(stepped.records);
    const answers = (inputs: RunInput[]) => inputs.filter((i) => i.input === 'event');
    expect(answers(plan.inputs)).toEqual(answers(replayPlanOf(plain.records).inputs));
    expect(plan.inputs.filter((i) => i.input === 'hold').map((i) => i.input === 'hold' && i.reason)).toEqual(['step', 'step', 'step', 'step']);
    const replay = await hosted(new Interview(), { replay: plan.inputs });
    expect(replay.result).toBe('Ada & Grace');
    expect(compareTraces(stepped.records, replay.records)).toEqual({ same: replay.records.length - pauses, difference: null, differences: [], differing: 0 });
    // Nobody stepped the re-run: it held and went on by itself, writing the same pauses.
    expect(replay.records.map(({ runId: _r, ...r }) => r)).toEqual(stepped.records.map(({ runId: _r, ...r }) => r));
    // And that re-run re-runs exactly in its turn.
    const again = await hosted(new Interview(), { replay: replayPlanOf(replay.records).inputs });
    expect(compareTraces(replay.records, again.records).difference).toBeNull();
  });

  test('a fork of a stepped run is held as it was up to its moment, and not after it', async () => {
    const stepped = await hosted(new Sum(), { stepMode: true }, stepThrough([]));
    expect(stepped.result).toBe(60);
    const second = ofKind(stepped.records, 'event.emitted').filter((r) => r.type === 'Task')[1]!;
    const fork = await hosted(new Sum(), { replay: forkInputs(stepped.records, { change: 'fields', event: second.event, fields: { n: 7 } }) });
    expect(fork.result).toBe(10 + 70 + 30);
    expect(compareTraces(stepped.records, fork.records, second.seq - 1).difference).toBeNull();
    // The last hold before the moment has its resume after it: it is left out, so nothing waits for ever.
    expect(ofKind(fork.records, 'run.paused').length).toBeLessThan(ofKind(stepped.records, 'run.paused').length);
    expect(fork.records.at(-1)).toMatchObject({ kind: 'run.finished', status: 'stopped' });
  });

  test('a re-run stepped through gets its inputs at the recorded moments all the same', async () => {
    const original = await hosted(new Waiter(), {}, (r, h) => {
      if (r.kind === 'step.started' && r.step === 'tick' && r.t === 2000) h.sendInput(new Go({ word: 'go' }));
    });
    const stepped = await hosted(new Waiter(), { stepMode: true, replay: replayPlanOf(original.records).inputs }, stepThrough([]));
    expect(stepped.result).toBe(original.result);
    expect(compareTraces(original.records, stepped.records).difference).toBeNull();
    expect(withoutPauses(stepped.records).map((r) => r.kind)).toEqual(original.records.map((r) => r.kind));
  });

  test('an event sent in while other steps keep running is delivered again at its record and time', async () => {
    let sent = false;
    const original = await hosted(new Waiter(), {}, (r, h) => {
      // Sent once the third tick has started: the run is busy sleeping then, not waiting.
      if (!sent && r.kind === 'step.started' && r.step === 'tick' && r.t >= 2000) {
        sent = true;
        h.sendInput(new Go({ word: 'go' }));
      }
    });
    expect(String(original.result)).toMatch(/^go after \d+ ticks$/);
    const replay = await hosted(new Waiter(), { replay: replayPlanOf(original.records).inputs });
    expect(compareTraces(original.records, replay.records).difference).toBeNull();
    expect(replay.result).toBe(original.result);
  });

  test('a cancel from outside is an input: the replay ends at the same moment', async () => {
    // Instead of answering, the person presses Stop while the other step sleeps.
    const original = await hosted(new Interview(), {}, (r, h) => {
      if (r.kind === 'stream.published') h.cancelInput();
    });
    expect(original.error).toMatchObject({ name: 'WorkflowCancelledError' });
    const last = original.records.at(-1)!;
    expect(last).toMatchObject({ kind: 'run.finished', status: 'cancelled' });
    const cancel = original.records.findIndex((r) => r.kind === 'input.received' && r.input === 'cancel');
    // Between the cancel and the end: the invocations it cut short.
    expect(original.records.slice(cancel + 1, -1).map((r) => r.kind === 'step.finished' && r.status)).toEqual(original.records.slice(cancel + 1, -1).map(() => 'cancelled'));
    const replay = await hosted(new Interview(), { replay: replayPlanOf(original.records).inputs });
    expect(compareTraces(original.records, replay.records).difference).toBeNull();
  });

  test('events the code sends from outside a step are not inputs: a replay does not send them twice', async () => {
    const records: TraceRecord[] = [];
    const h = new Interview().run({}, { clock: 'virtual', seed: 2, onTrace: (r) => records.push(r) });
    for await (const ev of h.streamEvents()) if (ev instanceof InputRequiredEvent) h.sendEvent(new HumanResponseEvent({ response: 'x' }));
    expect(ofKind(records, 'input.received')).toEqual([]);
    expect(replayPlanOf(records).inputs).toEqual([]);
  });

  test('a trace from before inputs were recorded takes its external events as inputs, each one record later', async () => {
    const original = await hosted(new Interview(), {}, answerQuestions(['Ada', 'Grace']));
    // The same run as an older Flowplay wrote it: no input records, no `inputs` flag.
    let removed = 0;
    const older = original.records.flatMap((r) => {
      if (r.kind === 'input.received') {
        removed++;
        return [];
      }
      const { inputs: _inputs, ...rest } = r as TraceRecord & { inputs?: boolean };
      return [{ ...rest, seq: r.seq - removed } as TraceRecord];
    });
    const plan = replayPlanOf(older);
    expect(plan.inputs.map((i) => i.input === 'event' && [i.type, i.fields, i.at])).toEqual(
      ofKind(original.records, 'input.received').map((r) => ['HumanResponseEvent', r.value, r.seq]),
    );
    const replay = await hosted(new Interview(), { replay: plan.inputs });
    expect(compareTraces(original.records, replay.records).difference).toBeNull();
  });
});

describe('forking a recorded run', () => {
  test('new fields for an event: the prefix before it is the original, the rest follows from the change', async () => {
    const original = await hosted(new Sum());
    expect(original.result).toBe(60);
    const second = ofKind(original.records, 'event.emitted').filter((r) => r.type === 'Task')[1]!;
    const fork = await hosted(new Sum(), { replay: [{ input: 'fields', event: second.event, type: 'Task', fields: { n: 7 } }] });
    expect(fork.result).toBe(10 + 70 + 30);
    const at = second.seq - 1;
    expect(compareTraces(original.records, fork.records, at).difference).toBeNull();
    expect(fork.records[at]).toMatchObject({ kind: 'input.received', input: 'fields', type: 'Task', value: { n: 7 } });
    expect(fork.records[at + 1]).toMatchObject({ kind: 'event.emitted', event: second.event, payload: { n: 7 } });
    // The fork is a run with inputs of its own: it replays exactly too.
    const again = await hosted(new Sum(), { replay: replayPlanOf(fork.records).inputs });
    expect(compareTraces(fork.records, again.records).difference).toBeNull();
  });

  test('a state value set at a moment is recorded and read by the steps after it', async () => {
    const original = await hosted(new Sum());
    const firstDone = ofKind(original.records, 'step.finished').find((r) => r.step === 'work')!;
    const fork = await hosted(new Sum(), { replay: [{ input: 'state', at: firstDone.seq + 1, t: firstDone.t, key: 'bonus', value: 5 }] });
    expect(fork.result).toBe(65);
    // What that step's end set off runs on without a pause; the value is set once the run can take it.
    const set = fork.records.findIndex((r) => r.kind === 'input.received');
    expect(set).toBeGreaterThan(firstDone.seq);
    expect(compareTraces(original.records, fork.records, set).difference).toBeNull();
    expect(fork.records[set]).toMatchObject({ kind: 'input.received', input: 'state', key: 'bonus', value: 5, t: firstDone.t });
    expect(fork.records[set + 1]).toMatchObject({ kind: 'state.changed', key: 'bonus', value: 5, step: null });
  });

  test('another answer to a question', async () => {
    const original = await hosted(new Interview(), {}, answerQuestions(['Ada', 'Grace']));
    const inputs = replayPlanOf(original.records).inputs.map((i, n) => (n === 1 && i.input === 'event' ? { ...i, fields: { response: 'Linus' } } : i));
    const fork = await hosted(new Interview(), { replay: inputs });
    expect(fork.result).toBe('Ada & Linus');
  });

  test('an input the changed code has no class for fails the run with the reason', async () => {
    const fork = await hosted(new Sum(), { replay: [{ input: 'event', at: 3, t: 0, type: 'Vanished', fields: {}, target: null }] });
    expect(String((fork.error as Error).message)).toBe('The recorded input Vanished is not an event class of Sum any more, so it cannot be sent again.');
  });

  test('a run recorded on the real clock re-runs on the virtual one: each answer comes when the run waits for it', async () => {
    const original = await hosted(new Interview(), { clock: 'real' }, answerQuestions(['Ada', 'Grace']));
    expect(original.result).toBe('Ada & Grace');
    const plan = replayPlanOf(original.records);
    expect(plan.clock).toBe('real');
    const replay = await hosted(new Interview(), { replay: plan.inputs });
    expect(replay.result).toBe('Ada & Grace');
  });
});
