/**
 * One run of a workflow: routing, per-step FIFO queues and worker slots, fan-out batches, collect
 * buffers, state, timers, and the end of the run. Step invocations live in `invocation.ts`; this file
 * owns everything they share.
 *
 * Hot path (an event sent, delivered, run, returned): no timers, no per-event promises of our own, and
 * no trace record is even built unless someone listens.
 */
import { Batch } from './batch.ts';
import { type RunClock, macrotask, microtask } from './clock.ts';
import { needOf, type Buffered } from './collectBuffer.ts';
import { Context, type WaitForEventOptions } from './context.ts';
import { DebugGate } from './debugGate.ts';
import { describeValue, errorInfo } from './describe.ts';
import {
  HumanResponseEvent,
  InputRequiredEvent,
  StopEvent,
  type StartEvent,
  WorkflowCancelledEvent,
  WorkflowIdleEvent,
  WorkflowFailedEvent,
  WorkflowTimedOutEvent,
  eventFields,
  eventTypeName,
  isEvent,
  markFieldsReplaced,
  typeOf,
  type Event,
  type EventClass,
} from './event.ts';
import {
  StepCancelledError,
  WorkflowCancelledError,
  WorkflowRuntimeError,
  WorkflowTimeoutError,
  tagErrorWithStep,
} from './errors.ts';
import { EventStream } from './eventStream.ts';
import { startInvocation, type Invocation, type Pending, type Recoveries } from './invocation.ts';
import { toJsonSafe, type JsonValue } from './jsonSafe.ts';
import { eventRoute, type Plan, type StepDef } from './plan.ts';
import { seededRandom, type RandomSource } from './random.ts';
import { firstAttemptAt } from './retryState.ts';
import { StateStore } from './stateStore.ts';
import { saveEvent, SAVED_CONTEXT_VERSION, type Resumption, type SavedContext, type SavedEvent } from './savedContext.ts';
import { RunTimers } from './runTimers.ts';
import { ReplayQueue, eventClassNamed, type MomentInput, type RunInput } from './replay.ts';
import { runActivated, runDeactivated } from './scope.ts';
import { StepRuntime, closeStep } from './stepRuntime.ts';
import { activeSteps, timeoutMessage } from './timeoutMessage.ts';
import { runMessages } from './validationMessages.ts';
import { TRACE_VERSION, type EmitVia, type RunStatus, type StepFinishedRecord, type TraceListener, type TraceRecord } from './trace.ts';
import { TraceStore } from './traceStore.ts';
import { statusCode, viaCode } from './traceTables.ts';
import { virtualTimeHeld } from './timeHold.ts';
import { ParkedEvents, WaitingForEvent, matches, waiterKey, type StepWaiter } from './waiters.ts';
import { verboseLines } from './verbose.ts';

export type { Invocation } from './invocation.ts';

/** Events sent after the run ended are recorded as dropped up to this many; the rest only counted. */
const MAX_DROPS_RECORDED_AFTER_END = 100;

/** Seconds a `waitForEvent` waits unless told otherwise: the library's default. */
const DEFAULT_WAIT_TIMEOUT = 2000;

export interface RunSettings {
  readonly runId: string;
  readonly clock: RunClock;
  /** Made from `seed` when first used unless given: most runs never draw a number. */
  readonly random?: RandomSource;
  readonly seed: number;
  readonly timeout: number | null;
  readonly verbose: boolean;
  readonly onTrace: TraceListener | null;
  /** Keeps every record of the run (and of its child runs) in columns; see `traceStore.ts`. */
  readonly traceStore?: TraceStore | null;
  readonly log: (line: string) => void;
  /** Pause before every invocation starts. */
  readonly stepMode?: boolean;
  /** Pause before these steps start. */
  readonly breakpoints?: readonly string[];
  /** Fail the run when it emits more events than this (a runaway loop guard). */
  readonly maxEvents?: number;
  /** The state of a context passed to `run({ ctx })`, kept across runs. */
  readonly store?: StateStore;
  /** The saved work of a run to continue (`Context.fromDict`). */
  readonly resumption?: Resumption | null;
  /** The run and step invocation that started this run, for a child run. */
  readonly parent?: RunParent | null;
  /** Inputs to send again at their moments (a replay or a fork of a recorded run; see `replay.ts`). */
  readonly replay?: readonly RunInput[] | null;
}

/** Where a child run was started: a run, and the step invocation within it. */
export interface RunParent {
  readonly runId: string;
  readonly step: string;
  readonly invocation: number;
}

export { StepRuntime } from './stepRuntime.ts';

