/**
 * `flowplay run`: evaluates compiled user code with the engine as `flowplay`, the way the playground's
 * runner does, but in this process. Host settings (clock, seed, trace) reach every run the user's code
 * starts through the engine's run defaults.
 */
import { format } from 'node:util';
import * as engine from '../engine/index.ts';
import type { RunInput, SavedContext, TraceRecord, WorkflowHandler } from '../engine/index.ts';
import { hostLogRecord } from '../engine/hostLog.ts';
import { installNodeScope } from '../node/installNodeScope.ts';

export interface RunFileOptions extends HostOptions {
  js: string;
  /** Workflow classes the file defines, by name (from the compiler). */
  workflowNames: string[];
}

/** How the host runs a file, whatever language it is written in. */
export interface HostOptions {
  input: Record<string, unknown>;
  seed: number;
  clock: 'virtual' | 'real';
  /** Where user output goes, one call per line (without the newline). */
  write: (line: string) => void;
  /** Where `console.warn` / `console.error` go (default: \`write\`). */
  writeError?: (line: string) => void;
  /** Keeps the trace of every run the code starts, and the lines it prints outside them. */
  traceStore?: engine.TraceStore;
  /** Told of each record as it is written (the same records the store keeps). */
  onTrace?: (record: TraceRecord) => void;
  /**
   * Answers a run's InputRequiredEvent (human in the loop) with the text to send back as a
   * HumanResponseEvent, or null when no answer will come (the run is then cancelled).
   */
  answer?: (prefix: string) => Promise<string | null>;
  /** Inputs to send again at their moments (`--replay`): questions are then answered from these. */
  replay?: RunInput[];
  /**
   * A saved run to go on from (`--resume`): the first run the code starts takes its context, and
   * `question`, the one it was waiting on, is put to `answer` again since the resumed run does not
   * ask it anew.
   */
  resume?: { context: SavedContext; question: string | null };
  /** Told about every run the code starts, as soon as it is created. */
  onRun?: (handler: WorkflowHandler) => void;
}

type UserLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

// eslint-disable-next-line @typescript-eslint/no-empty-function -- only its constructor is needed
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<{ workflows?: Record<string, unknown> } | undefined>;

/** The user's console: what the file prints goes to the output and the trace of its run. */
export type UserConsole = ReturnType<typeof makeConsole>;

/**
 * Runs the file's code; resolves with how to start its only workflow when the code started no run
 * itself (a notebook cell that only defines a workflow), or null.
 */
export type FileBody = (userConsole: UserConsole) => Promise<(() => Promise<void>) | null>;

/** Resolves when the file's code (and its fallback run) finished; rejects with the run's error. */
export function runFile(options: RunFileOptions): Promise<void> {
  return runHosted(options, async (userConsole) => {
    const body = new AsyncFunction('flowplay', 'console', options.js);
    const exported = await body(engine, userConsole);
    const name = options.workflowNames.length === 1 ? options.workflowNames[0] : undefined;
    const Flow = name ? exported?.workflows?.[name] : undefined;
    if (typeof Flow !== 'function') return null;
    return async () => {
      const workflow = new (Flow as new () => engine.Workflow)();
      const result: unknown = await workflow.run(options.input);
      // The host shows the result, as the page does in its result panel: not a line of the code's.
      options.write(format(result));
    };
  });
}

/**
 * The host around a file's code: the run defaults (clock, seed, trace, output), questions answered,
 * and every run the code started awaited.
 *
 * The runs write their trace into a `TraceStore` (the one in `options.traceStore`, else one of the
 * host's own), where a record is a few numbers: a run of a hundred thousand events keeps its trace
 * without an object per record. What the code prints outside a run is added to the same store.
 */
