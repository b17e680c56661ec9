import * as Comlink from 'comlink';
import type { RestartReason, RunControl, RunEnd, RunRequest, RunnerClient, RunnerPortApi, TraceSink } from './protocol.ts';
import { createWorkerHost } from './runnerHost.ts';
import type { RunnerHost } from './runnerHost.ts';
import { TraceGate, readRunnerMessage } from './runnerMessages.ts';
import { createSandboxHost } from './sandboxHost.ts';

/** How long a runner may take to answer Stop before it is presumed stuck and replaced. */
export const STOP_GRACE_MS = 600;
/** Silence from a runner in the middle of a run after which it is presumed stuck (it beats every 250 ms). */
export const WATCHDOG_MS = 2_000;
/** How long a new runner may take to say hello (a cold start loads the runner's code first). */
export const READY_MS = 20_000;
/** How long the sandbox frame has to answer a ping before its process is presumed dead. */
const PING_MS = 500;

export interface RunnerClientOptions {
  /** Makes one runner; the default is a worker inside a sandboxed frame. */
  makeHost?: () => RunnerHost;
  /** A runner worker on the page's own origin instead (not isolated; for tools and tests). */
  makeWorker?: () => Worker;
  graceMs?: number;
  watchdogMs?: number;
}

interface Connection {
  host: RunnerHost;
  api: Comlink.Remote<RunnerPortApi>;
  ready: Promise<boolean>;
  lastHeard: number;
  /** What the frame last reported about the worker failing, to explain a crash. */
  workerError: string | null;
  /** When the frame last answered a ping. */
  lastPong: number;
  /** The watchdog asked the frame whether it is alive and is waiting for the answer. */
  pingedAt: number | null;
}

interface ActiveRun {
  token: number;
  sink: TraceSink;
  gate: TraceGate;
  ended: Promise<RunEnd>;
  settle(end: RunEnd): void;
}

/**
 * The page's side of the runner. The runner lives in a worker inside a sandboxed frame (see
 * sandboxHost.ts); the page calls it with Comlink over a transferred port and hears from it on a
 * second port, where every message is validated before anything reaches the stores.
 *
 * The runner is replaced, and the run in progress ends as `restarted` with the reason, when:
 * Stop gets no answer in time; no heartbeat arrives for `watchdogMs` during a run (a synchronous
 * loop); the user's code closes the runner; or the runner dies (its port closes, e.g. out of memory).
 * Every pending call settles either way, and the next Run starts on a fresh runner at once.
 */