export class RunCore {
  readonly runId: string;
  readonly clock: RunClock;
  private randomSource: RandomSource | null;
  readonly stream = new EventStream();
  readonly promise: Promise<unknown>;
  readonly steps: StepRuntime[];
  /**
   * Where the run writes its records; null when nobody listens, and then no record is ever built.
   * Without a store from the host it is the run's own, emptied after each record is handed to the
   * listener.
   */
  readonly traceStore: TraceStore | null;
  private readonly listener: TraceListener | null;
  private readonly ownStore: boolean;
  /** The run's number in the store and its steps' name ids there (by step index). */
  private readonly runRef: number = NONE;
  private readonly stepIds: readonly number[];
  status: RunStatus | null = null;
  ended = false;
  /** Invocations executing user code (not counting those in waitForEvent). */
  running = 0;
  /** Whether an invocation's start time is known without reading a real clock (which costs ~0.3 µs). */
  readonly timesAttempts: boolean;
  private seq = 0;
  /**
   * The trace time of the engine's current turn, or -1: the clock is read for the first record of a
   * turn and the others share that reading (see `traceTime`). A real clock's reading costs as much
   * as writing the record itself.
   */
  private turnTime = -1;
  /** Whether a turn is open (`beginTurn`): records may then share `turnTime`. */
  private inTurn = false;
  /**
   * `run.paused` / `run.resumed` records among them: a replay's inputs are due at moments counted
   * without these, so a run stepped through gets them where a run left alone does.
   */
  private pauses = 0;
  private eventSeq = 0;
  private invocationSeq = 0;
  private awaitingInput = 0;
  private drainScheduled = false;
  /** No step before this one has anything queued: a drain starts here instead of at the first step. */
  private firstQueued = 0;
  private idleScheduled = false;
  private droppedAfterEnd = 0;
  private gate: DebugGate | null = null;
  private abortController: AbortController | null = null;
  private stateStore: StateStore | null;
  /** The invocation whose `editState` holds the store. */
  stateEditor: Invocation | null = null;
  /** Invocations waiting for the store (an edit holds it): blocked, like sleepers, for virtual time. */
  private stateWaiters = 0;
  private readonly timers: RunTimers;
  /** Waiters not yet resolved or timed out, over all steps: routing looks for them only when there are some. */
  private waiterCount = 0;
  /** Unhandled events kept for a `waitForEvent` that comes later. */
  private parked: ParkedEvents | null = null;
  /** Re-run invocation id -> the invocation whose wait it continues. */
  private reruns: Map<number, number> | null = null;
  private resolve!: (v: unknown) => void;
  private reject!: (e: unknown) => void;
  /** Inputs a replay still has to deliver; null for a run that is not a replay. */
  private readonly replay: ReplayQueue | null;
  /** The run's microtask and macrotask callbacks, made once per run (and the second only on a virtual clock). */
  private drainBound: (() => void) | null = null;
  private idleBound: (() => void) | null = null;

  constructor(
    readonly plan: Plan,
    readonly workflow: object,
    readonly settings: RunSettings,
  ) {
    this.runId = settings.runId;
    this.clock = settings.clock;
    this.randomSource = settings.random ?? null;
    this.replay = settings.replay?.length ? new ReplayQueue(settings.replay) : null;
    this.listener = settings.onTrace;
    const given = settings.traceStore ?? null;
    // A replay finds its moments by record number, so it writes records even when nobody keeps them.
    this.traceStore = given ?? (this.listener !== null || this.replay !== null ? new TraceStore(4) : null);
    this.ownStore = given === null;
    const store = this.traceStore;
    this.stepIds = store === null ? NO_IDS : plan.steps.map((def) => store.nameId(def.name));
    if (store !== null) this.runRef = store.runRef(this.runId);
    this.timesAttempts = this.traceStore !== null || settings.clock.kind === 'virtual';
    this.steps = plan.steps.map((def) => new StepRuntime(def));
    // An untyped run's state is an empty object until a step uses it: most runs never do.
    this.stateStore = settings.store ?? (plan.stateClass ? new StateStore(plan.stateClass) : null);
    this.timers = new RunTimers(settings.clock, settings.timeout, this);
    this.promise = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    // A caller may only stream, or ignore the result: a failed run must not become an unhandled rejection.
    this.promise.catch(ignore);
  }

  /** The run's random numbers (`random`, `randint`), seeded from the run's seed. */
  get random(): RandomSource {
    return (this.randomSource ??= seededRandom(this.settings.seed));
  }

  get store(): StateStore {
    return (this.stateStore ??= new StateStore(this.plan.stateClass));
  }

  /**
   * Writes one record of a kind the run writes rarely, kept as an object; call sites check
   * `this.traceStore` first so nothing is built otherwise. Call sites spell the envelope (`v: 2,
   * runId: '', seq: 0, t: 0`) in their literal and it is filled in here: a record then keeps all its
   * fields in the object itself, instead of growing a separate property store when the envelope is
   * added afterwards. The frequent kinds have writers of their own below, which build no object.
   */
  trace(body: TraceRecord): void {
    const record = body as TraceRecord;
    record.v = TRACE_VERSION;
    record.runId = this.runId;
    record.seq = ++this.seq;
    record.t = this.traceTime();
    this.traceStore!.addObject(record, this.runRef);
    this.written(record.seq);
  }

  /**
   * The time of a record, to the microsecond (a real clock's readings carry noise digits that would
   * only fatten saved runs). Inside a turn the clock is read once and every record shares the
   * reading; step code ends the reading it ran under (`codeRan`), so time spent in it is never
   * hidden from what follows. Outside a turn (a timer, a host's call, step code after an `await`)
   * each record reads the clock.
   */
  private traceTime(): number {
    if (this.turnTime >= 0) return this.turnTime;
    const t = Math.round(this.clock.now() * 1000) / 1000;
    if (this.inTurn) this.turnTime = t;
    return t;
  }

  /**
   * Opens a turn: the engine runs from here without an `await` (a delivery pass, an invocation's end).
   * Returns false when one is already open, and the caller then leaves it to its opener to close.
   */
  beginTurn(): boolean {
    if (this.inTurn) return false;
    this.inTurn = true;
    return true;
  }

  endTurn(opened: boolean): void {
    if (!opened) return;
    this.inTurn = false;
    this.turnTime = -1;
  }

  /** Step code has run inside the turn: the next record reads the clock again. */
  codeRan(): void {
    this.turnTime = -1;
  }

  /** After each record: the listener gets it as an object, and a replay looks for its next input. */
  private written(seq: number): void {
    const store = this.traceStore!;
    if (this.listener !== null) this.listener(store.record(store.length - 1));
    if (this.ownStore) store.clear();
    else if (store.onWritten !== null) store.onWritten(store.length - 1);
    // The next input is due once the records before it are written: look once the microtasks settle.
    if (this.replay !== null && seq - this.pauses >= this.replay.nextAt - 1) this.scheduleIdle();
  }

