import * as flowplay from '../engine/index.ts';
import type { RunStartedRecord, TraceRecord } from '../engine/trace.ts';
import type { PacketObject, TracePacket } from '../engine/traceStore.ts';
import { hostLogRecord } from '../engine/hostLog.ts';
import { ConsoleCap } from './consoleCap.ts';
import { formatLogArgs } from './formatLogArgs.ts';
import { explainMissingGlobal } from './pageGlobals.ts';
import { PAYLOAD_DEPTH, cutAtDepth } from './payloadDepth.ts';
import { ValueBudget } from '../inspect/valueBudget.ts';
import type { RunControl, RunRequest, RunSetupError } from './protocol.ts';
import type { RunnerPython } from './runnerPython.ts';
import { TraceBatcher } from './traceBatcher.ts';

type WorkflowClass = new (options?: flowplay.WorkflowOptions) => flowplay.Workflow;
type LogLevel = flowplay.LogLevel;

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<unknown>;

const LEVELS: LogLevel[] = ['log', 'info', 'warn', 'error', 'debug'];

/**
 * Events one run may emit unless its code asks otherwise: far beyond any teaching example, and low
 * enough that the page can still hold the trace of a runaway `sendEvent` loop.
 */
export const DEFAULT_MAX_EVENTS = 200_000;

/** Receives the run's trace as packets of rows (see `TraceStore.packet`), in order, about one per frame. */
export type PacketSink = (packet: TracePacket) => unknown;

/**
 * One run of user code inside the runner worker: evaluates the compiled module with `flowplay` bound
 * to the engine, runs its workflow (unless the code already started a run itself, as the tutorial's
 * `await w.run(...)` does), and streams the run's trace to `sink`.
 *
 * The engine writes the trace into a `TraceStore`, where a record is a few numbers; what goes to the
 * page is packets of those rows, which it reads back into records (`TraceDecoder`). No record object
 * is made here except for the kinds the store keeps whole.
 */
export class UserRun {
  private readonly store = new flowplay.TraceStore();
  private readonly batcher: TraceBatcher;
  /** Rows of the store already in a packet. */
  private sent = 0;
  private runId: string | null = null;
  /** The store's number of the run (see `TraceStore.runRef`); -1 before it starts. */
  private ownRef = -1;
  /** Which of the store's runs go to the page (by number): the run, its child runs, the host's lines. */
  private readonly shown: boolean[] = [];
  /** Child runs of the run, by id. */
  private readonly children = new Set<string>();
  /** The row of the last record of the run or line of the host, which a host line follows. */
  private last = -1;
  private readonly hostRef: number;
  private handler: flowplay.WorkflowHandler | null = null;
  private cancelled = false;
  private readonly consoleCap = new ConsoleCap();
  private readonly budget = new ValueBudget();
  /** A payload or value in this run's trace was cut at the depth limit. */
  private deepValue = false;
  private readonly onRecord: () => void;
  private readonly python: RunnerPython | null;
  /** What a re-run or a fork sends in at its moments. */
  private inputs: flowplay.RunInput[] = [];

  /**
   * `onRecord` is told of every record: the runner's heartbeat while the engine is busy. `python` is
   * the runner's Python, for Python runs.
   */
  constructor(sink: PacketSink, onRecord: () => void = () => {}, python: RunnerPython | null = null) {
    this.batcher = new TraceBatcher(() => sink(this.packet()));
    this.onRecord = onRecord;
    this.python = python;
    this.hostRef = this.store.runRef('host');
    this.shown[this.hostRef] = true;
    this.store.onWritten = (i) => this.written(i);
  }

  cancel(): void {
    this.cancelled = true;
    // Pressing Stop is an input of the run: a replay stops at the same moment.
    this.handler?.cancelInput();
  }

  control(command: RunControl): void {
    const handler = this.handler;
    if (!handler || handler.status !== null) return;
    switch (command.kind) {
      case 'pause':
        return handler.pause();
      case 'resume':
        return handler.resume();
      case 'step':
        return handler.step();
      case 'breakpoints':
        return handler.setBreakpoints(command.steps);
      case 'answer':
        return handler.sendInput(new flowplay.HumanResponseEvent({ response: command.response }));
    }
  }

  /** The run's context as JSON, to save it while it waits; null once it has ended (or before it starts). */
  savedContext(): string | null {
    const handler = this.handler;
    if (!handler || handler.status !== null) return null;
    return JSON.stringify(handler.ctx.toDict());
  }

