/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import type { RunControl, RunRequest, RunnerMessage, RunnerPortApi } from './protocol.ts';
import { isPythonAssets } from '../python/pythonAssets.ts';
import { warmUpRunner } from './pythonWarmUp.ts';
import { warmUp } from './runnerWarmUp.ts';
import { SCRIPT_WARM_UP_REQUEST } from './scriptWarmUp.ts';
import { startRunnerPython } from './runnerPython.ts';
import type { RunnerPython } from './runnerPython.ts';
import { UserRun } from './userRun.ts';

/**
 * The runner: evaluates user code with the engine and streams the trace back. It is started inside
 * the sandboxed frame (see src/sandbox) from a blob, and handed two ports in a `flowplay:connect`
 * message: `api` for the page's calls (Comlink) and `events` for what the runner tells the page
 * (trace batches, the end of a run, a heartbeat). Nothing the page exposes is reachable from here.
 */

/** While a run is active the page hears from the runner at least this often, or presumes it stuck. */
export const BEAT_MS = 250;

let current: UserRun | null = null;
/** A run is already waiting for this runner: warming up for later runs would only keep it waiting. */
let hurried = false;
/** A TypeScript runner's warm-up (see scriptWarmUp.ts) while it runs, and the run of its round. */
let warming: Promise<unknown> | null = null;
let warmUpRound: UserRun | null = null;
/** Python, when this runner was started for Python runs: started before the runner says hello. */
let python: RunnerPython | null = null;
let events: MessagePort | null = null;
let lastBeat = 0;
/** The beat's timer, from the first run on (see `run`). */
let beating: ReturnType<typeof setInterval> | null = null;
/**
 * This thread's own channel to the frame that started it, kept before user code can replace it. No
 * other thread can post on it (a worker the user's code starts posts to this thread, not the frame),
 * so a beat that arrives there proves this thread is running.
 */
const toFrame: (message: unknown) => void = self.postMessage.bind(self);

function post(message: RunnerMessage, transfer: Transferable[] = []): void {
  events?.postMessage(message, transfer);
}

/**
 * A beat at most every BEAT_MS, also from inside a long burst of records that never yields. It goes
 * to the frame (which vouches for it to the page) and on the events port, for hosts without a frame.
 */
function beat(): void {
  const now = performance.now();
  if (now - lastBeat < BEAT_MS) return;
  lastBeat = now;
  toFrame({ type: 'flowplay:beat' });
  post({ type: 'beat' });
}

const api: RunnerPortApi = {
  async run(request: RunRequest, token: number) {
    // A warm-up still running gives way: its round is cancelled, and the run starts once it has ended
    // (the engine's run defaults and the console are one round's until then).
    hurried = true;
    warmUpRound?.cancel();
    if (warming) await warming;
    current?.cancel();
    const run = new UserRun((packet) => post({ type: 'trace', run: token, packet }, [packet.ints.buffer, packet.times.buffer, packet.list.buffer] as ArrayBuffer[]), beat, python);
    current = run;
    // The beats go on once the run has ended, until the page retires this runner: a big run's last
    // records can take the page seconds to take in (a few milliseconds a frame), and until it has
    // read the run's end it holds this runner to the watchdog.
    beating ??= setInterval(beat, BEAT_MS);
    try {
      const error = await run.execute(request);
      post({ type: 'end', run: token, error });
    } finally {
      if (current === run) current = null;
    }
  },
  async cancel() {
    current?.cancel();
  },
  async control(command: RunControl) {
    current?.control(command);
  },
  async savedContext() {
    return current?.savedContext() ?? null;
  },
  async hurry() {
    hurried = true;
  },
  async warmUp() {
    // Once, in a TypeScript runner no run has come to (a Python runner warms up as it starts).
    if (python !== null || hurried || warming !== null) return;
    warming = warmUp(SCRIPT_WARM_UP_REQUEST, null, 1, () => hurried, (round) => (warmUpRound = round));
    await warming;
    warmUpRound = null;
  },
};

/**
 * `close()` from user code ends the runner; say so first, so the page can tell the user what
 * happened instead of waiting for the watchdog.
 */
function reportClose(): void {
  const scope = self as unknown as { close: () => void };
  const close = scope.close.bind(self);
  const reporting = () => {
    post({ type: 'closing' });
    close();
  };
  for (const target of [self, Object.getPrototypeOf(self), WorkerGlobalScope.prototype]) {
    try {
      Object.defineProperty(target, 'close', { value: reporting, configurable: false, writable: false });
    } catch {
      // Some prototypes refuse; the page's watchdog still notices a runner that went away.
    }
  }
}

/**
 * `postMessage` from user code would reach the frame, not the page; report it on the events port
 * instead, in order with the run's trace, and post nothing else. (Code that digs out the original
 * function still only reaches the frame, which relays it as a stray message.)
 */
function reportStrayMessages(): void {
  const reporting = () => post({ type: 'stray' });
  for (const target of [self, Object.getPrototypeOf(self)]) {
    try {
      Object.defineProperty(target, 'postMessage', { value: reporting, configurable: false, writable: false });
    } catch {
      // The frame's relay still reports what gets through.
    }
  }
}

self.addEventListener('message', function connect(event: MessageEvent) {
  const data = event.data as { type?: string; api?: unknown; events?: unknown; python?: unknown } | null;
  if (data?.type !== 'flowplay:connect' || !(data.api instanceof MessagePort) || !(data.events instanceof MessagePort)) return;
  // Connected once: later messages on the global scope come from user code, not the frame.
  self.removeEventListener('message', connect);
  events = data.events;
  reportClose();
  reportStrayMessages();
  Comlink.expose(api, data.api);
  const failed = (data.python as { failed?: unknown } | undefined)?.failed;
  if (typeof failed === 'string') python = { ready: Promise.reject(new Error(failed)) };
  if (!isPythonAssets(data.python)) {
    python?.ready.catch(() => {});
    post({ type: 'hello' });
    return;
  }
  // A Python runner says hello once Python has started and run its warm-up (its runs must not wait
  // for them, and the watchdog must not take the start-up, which holds the thread, for a stuck step).
  python = startRunnerPython(data.python, (snapshot) => post({ type: 'snapshot', bytes: snapshot }, [snapshot.buffer as ArrayBuffer]));
  void warmUpRunner(python, () => hurried).finally(() => post({ type: 'hello' }));
});