  /** `step.started`; returns its time, which is also the invocation's start. */
  traceStarted(rt: StepRuntime, pending: Pending, worker: number): number {
    const store = this.traceStore!;
    const seq = ++this.seq;
    const t = this.traceTime();
    const ids = pending.eventIds;
    let events: number;
    if (typeof ids === 'number') events = ids;
    else {
      events = store.listOpen();
      for (let i = 0; i < ids.length; i++) store.listAdd(ids[i]!);
      store.listClose(events);
    }
    store.addStarted(this.runRef, seq, t, this.stepIds[rt.def.index]!, pending.id, worker, events, typeof ids !== 'number', pending.attempt, this.rerunOf(pending.id) ?? NONE);
    this.written(seq);
    return t;
  }

  /** `step.finished`; its outputs are the `count` event ids the run gives next (returned events get them in order). */
  traceFinished(rt: StepRuntime, invocation: number, worker: number, count: number, status: StepFinishedRecord['status']): void {
    const seq = ++this.seq;
    this.traceStore!.addFinished(this.runRef, seq, this.traceTime(), this.stepIds[rt.def.index]!, invocation, worker, this.eventSeq + 1, count, statusCode(status));
    this.written(seq);
  }

  /** `event.dropped`: `step` null for an event sent after the run ended. */
  traceDropped(event: number, step: string | null, reason: 'run-ended' | 'collected-leftover'): void {
    const store = this.traceStore!;
    const seq = ++this.seq;
    store.addDropped(this.runRef, seq, this.traceTime(), event, step === null ? NONE : store.nameId(step), reason);
    this.written(seq);
  }

  private traceEventOnly(kind: 'stream.published' | 'event.unhandled', ev: Event, id: number): void {
    const store = this.traceStore!;
    const seq = ++this.seq;
    store.addEventOnly(kind, this.runRef, seq, this.traceTime(), id, store.typeId(ev.constructor));
    this.written(seq);
  }

  /**
   * The one invocation running user code, if exactly one is: a call made after an `await` in a step
   * can then still be told which invocation made it, where the host has no async scope.
   */
  soleRunningInvocation(): Invocation | null {
    let found: Invocation | null = null;
    for (const rt of this.steps) {
      for (const inv of rt.slots) {
        if (!inv || inv.settled) continue;
        if (found) return null;
        found = inv;
      }
    }
    return found;
  }

  /** The id the next emitted event will get. */
  peekEventSeq(): number {
    return this.eventSeq;
  }

  get signal(): AbortSignal {
    this.abortController ??= new AbortController();
    return this.abortController.signal;
  }

  start(input: Record<string, unknown> | StartEvent | undefined): void {
    runActivated(this);
    const { timeout, clock, seed } = this.settings;
    if (this.settings.stepMode || this.settings.breakpoints?.length) {
      const gate = this.debugGate();
      gate.stepMode = this.settings.stepMode ?? false;
      for (const name of this.settings.breakpoints ?? []) gate.breakpoints.add(name);
    }
    if (this.replay?.pauses) {
      const replay = this.replay;
      this.debugGate().recordedHold = (invocation) => replay.takeHold(invocation);
    }
    if (this.traceStore) {
      const parent = this.settings.parent;
      this.trace({
        v: 2, runId: '', seq: 0, t: 0, kind: 'run.started', workflow: this.plan.workflow, steps: [...this.plan.info], clock: clock.kind, speed: clock.speed, seed, timeout, inputs: true,
        ...(parent ? { parentRun: parent.runId, parentStep: parent.step, parentInvocation: parent.invocation } : {}),
      });
    }
    if (this.traceStore && this.plan.stateClass) this.stateReplaced(null); // the typed state's defaults
    this.timers.armTimeout();
    const resumption = this.settings.resumption;
    if (resumption?.running) {
      // Continue a saved run: its work goes back to the steps that held it; no new StartEvent.
      this.awaitingInput = resumption.awaitingInput;
      for (const { step, event } of resumption.work) this.emit(event, 'input', null, step, null);
      this.scheduleIdle();
      return;
    }
    // `Workflow.run` has checked the input: an instance of the start class, or its fields.
    const ev = isEvent(input) ? input : new (this.plan.startClass as unknown as new (f: object) => Event)(input ?? {});
    if (this.settings.verbose) this.verbose(verboseLines.added(ev, null));
    this.emit(ev, 'input', null, null, null);
    this.scheduleIdle();
  }

  // ---- events ---------------------------------------------------------------------------------

  /**
   * Gives `ev` an id, routes it (to `target` alone when given) and traces it. Returns its id.
   * `recoveries` travel with the event to its receivers (by default the producer's).
   *
   * Deliveries write no records of their own: they are made first, each noting its invocation and its
   * place in the queue, and travel in the event's one `event.emitted` record. That record still comes
   * before anything the event causes (its publication, the waiter it wakes, the run's end).
   */
  emit(ev: Event, via: EmitVia, inv: Invocation | null, target: string | null, batch: Batch | null, recoveries = inv?.pending.recoveries): number {
    const id = ++this.eventSeq;
    if (this.replay !== null && !this.ended) this.replaceFields(ev, id);
    if (this.ended) {
      // A step still looping after the end is not allowed to flood the trace.
      if (this.traceStore && ++this.droppedAfterEnd <= MAX_DROPS_RECORDED_AFTER_END) {
        this.traceEmitted(ev, id, via, inv, target, NONE);
        this.traceDropped(id, target, 'run-ended');
      }
      return id;
    }
    const maxEvents = this.settings.maxEvents;
    if (maxEvents !== undefined && id > maxEvents) {
      const error = new WorkflowRuntimeError(
        `The run emitted more than ${maxEvents} events, the limit for one run${inv ? ` (the last one came from step ${inv.step})` : ''}. A step may be sending events in a loop.`,
      );
      if (inv) tagErrorWithStep(error, inv.step);
      this.finish('failed', error, undefined, this.failedEvent(error, inv));
      return id;
    }
    const route = eventRoute(this.plan, ev.constructor);
    if (route.stop) {
      if (this.traceStore) this.traceEmitted(ev, id, via, inv, target, NONE);
      this.publishEmitted(ev, id);
      this.finish('stopped', ev.constructor === StopEvent ? (ev as StopEvent).result : ev, id);
      return id;
    }
    const isQuestion = route.question;
    // A step waiting for this event runs again instead of receiving it as a new input.
    const woken = this.waiterCount > 0 ? this.waitersFor(ev) : null;
    let targets = target !== null ? [this.plan.byName.get(target)!] : route.targets;
    if (woken && targets) targets = targets.filter((def) => !woken.some(([rt]) => rt.def === def));
    const store = this.traceStore;
    let to = NONE;
    if (targets && targets.length > 0) {
      if (store) to = store.listOpen();
      for (let i = 0; i < targets.length; i++) this.deliver(this.steps[targets[i]!.index]!, ev, id, batch, recoveries, store);
      if (store) store.listClose(to);
    }
    if (store) this.traceEmitted(ev, id, via, inv, target, to);
    if (isQuestion) this.publishEmitted(ev, id);
    if (woken) {
      for (const [rt, waiter] of woken) this.resolveWaiter(rt, waiter, ev, id);
    } else if ((!targets || targets.length === 0) && !isQuestion) {
      if (this.traceStore) this.traceEventOnly('event.unhandled', ev, id);
      (this.parked ??= new ParkedEvents()).park(ev, id);
    }
    return id;
  }