  /** `host` adds the host's own run settings (a run id of its own, for the runner's warm-up). */
  async execute(request: RunRequest, host: Pick<flowplay.RunDefaults, 'runId'> = {}): Promise<RunSetupError | null> {
    if (request.replay) {
      try {
        const replay = replayRequest(request, request.replay);
        this.inputs = replay.inputs;
        request = replay;
      } catch (error) {
        return setupError(error, 'Could not re-run the recorded run');
      }
    }
    const restoreConsole = this.captureConsole();
    const originalRandom = Math.random;
    if (request.seed !== null) Math.random = flowplay.seededRandom(request.seed);
    const previous = flowplay.setRunDefaults({
      ...host,
      clock: request.clock,
      speed: request.speed,
      stepMode: request.stepMode ?? false,
      breakpoints: request.breakpoints ?? [],
      maxEvents: DEFAULT_MAX_EVENTS,
      input: request.input,
      ...(request.seed !== null ? { seed: request.seed } : {}),
      ...(this.inputs.length ? { replay: this.inputs } : {}),
      ...(request.resume ? { resume: request.resume.context } : {}),
      traceStore: this.store,
      onRun: (handler) => {
        // Only the first run is traced: one trace, one run.
        if (this.handler === null) {
          this.handler = handler;
          if (this.cancelled) handler.cancelInput();
          const answer = request.resume?.answer;
          // The answer the saved run waited for, sent in (and recorded) once the run has started.
          if (typeof answer === 'string') setTimeout(() => handler.status === null && handler.sendInput(new flowplay.HumanResponseEvent({ response: answer })), 0);
        }
      },
    });
    try {
      const problem = request.python ? await this.startPython(request, request.python) : await this.startScript(request);
      if (problem) return problem;
      try {
        await this.handler;
      } catch {
        // A failed, timed-out or cancelled run is described by its `run.finished` record.
      }
      // Cancelled invocations report their end right after the run settles.
      await new Promise((resolve) => setTimeout(resolve, 0));
      return null;
    } finally {
      // Values are bounded (and found too deep) as their packets are made: send what is still held
      // first, so the notices below count every record, then send the notices.
      await this.batcher.drain();
      if (this.deepValue) {
        this.hostLog('warn', `Some values in this run were nested deeper than ${PAYLOAD_DEPTH} levels; the deeper parts show as "[Object]" or "[Array(n)]".`);
      }
      const cut = this.consoleCap.summary();
      if (cut !== null) this.hostLog('warn', cut);
      const values = this.budget.summary();
      if (values !== null) this.hostLog('warn', values);
      await this.batcher.drain();
      flowplay.setRunDefaults(previous);
      Math.random = originalRandom;
      restoreConsole();
    }
  }

  /** Evaluates the compiled code; starts its workflow unless the code started a run itself. */
  private async startScript(request: RunRequest): Promise<RunSetupError | null> {
    let module: unknown;
    try {
      module = await new AsyncFunction('flowplay', request.js)(flowplay);
    } catch (error) {
      // Code that ran its own workflow and awaited it rethrows the run's error: the trace says it.
      if (this.handler === null) return setupError(error, 'Error while loading the code');
    }
    return this.handler === null ? this.startWorkflow(module, request) : null;
  }

  /**
   * Runs the Python file as a notebook cell (top-level `await` and `asyncio.run(main())` start their
   * own run); a file that only defines a workflow gets it started with the input, as the CLI does.
   * What it prints is recorded with its step; a line printed outside any run is the runner's to show.
   */
  private async startPython(request: RunRequest, file: { source: string; fileName: string }): Promise<RunSetupError | null> {
    let runtime;
    try {
      if (!this.python) throw new Error('this runner was not started with Python');
      runtime = await this.python.ready;
    } catch (error) {
      return setupError(error, 'Python could not start');
    }
    try {
      const startOnly = await runtime.runSource(file.source, file.fileName, {
        input: request.input,
        print: (line, recorded, level) => recorded || this.hostLog(level, line),
        shape: (line) => {
          const taken = this.consoleCap.take(line);
          return taken && { text: taken.text, level: taken.notice ? 'warn' : 'log', notice: taken.notice };
        },
      });
      if (this.handler === null && startOnly) await startOnly();
    } catch (error) {
      // An error the run already recorded (a failed step re-raised by `await w.run()`) is the trace's.
      // A Python error is its traceback, as Python prints it; its last line says what went wrong.
      if (this.handler === null) return error instanceof Error && error.name === 'PythonError' ? { name: error.name, message: error.message } : setupError(error, 'Error while running the code');
    }
    if (this.handler === null) return { name: 'NoWorkflow', message: 'There is no workflow to run: define a class that subclasses Workflow, with @step methods.' };
    return null;
  }