export async function runHosted(options: HostOptions, run: FileBody): Promise<void> {
  installNodeScope();
  const handlers: WorkflowHandler[] = [];
  const byRunId = new Map<string, WorkflowHandler>();
  const store = options.traceStore ?? new engine.TraceStore();
  // Nobody reads the records afterwards: each is looked at (a question to answer?) and let go.
  const transient = options.traceStore === undefined && options.onTrace === undefined;
  const hostRef = store.runRef('host');
  // As in the playground's runner: what the code prints outside a run follows the first run's records.
  let firstRef = -1;
  let firstRunId: string | null = null;
  let last = -1;
  const answer = options.replay ? undefined : options.answer;
  store.onWritten = (i) => {
    const ref = store.runRefAt(i);
    if (firstRef < 0 && store.kindAt(i) === 'run.started') {
      firstRef = ref;
      firstRunId = store.record(i).runId;
    }
    if (ref === firstRef) last = i;
    if (options.onTrace) options.onTrace(store.record(i));
    if (answer && store.emittedTypeAt(i) === 'InputRequiredEvent') answerQuestion(store.record(i), byRunId, answer);
    if (transient) store.clear();
  };
  const hostLog = (level: UserLevel, text: string) => {
    if (transient) return;
    const record = hostLogRecord(last < 0 ? null : store.record(last), firstRunId, level, text);
    store.addObject(record, hostRef);
    last = store.length - 1;
    options.onTrace?.(record);
  };
  const previous = engine.setRunDefaults({
    clock: options.clock,
    seed: options.seed,
    input: options.input,
    ...(options.replay ? { replay: options.replay } : {}),
    ...(options.resume ? { resume: options.resume.context } : {}),
    traceStore: store,
    onRun: (handler) => {
      const resumed = handlers.length === 0 ? options.resume : undefined;
      handlers.push(handler);
      byRunId.set(handler.runId, handler);
      options.onRun?.(handler);
      if (answer && resumed && resumed.question !== null) void answer(resumed.question).then((response) => reply(handler, response));
    },
    log: (line) => options.write(line),
  });
  const userConsole = makeConsole(options.write, options.writeError ?? options.write, hostLog);
  // The playground's runner seeds Math.random with the run's seed; so does the command line.
  const originalRandom = Math.random;
  Math.random = engine.seededRandom(options.seed);
  try {
    const startOnly = await run(userConsole);
    if (handlers.length > 0) {
      await untilFinished(handlers);
      return;
    }
    // Like a notebook cell that only defines the workflow: start it and show the result.
    await startOnly?.();
  } finally {
    engine.setRunDefaults(previous);
    Math.random = originalRandom;
  }
}

/** When a run asks for input (`record` is its InputRequiredEvent), gets the answer and sends it back into that run. */
function answerQuestion(record: TraceRecord, handlers: Map<string, WorkflowHandler>, answer: (prefix: string) => Promise<string | null>): void {
  if (record.kind !== 'event.emitted') return;
  const handler = handlers.get(record.runId);
  const prefix = (record.payload as { prefix?: unknown } | null)?.prefix;
  if (!handler) return;
  void answer(typeof prefix === 'string' ? prefix : '').then((response) => reply(handler, response));
}

/** Sends a person's answer into the run, or cancels it when no answer will come. */
function reply(handler: WorkflowHandler, response: string | null): void {
  if (handler.status !== null) return;
  if (response === null) handler.cancelInput();
  else handler.sendInput(new engine.HumanResponseEvent({ response }));
}

/**
 * Runs the code started without awaiting them still get to finish before the process exits. Polls the
 * status instead of awaiting the handlers, so that a failure nobody handles stays an unhandled
 * rejection (reported by Node, exit code 1) rather than being swallowed here.
 */
async function untilFinished(handlers: WorkflowHandler[]): Promise<void> {
  while (handlers.some((h) => h.status === null)) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** A console that prints like Node's and records each line in the trace of the run it belongs to. */
function makeConsole(
  write: (line: string) => void,
  writeError: (line: string) => void,
  hostLog: (level: UserLevel, text: string) => void,
): Record<UserLevel | 'table' | 'assert', (...args: unknown[]) => void> {
  const emit = (level: UserLevel) => (...args: unknown[]) => {
    const text = format(...args);
    if (!engine.logToCurrentRun(level, text)) hostLog(level, text);
    (level === 'warn' || level === 'error' ? writeError : write)(text);
  };
  return {
    log: emit('log'),
    info: emit('info'),
    debug: emit('debug'),
    warn: emit('warn'),
    error: emit('error'),
    table: emit('log'),
    assert: (condition: unknown, ...rest: unknown[]) => {
      if (!condition) emit('error')('Assertion failed', ...rest);
    },
  };
}