  /** `ctx.sendEvent` and `handler.sendEvent`. Throws at the call for a bad target. */
  send(ev: Event, inv: Invocation | null, target: string | null): void {
    this.checkSend(ev, target);
    if (!inv && ev instanceof HumanResponseEvent) this.awaitingInput = Math.max(0, this.awaitingInput - 1);
    if (this.settings.verbose && !this.ended) this.verbose(verboseLines.added(ev, target));
    this.emit(ev, inv ? 'send' : 'external', inv, target, inv ? inv.pending.batch : null);
    if (!inv) this.scheduleIdle();
  }

  private checkSend(ev: Event, target: string | null): void {
    if (!isEvent(ev)) throw new TypeError(`sendEvent expects an event, got ${describeValue(ev)}.`);
    if (target !== null) {
      const def = this.plan.byName.get(target);
      if (!def) throw new WorkflowRuntimeError(runMessages.stepDoesNotExist(target));
      if (!def.accepts.includes(ev.constructor as EventClass)) throw new WorkflowRuntimeError(runMessages.stepDoesNotAccept(target, typeOf(ev)));
    }
  }

  // ---- inputs from the host -------------------------------------------------------------------

  /** An event from outside the program (a person's answer): recorded as an input, then sent. */
  sendInput(ev: Event, target: string | null): void {
    this.checkSend(ev, target);
    if (this.traceStore && !this.ended) {
      this.trace({ v: 2, runId: '', seq: 0, t: 0, kind: 'input.received', input: 'event', type: typeOf(ev), target, key: null, value: eventFields(ev) });
    }
    this.send(ev, null, target);
  }

  /** A cancel from outside the program: recorded as an input, then the run ends. */
  cancelInput(): void {
    if (this.ended) return;
    if (this.traceStore) this.trace({ v: 2, runId: '', seq: 0, t: 0, kind: 'input.received', input: 'cancel', type: null, target: null, key: null, value: null });
    this.cancel();
  }

  /** A state value set from outside (a fork's change): recorded as an input, then set. */
  setStateInput(key: string, value: JsonValue): void {
    if (this.ended) return;
    if (key === '') throw new RangeError('A state input needs a key.');
    if (this.traceStore) this.trace({ v: 2, runId: '', seq: 0, t: 0, kind: 'input.received', input: 'state', type: null, target: null, key, value });
    this.setState(key.split('.'), structuredClone(value), null);
  }

  /** A replay's replacement fields for event `id`, when it has some and the event is still of that type. */
  private replaceFields(ev: Event, id: number): void {
    const change = this.replay!.takeFields(id);
    if (!change) return;
    const type = typeOf(ev);
    if (change.type !== type) {
      this.userLog('warn', `The change to event ${id} was not made: it is a ${type} in this run, not a ${change.type}.`, null);
      return;
    }
    const fields = change.fields !== null && typeof change.fields === 'object' && !Array.isArray(change.fields) ? change.fields : {};
    if (this.traceStore) this.trace({ v: 2, runId: '', seq: 0, t: 0, kind: 'input.received', input: 'fields', type, target: null, key: null, value: fields });
    const target = ev as unknown as Record<string, unknown>;
    for (const key of Object.keys(target)) if (!Object.prototype.hasOwnProperty.call(fields, key)) delete target[key];
    Object.assign(target, structuredClone(fields));
    markFieldsReplaced(ev);
  }

  /**
   * Delivers the replay's inputs that are due: the records before it are written and its time has
   * come (a timer stops time there if the run would pass it). With `force`, the next one whatever its
   * moment: the run went differently from the recorded one and cannot move on without it.
   */
  private deliverInputs(force: boolean): boolean {
    const replay = this.replay!;
    let delivered = false;
    for (let next = replay.peek(); next && !this.ended; next = replay.peek()) {
      if (!force) {
        if (this.seq - this.pauses < next.at - 1) break;
        // The recorded run went on once it was held (the hold comes from the drain, after the records
        // before it); a pause the person makes in the replay is theirs to end.
        if (next.input === 'resume' && !this.gate?.heldAsRecorded) break;
        const now = Math.round(this.clock.now() * 1000) / 1000;
        if (now < next.t) {
          if (replay.timerFor !== next) {
            replay.timerFor = next;
            this.timers.after((next.t - now) / 1000, () => undefined);
          }
          break;
        }
      }
      replay.shift();
      this.deliverInput(next);
      delivered = true;
      if (force) break;
    }
    if (delivered) this.scheduleIdle();
    return delivered;
  }