  private startWorkflow(module: unknown, request: RunRequest): RunSetupError | null {
    const workflows = (module as { workflows?: Record<string, WorkflowClass> } | undefined)?.workflows ?? {};
    const names = Object.keys(workflows);
    // A saved context names its workflow: resume that one when the file still defines it.
    const saved = request.resume?.context.workflow;
    const wanted = saved !== undefined && Object.hasOwn(workflows, saved) ? saved : request.workflow;
    const name = wanted !== null && Object.hasOwn(workflows, wanted) ? wanted : names[0];
    if (name === undefined) {
      return { name: 'NoWorkflow', message: 'There is no workflow to run: define a class that extends Workflow with @step methods.' };
    }
    try {
      const workflow = new workflows[name]!();
      workflow.run(request.input);
    } catch (error) {
      return setupError(error, `Could not start ${name}`);
    }
    return null;
  }

  /** After each record the engine writes: is it one the page is shown, and must it go at once? */
  private written(i: number): void {
    const store = this.store;
    const ref = store.runRefAt(i);
    const kind = store.kindAt(i);
    if (kind === 'run.started') {
      const started = store.record(i) as RunStartedRecord;
      if (this.runId === null) {
        this.runId = started.runId;
        this.ownRef = ref;
        this.shown[ref] = true;
      } else if (started.parentRun !== undefined && (started.parentRun === this.runId || this.children.has(started.parentRun))) {
        // Runs started inside the run's steps (and inside theirs) are streamed too, as its child runs.
        this.children.add(started.runId);
        this.shown[ref] = true;
      }
    }
    if (this.shown[ref] !== true) return;
    if (ref === this.ownRef) this.last = i;
    this.batcher.written(kind === 'step.started');
    this.onRecord();
  }

  /** The rows written since the last packet that the page is shown, their values bounded. */
  private packet(): TracePacket {
    const store = this.store;
    const to = store.length;
    const packet = store.packet(this.sent, to, (i) => this.shown[store.runRefAt(i)] === true, (object) => this.bounded(object));
    this.sent = to;
    return packet;
  }

  /** A record kept whole, or a payload that is more than a few flat fields, held to the value budget. */
  private bounded(object: PacketObject): unknown {
    if ('record' in object) {
      const record = this.budget.apply(explained(object.record));
      if (!this.deepValue) this.deepValue = cutAtDepth(valueOf(record));
      return record;
    }
    const payload = this.budget.bound(object.payload);
    if (!this.deepValue) this.deepValue = cutAtDepth(payload);
    return payload;
  }

  /** Routes `console.*` in user code into the trace as `log` records, with the step when known. */
  private captureConsole(): () => void {
    const originals = new Map<LogLevel, (...args: unknown[]) => void>();
    for (const level of LEVELS) {
      originals.set(level, console[level]);
      console[level] = (...args: unknown[]) => {
        const line = this.consoleCap.take(formatLogArgs(args));
        if (line === null) return;
        const shownLevel = line.notice ? 'warn' : level;
        // The limit's notice is the page's, not the step's whose line reached the limit.
        if (!flowplay.logToCurrentRun(shownLevel, line.text, !line.notice)) this.hostLog(shownLevel, line.text);
      };
    }
    return () => {
      for (const [level, original] of originals) console[level] = original;
    };
  }

  /** Output outside any run (top-level code after `await w.run()`): appended to the trace by the runner. */
  private hostLog(level: LogLevel, text: string): void {
    const record = hostLogRecord(this.last < 0 ? null : this.store.record(this.last), this.runId, level, text);
    this.store.addObject(record, this.hostRef);
    this.last = this.store.length - 1;
    this.batcher.written(false);
  }
}

/** A re-run of a recorded run (or a fork of it): its seed and start input, on the virtual clock. */
function replayRequest(request: RunRequest, replay: NonNullable<RunRequest['replay']>): RunRequest & { inputs: flowplay.RunInput[] } {
  const plan = flowplay.replayPlanOf(replay.trace);
  const inputs = replay.fork ? flowplay.forkInputs(replay.trace, replay.fork) : plan.inputs;
  return { ...request, input: plan.start ?? request.input, seed: plan.seed ?? request.seed, clock: 'virtual', inputs };
}

/** A failure's record with "x is not defined" for a page global explained (a copy: the engine keeps its own). */
function explained(record: TraceRecord): TraceRecord {
  if ((record.kind === 'step.failed' || record.kind === 'run.finished') && record.error) {
    const error = explainMissingGlobal(record.error);
    if (error !== record.error) return { ...record, error };
  }
  return record;
}

/** The user's data a record carries, where the engine bounded its depth. */
function valueOf(record: TraceRecord): unknown {
  switch (record.kind) {
    case 'event.emitted':
      return record.payload;
    case 'state.changed':
      return record.value;
    case 'run.finished':
      return record.result;
    default:
      return undefined;
  }
}

function setupError(error: unknown, context: string): RunSetupError {
  if (error instanceof Error) {
    const { message } = explainMissingGlobal({ name: error.name, message: error.message });
    return { name: error.name, message: `${context}: ${message}`, ...(error.stack ? { stack: error.stack } : {}) };
  }
  return { name: 'Error', message: `${context}: ${String(error)}` };
}