export function createRunnerClient(options: RunnerClientOptions = {}): RunnerClient {
  const makeHost = options.makeHost ?? (options.makeWorker ? () => createWorkerHost(options.makeWorker!) : defaultHost);
  const graceMs = options.graceMs ?? STOP_GRACE_MS;
  const watchdogMs = options.watchdogMs ?? WATCHDOG_MS;
  let tokens = 0;
  const STRAY = 'a message posted on the runner’s global scope (postMessage from the code?)';
  let active: ActiveRun | null = null;
  let watchdog: ReturnType<typeof setInterval> | null = null;
  let connection = connect();

  function connect(): Connection {
    const host = makeHost();
    let hello!: () => void;
    const ready = new Promise<boolean>((resolve) => (hello = () => resolve(true)));
    const conn: Connection = { host, api: Comlink.wrap<RunnerPortApi>(host.api), ready, lastHeard: now(), workerError: null, lastPong: 0, pingedAt: null };
    host.events.onmessage = (event: MessageEvent) => {
      if (connection !== conn) return;
      const read = readRunnerMessage(event.data);
      if (!read.ok) {
        active?.gate.refuse(read.reason);
        return;
      }
      const message = read.message;
      conn.lastHeard = now();
      const run = active;
      switch (message.type) {
        case 'hello':
          hello();
          return;
        case 'beat':
          return;
        case 'closing':
          if (run) restart(run, 'closed');
          else replace();
          return;
        case 'stray':
          run?.gate.refuse(STRAY);
          return;
        case 'trace':
          if (run && message.run === run.token) deliver(run, run.gate.accept(message.records));
          return;
        case 'end':
          if (run && message.run === run.token) {
            run.settle(message.error ? { kind: 'setup-error', error: message.error } : { kind: 'finished' });
          }
          return;
      }
    };
    if (host.supervisor) {
      host.supervisor.onmessage = (event: MessageEvent) => {
        if (connection !== conn) return;
        const data = event.data as { type?: unknown; message?: unknown } | null;
        if (data?.type === 'stray') active?.gate.refuse(STRAY);
        if (data?.type === 'worker-error' && typeof data.message === 'string') conn.workerError = data.message.slice(0, 500);
        if (data?.type === 'pong') conn.lastPong = now();
      };
    }
    // Chromium tells a port when the other side is gone (the worker closed or died).
    host.api.addEventListener('close', () => {
      if (connection === conn && active) restart(active, 'crashed');
    });
    return conn;
  }

  function deliver(run: ActiveRun, records: ReturnType<TraceGate['accept']>): void {
    if (records.length === 0) return;
    try {
      run.sink(records);
    } catch (error) {
      // The page's own bug must not leave the run hanging; the run ends and says so.
      run.settle({ kind: 'setup-error', error: { name: 'PageError', message: `Showing the trace failed: ${String(error)}` } });
    }
  }

  function replace(): void {
    const old = connection;
    old.api[Comlink.releaseProxy]();
    old.host.dispose();
    connection = connect();
  }

  function restart(run: ActiveRun, reason: RestartReason): void {
    const detail = connection.workerError;
    replace();
    run.settle({ kind: 'restarted', reason, ...(detail ? { detail } : {}) });
  }

  /**
   * A runner silent for `watchdogMs` is replaced. First the frame is asked whether it is alive: it
   * answers when only its worker is stuck (a loop), and cannot when its process died (out of memory),
   * which is how the page tells the user which of the two happened.
   */
  function watch(): void {
    watchdog ??= setInterval(() => {
      const run = active;
      const conn = connection;
      if (!run || now() - conn.lastHeard <= watchdogMs) {
        conn.pingedAt = null;
        return;
      }
      if (!conn.host.supervisor) return restart(run, 'unresponsive');
      if (conn.pingedAt === null) {
        conn.pingedAt = now();
        conn.host.supervisor.postMessage({ type: 'ping' });
        return;
      }
      if (conn.lastPong >= conn.pingedAt) restart(run, 'unresponsive');
      else if (now() - conn.pingedAt > PING_MS) restart(run, 'crashed');
    }, Math.min(100, watchdogMs / 4));
  }

  function unwatch(): void {
    if (watchdog !== null) clearInterval(watchdog);
    watchdog = null;
  }

  return {
    async run(request: RunRequest, sink: TraceSink): Promise<RunEnd> {
      const token = ++tokens;
      const run = activeRun(token, sink, () => {
        if (active === run) {
          active = null;
          unwatch();
        }
      });
      active = run;
      const conn = connection;
      const ready = await Promise.race([conn.ready, delay(READY_MS).then(() => false)]);
      if (active !== run) return run.ended;
      if (!ready) {
        replace();
        run.settle({ kind: 'setup-error', error: { name: 'RunnerUnavailable', message: 'The runner did not start in time; press Run to try again.' } });
        return run.ended;
      }
      conn.lastHeard = now();
      watch();
      conn.api.run(request, token).catch((error: unknown) => {
        if (connection === conn) run.settle({ kind: 'setup-error', error: toSetupError(error) });
      });
      return run.ended;
    },

    async stop(): Promise<'cancelled' | 'restarted' | 'idle'> {
      const running = active;
      if (!running) return 'idle';
      const conn = connection;
      const answered = await Promise.race([conn.api.cancel().then(() => true, () => false), delay(graceMs).then(() => false)]);
      if (answered) {
        // The engine finishes a cancelled run promptly; wait for its last batch, but not forever.
        const settled = await Promise.race([running.ended.then(() => true), delay(graceMs).then(() => false)]);
        if (settled) return 'cancelled';
      }
      if (active === running) restart(running, 'stopped');
      else running.settle({ kind: 'restarted', reason: 'stopped' });
      return 'restarted';
    },

    async control(command: RunControl): Promise<void> {
      if (!active) return;
      // A runner stuck in user code cannot answer; Stop and the watchdog are the way out of that.
      await Promise.race([connection.api.control(command).catch(() => undefined), delay(graceMs)]);
    },

    dispose(): void {
      unwatch();
      connection.host.dispose();
    },
  };
}

function defaultHost(): RunnerHost {
  return createSandboxHost(() => import('virtual:flowplay-runner').then((module) => module.default));
}

function activeRun(token: number, sink: TraceSink, onSettle: () => void): ActiveRun {
  let resolve!: (end: RunEnd) => void;
  const ended = new Promise<RunEnd>((r) => (resolve = r));
  let done = false;
  const gate = new TraceGate();
  return {
    token,
    sink,
    gate,
    ended,
    settle(end) {
      // The first settlement wins: a replaced runner's late answer changes nothing.
      if (done) return;
      done = true;
      onSettle();
      resolve(gate.dropped > 0 ? { ...end, dropped: gate.dropped, ...(gate.reason ? { droppedReason: gate.reason } : {}) } : end);
    },
  };
}

function now(): number {
  return performance.now();
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function toSetupError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