  private deliverInput(input: MomentInput): void {
    try {
      if (input.input === 'cancel') return this.cancelInput();
      if (input.input === 'pause') return this.debugGate().pause();
      if (input.input === 'resume') return this.gate?.proceed();
      if (input.input === 'state') return this.setStateInput(input.key, input.value);
      const cls = eventClassNamed(this.plan, input.type);
      if (!cls) throw new WorkflowRuntimeError(`The recorded input ${input.type} is not an event class of ${this.plan.workflow} any more, so it cannot be sent again.`);
      const fields = input.fields !== null && typeof input.fields === 'object' && !Array.isArray(input.fields) ? structuredClone(input.fields) : {};
      this.sendInput(new (cls as unknown as new (f: object) => Event)(fields), input.target);
    } catch (error) {
      this.finish('failed', error, undefined, this.failedEvent(error, null));
    }
  }

  /** `ctx.writeEventToStream`: to the caller only, never routed. */
  publish(ev: Event, inv: Invocation | null): void {
    if (!isEvent(ev)) throw new TypeError(`writeEventToStream expects an event, got ${describeValue(ev)}.`);
    if (ev instanceof StopEvent) throw new WorkflowRuntimeError('A StopEvent ends the run: return it or send it, do not write it to the stream.');
    const id = ++this.eventSeq;
    if (this.traceStore) this.traceEmitted(ev, id, 'stream', inv, null, NONE);
    if (this.ended) return;
    if (this.settings.verbose) this.verbose(verboseLines.published(ev));
    this.publishEmitted(ev, id);
  }

  /** `event.emitted`; `to` is the store's list of its deliveries (see `deliver`), or NONE. */
  private traceEmitted(ev: Event, id: number, via: EmitVia, inv: Invocation | null, target: string | null, to: number): void {
    const store = this.traceStore!;
    const seq = ++this.seq;
    const parent = inv ? inv.pending.parentEvent : null;
    store.addEmitted(
      this.runRef, seq, this.traceTime(), id, ev, viaCode(via),
      inv ? inv.invocation : NONE, inv ? this.stepIds[inv.rt.def.index]! : NONE, target === null ? NONE : store.nameId(target), parent === null ? NONE : parent, to,
    );
    this.written(seq);
  }

  private publishEmitted(ev: Event, id: number): void {
    if (ev instanceof InputRequiredEvent) this.awaitingInput++;
    if (this.traceStore) this.traceEventOnly('stream.published', ev, id);
    this.stream.push(ev);
  }

  /**
   * Routes one event to one step; with a trace, adds the delivery to the event's list in `store` (its
   * step, its invocation, and its place in the queue or NONE when a worker is free or it joins a batch).
   */
  private deliver(rt: StepRuntime, ev: Event, id: number, batch: Batch | null, recoveries: Recoveries | undefined, store: TraceStore | null): void {
    let pending: Pending;
    if (rt.def.gather) {
      for (let b = batch; b; b = b.parent) {
        const bucket = b.bucketFor(rt.def);
        if (bucket && !b.completed) {
          bucket.events.push(ev);
          bucket.ids.push(id);
          if (store) {
            store.listAdd(this.stepIds[rt.def.index]!);
            store.listAdd(bucket.invocation);
            store.listAdd(NONE);
          }
          return;
        }
      }
      pending = { id: ++this.invocationSeq, input: [ev], eventIds: [id], parentEvent: id, batch, attempt: 1 };
    } else {
      pending = { id: ++this.invocationSeq, input: ev, eventIds: id, parentEvent: id, batch, attempt: 1 };
    }
    if (recoveries !== undefined) pending.recoveries = recoveries;
    if (batch) batch.inflight++;
    const ahead = this.push(rt, pending);
    if (store) {
      store.listAdd(this.stepIds[rt.def.index]!);
      store.listAdd(pending.id);
      store.listAdd(ahead >= 0 ? ahead : NONE);
    }
  }

  /** Queues an invocation that no delivery announced (a retry, a completed batch's call); traces its wait. */
  enqueue(rt: StepRuntime, pending: Pending): void {
    const ahead = this.push(rt, pending);
    if (this.traceStore && ahead >= 0) {
      const seq = ++this.seq;
      this.traceStore.addQueued(this.runRef, seq, this.traceTime(), this.stepIds[rt.def.index]!, pending.id, firstId(pending), ahead);
      this.written(seq);
    }
  }

  /** Into the step's queue; returns how many wait ahead of it for a worker, or -1 when one is free for it. */
  private push(rt: StepRuntime, pending: Pending): number {
    rt.queue.push(pending);
    if (rt.def.index < this.firstQueued) this.firstQueued = rt.def.index;
    this.scheduleDrain();
    const ahead = rt.queue.length - 1 - Math.max(0, rt.def.numWorkers - rt.running);
    if (ahead >= 0 && this.settings.verbose) this.verbose(verboseLines.enqueued(rt.def.name));
    return ahead;
  }

  // ---- scheduling -----------------------------------------------------------------------------

  scheduleDrain(): void {
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    microtask((this.drainBound ??= drainOf(this))); // delivery never runs a receiver inside the sender's call stack
  }

  /** @internal Starts what the step queues allow; called from the run's microtask. */
  drain(): void {
    this.drainScheduled = false;
    if (this.traceStore === null) return this.drainSteps(); // nothing reads the time: no turn to keep
    const opened = this.beginTurn();
    try {
      this.drainSteps();
    } finally {
      this.endTurn(opened);
    }
  }

  private drainSteps(): void {
    const steps = this.steps;
    const gate = this.gate;
    const from = this.firstQueued;
    this.firstQueued = steps.length; // lowered again by what stays queued and by what is queued meanwhile
    for (let i = from; i < steps.length && !this.ended; i++) {
      const rt = steps[i]!;
      while (rt.queue.length > 0 && rt.running < rt.def.numWorkers && !this.ended) {
        if (gate && !gate.mayStart(rt.def.name, rt.queue.peek()!.id)) {
          if (i < this.firstQueued) this.firstQueued = i;
          return;
        }
        startInvocation(this, rt, rt.queue.shift()!);
      }
      if (rt.queue.length > 0 && i < this.firstQueued) this.firstQueued = i;
    }
    if (this.idleWatch !== null) this.checkIdle();
  }

  /**
   * Idle watching (WorkflowIdleEvent) costs a run nothing until a caller streams internal events:
   * `idleWatch` is null until then, true while an idle moment has been announced.
   */
  private idleWatch: boolean | null = null;
  /** Failed invocations waiting for their retry delay: the run is not idle while one waits. */
  private retriesWaiting = 0;

  watchIdle(): void {
    if (this.idleWatch !== null) return;
    this.idleWatch = false;
    this.scheduleDrain();
  }

  private checkIdle(): void {
    const idle = !this.ended && this.running === 0 && this.retriesWaiting === 0 && this.steps.every((rt) => rt.queue.length === 0);
    if (idle && !this.idleWatch) this.stream.push(new WorkflowIdleEvent());
    this.idleWatch = idle;
  }

  // ---- step mode and breakpoints ----------------------------------------------------------------

  get isPaused(): boolean {
    return this.gate?.isPaused ?? false;
  }

  /** The run's debug gate, created on first use. */
  debugGate(): DebugGate {
    this.gate ??= new DebugGate({
      paused: (reason, step, invocation) => {
        if (this.traceStore) {
          this.pauses++;
          this.trace({ v: 2, runId: '', seq: 0, t: 0, kind: 'run.paused', reason, step, invocation });
        }
        this.timers.suspendTimeout();
      },
      resumed: () => {
        if (this.traceStore) {
          this.pauses++;
          this.trace({ v: 2, runId: '', seq: 0, t: 0, kind: 'run.resumed' });
        }
        this.timers.armTimeout();
        this.scheduleDrain();
        this.scheduleIdle();
      },
    });
    return this.gate;
  }

  /** Virtual time moves only when every running invocation waits on a timer (checked after microtasks settle). */
  scheduleIdle(): void {
    if (this.idleScheduled || this.ended || this.clock.kind !== 'virtual') return;
    this.idleScheduled = true;
    macrotask((this.idleBound ??= idleOf(this)));
  }

  /** @internal Lets virtual time move on when nothing else can; called from the run's macrotask. */
  idle(): void {
    this.idleScheduled = false;
    if (this.ended) return;
    if (this.replay !== null && this.deliverInputs(false)) return;
    if (this.drainScheduled || this.running > this.timers.sleepers + this.stateWaiters) return;
    if (this.gate?.isPaused) {
      // Held as recorded, but the run went another way and will not reach the moment it went on at.
      if (this.gate.heldAsRecorded) this.deliverInputs(true);
      return;
    }
    if (virtualTimeHeld(this)) return;
    if (this.awaitingInput === 0 && this.clock.advance()) {
      this.scheduleIdle();
      return;
    }
    // Nothing moves on by itself: a replay whose run went differently gives it its next input now.
    if (this.replay !== null) this.deliverInputs(true);
  }

  /** A retry waits on the run's clock, then goes back into the step's queue. */
  retryLater(rt: StepRuntime, pending: Pending, seconds: number): void {
    this.retriesWaiting++;
    this.timers.after(seconds, () => {
      this.retriesWaiting--;
      pending.attempt++;
      this.enqueue(rt, pending);
    });
  }

  // ---- fan-out batches --------------------------------------------------------------------------

  openBatch(parent: Batch | null, from: StepDef): Batch {
    return new Batch(parent, this.plan.gatherTargets.get(from) ?? [], () => ++this.invocationSeq);
  }

  /** One unit of the batch's work finished (an invocation, or the opening of a nested batch). */
  batchWorkDone(batch: Batch | null): void {
    if (!batch) return;
    batch.inflight--;
    this.checkBatch(batch);
  }

  checkBatch(batch: Batch): void {
    if (batch.inflight > 0 || batch.completed || this.ended) return;
    batch.completed = true;
    for (const [def, bucket] of batch.buckets) {
      if (batch.parent) batch.parent.inflight++;
      const parentEvent = bucket.ids.length ? bucket.ids[bucket.ids.length - 1]! : null;
      this.enqueue(this.steps[def.index]!, { id: bucket.invocation, input: bucket.events, eventIds: bucket.ids, parentEvent, batch: batch.parent, attempt: 1 });
    }
    this.batchWorkDone(batch.parent); // releases the hold the batch had on its parent
  }

  // ---- context services -------------------------------------------------------------------------

  collect(ev: Event, types: readonly EventClass[], bufferId: string, inv: Invocation | null): Event[] | null {
    if (!inv) throw new WorkflowRuntimeError('collectEvents can only be called inside a step.');
    if (!isEvent(ev)) throw new TypeError(`collectEvents expects an event first, got ${describeValue(ev)}.`);
    const need = needOf(types);
    const buffer = inv.rt.buffer(bufferId);
    buffer.lastNeed = need;
    const id = ev === inv.pending.input ? (inv.pending.eventIds as number) : 0;
    const call = { buffer, added: buffer.add(ev, id), taken: null as Buffered[] | null };
    (inv.collects ??= []).push(call);
    const complete = buffer.isSatisfied(need);
    const store = this.traceStore;
    if (store) {
      const have = store.listOpen();
      for (let k = 0; k < need.classes.length; k++) store.listAdd(Math.min(buffer.count(need.classes[k]!), need.amounts[k]!));
      store.listClose(have);
      const seq = ++this.seq;
      store.addProgress(this.runRef, seq, this.traceTime(), this.stepIds[inv.rt.def.index]!, inv.invocation, store.nameId(bufferId), id, need, have, complete);
      this.written(seq);
    }
    if (!complete) return null;
    const taken = buffer.take(need);
    call.taken = taken;
    return taken.map((b) => b.ev);
  }

  setState(path: string[], value: unknown, inv: Invocation | null): void {
    this.store.set(path, value);
    if (this.traceStore) {
      this.trace({ v: 2, runId: '', seq: 0, t: 0, kind: 'state.changed', key: path.join('.'), value: toJsonSafe(value), step: inv ? inv.step : null, invocation: inv ? inv.invocation : null });
    }
  }

  /** The whole state changed (setState, editState, clear): recorded with the key ''. */
  stateReplaced(inv: Invocation | null): void {
    if (this.traceStore) {
      this.trace({ v: 2, runId: '', seq: 0, t: 0, kind: 'state.changed', key: '', value: toJsonSafe(this.store.root), step: inv ? inv.step : null, invocation: inv ? inv.invocation : null });
    }
  }

  /** The run as a saved context: its state and, until it ends, the events its steps hold. */
  saveContext(): SavedContext {
    const work: SavedEvent[] = [];
    /** Questions that steps waiting in waitForEvent will ask again when they re-run on resume. */
    let reasked = 0;
    if (!this.ended) {
      const inputs = (pending: Pending) => (Array.isArray(pending.input) ? pending.input : [pending.input]);
      for (const rt of this.steps) {
        const name = rt.def.name;
        const live = rt.live();
        const inHand = new Set<Event>();
        for (const inv of live) for (const ev of inputs(inv.pending)) inHand.add(ev);
        // Buffers as they were before the running invocations began, as the library saves them: an
        // event a running step added is its input (saved once, below), one it took goes back.
        const buffered: Buffered[] = [];
        for (const [, buffer] of rt.buffers ?? []) buffered.push(...buffer.leftovers());
        for (const inv of live) for (const call of inv.collects ?? []) if (call.taken) buffered.push(...call.taken);
        buffered.sort((a, b) => a.id - b.id);
        for (const b of buffered) if (!inHand.has(b.ev)) work.push(saveEvent(name, b.ev));
        for (const ev of inHand) work.push(saveEvent(name, ev));
        for (const pending of rt.queue) for (const ev of inputs(pending)) work.push(saveEvent(name, ev));
        // A step waiting in waitForEvent runs again from its start on resume, as the library re-runs
        // its waiters' steps (a resolved waiter's re-run is queued already, so it is saved above).
        for (const waiter of rt.waiters ?? []) {
          if (waiter.resolved || waiter.timedOut) continue;
          if (waiter.asks) reasked++;
          // Its invocation may not have settled yet (it is still in hand, saved above).
          if (!live.some((inv) => inv.pending === waiter.input)) for (const ev of inputs(waiter.input)) work.push(saveEvent(name, ev));
        }
      }
    }
    return {
      version: SAVED_CONTEXT_VERSION,
      workflow: this.plan.workflow,
      stateType: this.plan.stateClass ? this.plan.stateClass.name : null,
      state: toJsonSafe(this.store.root),
      running: !this.ended,
      awaitingInput: this.ended ? 0 : Math.max(0, this.awaitingInput - reasked),
      work,
    };
  }

  waitingForState(waiting: boolean): void {
    this.stateWaiters += waiting ? 1 : -1;
    if (waiting) this.scheduleIdle();
  }

  sleep(seconds: number, signal?: AbortSignal): Promise<void> {
    return this.ended ? Promise.reject(new StepCancelledError()) : this.timers.sleep(seconds, signal);
  }

  /**
   * `ctx.waitForEvent`. On the first call the invocation ends as waiting (the returned promise rejects
   * with WaitingForEvent so no code after it runs); the step's re-run finds the waiter resolved and
   * gets the event at once, or a WorkflowTimeoutError when the wait timed out.
   */
  waitForEvent(type: EventClass, options: WaitForEventOptions, inv: Invocation | null): Promise<Event> {
    if (this.ended) return Promise.reject(new StepCancelledError());
    if (!inv) return Promise.reject(new WorkflowRuntimeError('waitForEvent can only be called inside a step.'));
    const rt = inv.rt;
    const key = options.waiterId ?? waiterKey(type, options.requirements);
    const found = rt.findWaiter(key, inv.pending.input);
    if (found?.resolved) {
      rt.removeWaiter(found);
      return Promise.resolve(found.resolved.ev);
    }
    if (found?.timedOut) {
      rt.removeWaiter(found);
      return Promise.reject(new WorkflowTimeoutError(runMessages.waitTimedOut(eventTypeName(type))));
    }
    inv.waitingFor = key;
    if (!found) this.addWaiter(rt, inv, key, type, options);
    const waiting = Promise.reject(new WaitingForEvent(eventTypeName(type)));
    waiting.catch(() => undefined); // a step that never awaits it must not raise an unhandled rejection
    return waiting;
  }

  private addWaiter(rt: StepRuntime, inv: Invocation, key: string, type: EventClass, options: WaitForEventOptions): void {
    const waiter: StepWaiter = { key, type, requirements: options.requirements, input: inv.pending, invocation: inv.invocation, asks: options.waiterEvent instanceof InputRequiredEvent, resolved: null, timedOut: false, timer: null };
    rt.addWaiter(waiter);
    this.waiterCount++;
    if (this.traceStore) this.trace({ v: 2, runId: '', seq: 0, t: 0, kind: 'wait.started', step: inv.step, invocation: inv.invocation, type: eventTypeName(type), event: null });
    if (options.waiterEvent) this.publish(options.waiterEvent, inv);
    const timeout = options.timeout === undefined ? DEFAULT_WAIT_TIMEOUT : options.timeout;
    if (timeout !== null) {
      waiter.timer = this.timers.after(timeout, () => {
        if (waiter.resolved || waiter.timedOut || this.ended) return;
        waiter.timedOut = true;
        this.waiterCount--;
        if (this.settings.verbose) this.verbose(verboseLines.waiterTimeout(rt.def.name, key));
        if (this.traceStore) this.trace({ v: 2, runId: '', seq: 0, t: 0, kind: 'wait.finished', step: rt.def.name, invocation: waiter.invocation, type: eventTypeName(type), event: null });
        this.rerun(rt, waiter, null);
      });
    }
    // An answer that arrived before anyone waited for it.
    const early = this.parked?.take(waiter);
    if (early) this.resolveWaiter(rt, waiter, early.ev, early.id);
    this.scheduleIdle();
  }

  /** The open waiters `ev` satisfies, with their steps, or null. */
  private waitersFor(ev: Event): [StepRuntime, StepWaiter][] | null {
    let found: [StepRuntime, StepWaiter][] | null = null;
    for (const rt of this.steps) {
      if (rt.waiters === null) continue;
      for (const waiter of rt.waiters) {
        if (!waiter.resolved && !waiter.timedOut && matches(waiter, ev)) (found ??= []).push([rt, waiter]);
      }
    }
    return found;
  }

  private resolveWaiter(rt: StepRuntime, waiter: StepWaiter, ev: Event, id: number): void {
    waiter.resolved = { ev, id };
    this.waiterCount--;
    if (waiter.timer) this.timers.clear(waiter.timer);
    if (this.traceStore) this.trace({ v: 2, runId: '', seq: 0, t: 0, kind: 'wait.finished', step: rt.def.name, invocation: waiter.invocation, type: typeOf(ev), event: id });
    this.rerun(rt, waiter, id);
  }

  /** Queues the step again with the input it waited on; `event` is what it waited for (null: timed out). */
  private rerun(rt: StepRuntime, waiter: StepWaiter, event: number | null): void {
    const { input } = waiter;
    const pending: Pending = { id: ++this.invocationSeq, input: input.input, eventIds: input.eventIds, parentEvent: input.parentEvent, batch: input.batch, attempt: 1 };
    if (input.recoveries !== undefined) pending.recoveries = input.recoveries;
    (this.reruns ??= new Map()).set(pending.id, waiter.invocation);
    this.enqueue(rt, pending);
  }

  /** The invocation a re-run continues, if `invocation` is one. */
  rerunOf(invocation: number): number | undefined {
    return this.reruns?.get(invocation);
  }

  userLog(level: 'log' | 'info' | 'warn' | 'error' | 'debug', text: string, inv: Invocation | null): void {
    if (this.traceStore) this.trace({ v: 2, runId: '', seq: 0, t: 0, kind: 'log', level, text, step: inv ? inv.step : null, invocation: inv ? inv.invocation : null });
  }

  verbose(line: string): void {
    if (this.settings.verbose) this.settings.log(line);
  }

  context(inv: Invocation): Context {
    return Context.of(this, inv);
  }

  // ---- the end --------------------------------------------------------------------------------

  cancel(): void {
    if (this.settings.verbose && !this.ended) this.verbose(verboseLines.cancelled());
    this.finish('cancelled', new WorkflowCancelledError(), undefined, new WorkflowCancelledEvent());
  }

  /** @internal The run's timeout fired. */
  timedOut(): void {
    const timeout = this.settings.timeout!;
    if (this.settings.verbose) this.verbose(verboseLines.timeout(timeout));
    this.finish('timeout', new WorkflowTimeoutError(timeoutMessage(this, timeout)), undefined, new WorkflowTimedOutEvent({ timeout, activeSteps: activeSteps(this) }));
  }

  /** What the stream says last when `error` from `inv` (or from the engine) fails the run. */
  failedEvent(error: unknown, inv: Invocation | null): WorkflowFailedEvent {
    const now = this.clock.now();
    const since = inv ? firstAttemptAt(inv) : -1;
    const elapsedSeconds = since >= 0 ? (now - since) / 1000 : 0;
    return new WorkflowFailedEvent({ stepName: inv?.step ?? '', exception: error, attempts: inv?.pending.attempt ?? 1, elapsedSeconds });
  }

  /**
   * Ends the run once: cancels what still runs, drops what is queued, settles the caller. The stream
   * ends normally in every case, after the stop event or the terminal event that says why the run
   * ended; only awaiting the handler rejects.
   */
  finish(status: RunStatus, value: unknown, stopEvent?: number, terminal?: StopEvent): void {
    if (this.ended) return;
    this.ended = true;
    this.status = status;
    const cancelled = this.timers.cancelAll();
    this.waiterCount = 0;
    this.abortController?.abort(cancelled ?? new StepCancelledError());
    for (const rt of this.steps) closeStep(this, rt);
    if (this.traceStore) {
      this.trace(
        status === 'stopped'
          ? { v: 2, runId: '', seq: 0, t: 0, kind: 'run.finished', status, result: toJsonSafe(value), event: stopEvent }
          : { v: 2, runId: '', seq: 0, t: 0, kind: 'run.finished', status, error: endError(status, value) },
      );
    }
    this.clock.dispose();
    runDeactivated(this);
    if (terminal) this.stream.push(terminal);
    this.stream.end();
    if (status === 'stopped') this.resolve(value);
    else this.reject(value);
  }
}

function ignore(): void {}

/** Closures made outside the class, so a run's callbacks capture the run and nothing else. */
function drainOf(run: RunCore): () => void {
  return () => run.drain();
}

function idleOf(run: RunCore): () => void {
  return () => run.idle();
}

/**
 * Why the run ended, for its record. A cancel or a timeout is raised by the engine, not by user code:
 * its stack would only show the engine's own frames, which differ with the host and with how the
 * cancel came in, so a replay could not write the same record.
 */
function endError(status: RunStatus, value: unknown) {
  const info = errorInfo(value);
  if (status === 'cancelled' || status === 'timeout') delete info.stack;
  return info;
}

/** Stands for "none" where the trace store takes an int (ids are never negative). */
const NONE = -1;

const NO_IDS: readonly number[] = Object.freeze([]);

function firstId(pending: Pending): number {
  return typeof pending.eventIds === 'number' ? pending.eventIds : (pending.eventIds[0] ?? 0);
}
