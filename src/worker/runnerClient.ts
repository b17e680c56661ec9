import { snapshotKey, type SnapshotStore } from './pythonSnapshotStore.ts';
import * as Comlink from 'comlink';
import type { RestartReason, RunControl, RunEnd, RunRequest, RunnerClient, RunnerPortApi, TraceSink } from './protocol.ts';
import { createWorkerHost } from './runnerHost.ts';
import type { RunnerHost } from './runnerHost.ts';
import { FrameInbox, type FrameInboxOptions } from './frameInbox.ts';
import { takeRelayed } from './eventsRelay.ts';
import { TraceGate, readRunnerMessage } from './runnerMessages.ts';
import { createSandboxHost, keepPythonCode } from './sandboxHost.ts';
import type { PythonStart } from './sandboxHost.ts';
import { fetchShippedSnapshot, loadPythonFiles } from './pythonAssetsLoader.ts';
import type { ShippedSnapshot } from './pythonAssetsLoader.ts';
import { readSavedContextText } from './savedContextText.ts';
import type { PythonFiles } from './pythonAssetsLoader.ts';

/** How long a runner may take to answer Stop before it is presumed stuck and replaced. */
export const STOP_GRACE_MS = 600;
/** Silence from a runner in the middle of a run after which it is presumed stuck (it beats every 250 ms). */
export const WATCHDOG_MS = 2_000;
/** How long a new runner may take to say hello (a cold start loads the runner's code first). */
export const READY_MS = 20_000;
/** A Python runner says hello once Python has started: seconds from scratch, far more on a busy machine. */
export const PYTHON_READY_MS = 120_000;
/** The longest a busy page puts off starting the next run's runner. */
const PREPARE_WITHIN_MS = 200;
/**
 * A new TypeScript runner's warm-up waits for the page to be idle this long at most: it takes a core
 * for 0.1 to 0.2 s (170 ms for a cold round in Node), which a page still drawing its first graph
 * should not share.
 */
const WARM_UP_WITHIN_MS = 2000;
/**
 * A runner's messages are taken in at most 3 ms of each frame while more wait (see FrameInbox): with
 * 6 ms the page missed about 19 frames in the second a 100,000-event run took to arrive. A message is
 * taken whole, so its size (the runner's MAX_BATCH) decides how far a frame's share can overrun.
 */
const INBOX: FrameInboxOptions = {
  budgetMs: 3,
  frame: typeof requestAnimationFrame === 'function' ? (callback) => void requestAnimationFrame(callback) : null,
  later: (callback, ms) => void setTimeout(callback, ms),
  clock: now,
  hidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
};
/** How long the sandbox frame has to answer a ping before its process is presumed dead. */
const PING_MS = 500;

/** Which kind of runner: one for compiled TypeScript, or one with Python started in it. */
export type RunnerKind = 'typescript' | 'python';

export interface RunnerClientOptions {
  /** Makes one runner; the default is a worker inside a sandboxed frame (with Python when asked). */
  makeHost?: (kind: RunnerKind, python: (() => Promise<PythonStart>) | null) => RunnerHost;
  /** Python's files for Python runners (default: fetched from the app's `pyodide/` folder once). */
  pythonFiles?: () => Promise<PythonFiles>;
  /** A runner worker on the page's own origin instead (not isolated; for tools and tests). */
  makeWorker?: () => Worker;
  graceMs?: number;
  watchdogMs?: number;
  /** Keeps Python's start-up snapshot across page loads (the page passes IndexedDB's; default none). */
  snapshotStore?: SnapshotStore | null;
  /**
   * The start-up snapshot the app ships and the key of the files it was made from, used when the store
   * has none for the page's files and the keys agree (default: fetched from the app's `pyodide/`
   * folder, unless `pythonFiles` is given).
   */
  shippedSnapshot?: (() => Promise<ShippedSnapshot | null>) | null;
  /**
   * Keeps Python's compiled code alive between runners, given its bytes; returns how to stop (default:
   * a code keeper frame beside the sandboxed runners, unless the runners are made some other way).
   */
  keepPythonCode?: ((wasm: () => Promise<ArrayBuffer>) => () => void) | null;
}

interface Connection {
  kind: RunnerKind;
  /**
   * Handed a run's code: from then on it runs user code, and what it says about Python is not trusted.
   * A runner taken for a run while Python was still starting is not handed the code until it says
   * hello, and its snapshot comes before that hello on the same port, so the first run's own runner
   * still gives the page its snapshot.
   */
  used: boolean;
  host: RunnerHost;
  api: Comlink.Remote<RunnerPortApi>;
  ready: Promise<boolean>;
  /** It has said hello (`ready` has resolved). */
  greeted: boolean;
  lastHeard: number;
  /** What the frame last reported about the worker failing, to explain a crash. */
  workerError: string | null;
  /** When the frame last answered a ping. */
  lastPong: number;
  /** The watchdog asked the frame whether it is alive and is waiting for the answer. */
  pingedAt: number | null;
  /** Done with: its run ended or it was replaced. Nothing it sends counts any more. */
  retired: boolean;
  /** Its messages that came and wait to be taken in (see FrameInbox); dropped when it is retired. */
  inbox: FrameInbox;
}

interface ActiveRun {
  token: number;
  /** When the runner was handed the run, for the benchmarks' measure of the time spent in it. */
  handedAt: number;
  /** The runner this run has to itself. */
  conn: Connection;
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
 * Every run gets a runner of its own (frame and worker), which is disposed of when the run ends: code
 * from a link cannot leave timers or patched prototypes behind to read or rewrite the next run. The
 * next runner is started as soon as the page is idle after a run, so Run does not wait for it.
 *
 * A run's runner is replaced, and the run ends as `restarted` with the reason, when: Stop gets no
 * answer in time; no heartbeat arrives for `watchdogMs` during a run (a synchronous loop); the user's
 * code closes the runner; or the runner dies (its port closes, e.g. out of memory). Every pending
 * call settles either way.
 */
export function createRunnerClient(options: RunnerClientOptions = {}): RunnerClient {
  const makeHost = options.makeHost ?? (options.makeWorker ? () => createWorkerHost(options.makeWorker!) : defaultHost);
  const pythonFiles = options.pythonFiles ?? loadPythonFiles;
  /**
   * Python's memory right after start-up, from the first Python runner (before it was given any run):
   * later Python runners start from it in about a second instead of several.
   */
  let snapshot: Uint8Array | null = null;
  /**
   * The snapshot came from an earlier page load or from the build: a runner that had to start from
   * scratch (it could not restore it) may replace it.
   */
  let snapshotKept = false;
  const snapshotStore = options.snapshotStore ?? null;
  const shippedSnapshot = options.shippedSnapshot !== undefined ? options.shippedSnapshot : options.pythonFiles ? null : fetchShippedSnapshot;
  /** The key of this page's Python files in the snapshot store, once they are loaded. */
  let keyOfFiles: Promise<string> | null = null;
  /**
   * The shipped snapshot while it is asked for: once, beside the files (a second runner started
   * before they arrive shares it), until their key decides whether it is used.
   */
  let shippedOffer: Promise<ShippedSnapshot | null> | null = null;
  /** Each runner gets its own copy: the frame hands the buffers on to its worker. */
  const pythonStart = async (): Promise<PythonStart> => {
    try {
      if (keyOfFiles === null && shippedSnapshot) shippedOffer ??= shippedSnapshot().catch(() => null);
      const files = await pythonFiles();
      if ((snapshotStore || shippedSnapshot) && keyOfFiles === null) {
        keyOfFiles = snapshotKey(files);
        const key = await keyOfFiles;
        const offer = shippedOffer;
        shippedOffer = null;
        // The page's own (kept after a start from scratch, even one the shipped snapshot failed) first.
        const kept = (await snapshotStore?.get(key)) ?? (await offer?.then((offered) => (offered?.key === key ? offered.bytes : null))) ?? null;
        if (kept && snapshot === null) [snapshot, snapshotKept] = [kept, true];
      }
      return { ...files, wasm: files.wasm.slice(0), stdlib: files.stdlib.slice(0), snapshot: snapshot ? snapshot.slice() : null };
    } catch (error) {
      // Python's files could not be had: the next try asks for the snapshot again as well.
      if (keyOfFiles === null) shippedOffer = null;
      return { failed: error instanceof Error ? error.message : String(error) };
    }
  };
  /** Python runners are kept ready only once the page has asked for Python. */
  let pythonWanted = false;
  const keepCode = options.keepPythonCode !== undefined ? options.keepPythonCode : options.makeHost || options.makeWorker ? null : keepPythonCode;
  /** Stops keeping Python's compiled code; set once the first Python runner has started. */
  let releaseCode: (() => void) | null = null;
  const graceMs = options.graceMs ?? STOP_GRACE_MS;
  const watchdogMs = options.watchdogMs ?? WATCHDOG_MS;
  let tokens = 0;
  const STRAY = 'a message posted on the runner’s global scope (postMessage from the code?)';
  let active: ActiveRun | null = null;
  let watchdog: ReturnType<typeof setInterval> | null = null;
  /** The runners the next runs will use, started ahead of time. */
  const spares: Record<RunnerKind, Connection | null> = { typescript: connect('typescript'), python: null };
  let disposed = false;

  function connect(kind: RunnerKind): Connection {
    const host = makeHost(kind, kind === 'python' ? pythonStart : null);
    const started = now();
    let hello!: () => void;
    const ready = new Promise<boolean>((resolve) => (hello = () => resolve(true)));
    // How long a runner takes to start, for the benchmarks (bench/pythonPage.ts reads the measures).
    void ready.then(() => performance.measure(`flowplay:${kind}-runner-start`, { start: started, end: now() }));
    const conn: Connection = { kind, used: false, host, api: Comlink.wrap<RunnerPortApi>(host.api), ready, greeted: false, lastHeard: now(), workerError: null, lastPong: 0, pingedAt: null, retired: false, inbox: new FrameInbox((batch) => takeRelayed(batch as MessageEvent, take), INBOX) };
    const take = (data: unknown) => {
      if (conn.retired) return;
      const read = readRunnerMessage(data);
      if (!read.ok) {
        active?.gate.refuse(read.reason);
        return;
      }
      const message = read.message;
      // With a frame, only its word counts for liveness: the events port can be handed to another
      // thread (a worker the user's code starts) that keeps beating while the runner is stuck.
      if (!host.supervisor) conn.lastHeard = now();
      // A runner speaks only for the run it was given; before that it may only say hello.
      const run = active?.conn === conn ? active : null;
      switch (message.type) {
        case 'hello':
          conn.greeted = true;
          // Python has compiled in this runner: from now on its code outlives it (see keepPythonCode).
          // The keeper compiles after a runner has, so the browser has the module to hand it; not
          // while a run waits for this runner (a cold page's first run), which would share the thread.
          if (conn.kind === 'python' && active?.conn !== conn && keepCode && releaseCode === null && !disposed) {
            releaseCode = keepCode(() => pythonFiles().then((files) => files.wasm.slice(0)));
          }
          hello();
          // A TypeScript runner warms its engine up once the page is idle, unless a run comes first.
          if (conn.kind === 'typescript') {
            whenIdle(WARM_UP_WITHIN_MS, () => {
              if (!conn.used && !conn.retired && !disposed) conn.api.warmUp().catch(() => {});
            });
          }
          return;
        case 'beat':
          return;
        case 'snapshot':
          // Only a runner that never ran any code speaks for Python's clean state.
          if (conn.kind === 'python' && !conn.used && (snapshot === null || snapshotKept)) {
            // A runner makes one only when it started from scratch (a kept snapshot it could not use, too).
            [snapshot, snapshotKept] = [message.bytes, false];
            const bytes = message.bytes.slice();
            if (snapshotStore && keyOfFiles) void keyOfFiles.then((key) => snapshotStore.put(key, bytes));
          }
          return;
        case 'closing':
          if (run) restart(run, 'closed');
          else retire(conn);
          return;
        case 'stray':
          run?.gate.refuse(STRAY);
          return;
        case 'trace':
          if (run && message.run === run.token) deliver(run, run.gate.accept(message.packet));
          return;
        case 'end':
          if (run && message.run === run.token) {
            performance.measure(`flowplay:${conn.kind}-run-in-runner`, { start: run.handedAt, end: now() });
            run.settle(message.error ? { kind: 'setup-error', error: message.error } : { kind: 'finished' });
          }
          return;
      }
    };
    // The relay's batches are taken in a frame's budget at a time, their data read only then (see takeRelayed).
    host.events.onmessage = (event: MessageEvent) => {
      if (!conn.retired) conn.inbox.push([event]);
    };
    if (host.supervisor) {
      host.supervisor.onmessage = (event: MessageEvent) => {
        if (conn.retired) return;
        const data = event.data as { type?: unknown; message?: unknown } | null;
        if (data?.type === 'stray' && active?.conn === conn) active.gate.refuse(STRAY);
        if (data?.type === 'worker-error' && typeof data.message === 'string') conn.workerError = data.message.slice(0, 500);
        if (data?.type === 'pong') conn.lastPong = now();
        if (data?.type === 'beat') conn.lastHeard = now();
      };
    }
    // Chromium tells a port when the other side is gone (the worker closed or died).
    host.api.addEventListener('close', () => {
      if (conn.retired) return;
      if (active?.conn === conn) restart(active, 'crashed');
      else retire(conn);
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

  /**
   * Ends a runner for good: its frame, its worker and anything its code started go with it. Nothing
   * it sends counts from now on; `putOff` puts off removing it until the page is idle (a run that
   * ended normally: removing a frame takes the page several milliseconds it owes the run's end).
   */
  function retire(conn: Connection, putOff = false): void {
    if (conn.retired) return;
    conn.retired = true;
    conn.inbox.clear();
    conn.api[Comlink.releaseProxy]();
    if (putOff) whenIdle(PREPARE_WITHIN_MS, () => conn.host.dispose());
    else conn.host.dispose();
    if (spares[conn.kind] === conn) spares[conn.kind] = null;
    prepare('typescript');
    if (pythonWanted) prepare('python');
  }

  /**
   * Starts the next run's runner once the page is idle (a run's playback may still be drawing), and
   * soon even if it is not: a Python runner takes a second or more to start, about as long as a user
   * takes to press Run again, so it starts while the last run plays back rather than after.
   */
  const preparing: Record<RunnerKind, boolean> = { typescript: false, python: false };
  function prepare(kind: RunnerKind): void {
    if (spares[kind] !== null || preparing[kind] || disposed) return;
    preparing[kind] = true;
    whenIdle(PREPARE_WITHIN_MS, () => {
      preparing[kind] = false;
      if (spares[kind] === null && !disposed) spares[kind] = connect(kind);
    });
  }

  function takeRunner(kind: RunnerKind): Connection {
    const conn = spares[kind] ?? connect(kind);
    spares[kind] = null;
    return conn;
  }

  function restart(run: ActiveRun, reason: RestartReason, waitedMs?: number): void {
    const detail = run.conn.workerError;
    retire(run.conn);
    run.settle({ kind: 'restarted', reason, ...(detail ? { detail } : {}), ...(waitedMs !== undefined ? { waitedMs } : {}) });
  }

  /**
   * A runner silent for `watchdogMs` is replaced. First the frame is asked whether it is alive: it
   * answers when only its worker is stuck (a loop), and cannot when its process died (out of memory),
   * which is how the page tells the user which of the two happened.
   */
  function watch(): void {
    watchdog ??= setInterval(() => {
      const run = active;
      if (!run) return;
      const conn = run.conn;
      if (now() - conn.lastHeard <= watchdogMs) {
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
      const kind: RunnerKind = request.python ? 'python' : 'typescript';
      if (kind === 'python') pythonWanted = true;
      const conn = takeRunner(kind);
      const run = activeRun(token, conn, sink, () => {
        if (active === run) {
          active = null;
          unwatch();
        }
        // Nothing survives a run: its runner goes, and the next one is started while the page is idle.
        retire(conn, true);
      });
      active = run;
      const asked = now();
      // A runner still starting skips the warm-up it has not begun: this run is waiting for it.
      if (kind === 'python' && !conn.greeted) conn.api.hurry().catch(() => {});
      const ready = await Promise.race([conn.ready, delay(kind === 'python' ? PYTHON_READY_MS : READY_MS).then(() => false)]);
      performance.measure(`flowplay:${kind}-run-waited-for-runner`, { start: asked, end: now() });
      if (active !== run) return run.ended;
      if (!ready) {
        run.settle({ kind: 'setup-error', error: { name: 'RunnerUnavailable', message: 'The runner did not start in time; press Run to try again.' } });
        return run.ended;
      }
      conn.lastHeard = now();
      conn.used = true;
      run.handedAt = now();
      watch();
      conn.api.run(request, token).catch((error: unknown) => {
        if (!conn.retired) run.settle({ kind: 'setup-error', error: toSetupError(error) });
      });
      return run.ended;
    },

    async stop(): Promise<'cancelled' | 'restarted' | 'idle'> {
      const running = active;
      if (!running) return 'idle';
      const conn = running.conn;
      const asked = now();
      const answered = await Promise.race([conn.api.cancel().then(() => true, () => false), delay(graceMs).then(() => false)]);
      if (answered) {
        // The engine finishes a cancelled run promptly; wait for its last batch, but not forever.
        const settled = await Promise.race([running.ended.then(() => true), delay(graceMs).then(() => false)]);
        if (settled) return 'cancelled';
      }
      const waitedMs = Math.round(now() - asked);
      if (active === running) restart(running, 'stopped', waitedMs);
      else running.settle({ kind: 'restarted', reason: 'stopped', waitedMs });
      return 'restarted';
    },

    async control(command: RunControl): Promise<void> {
      if (!active) return;
      // A runner stuck in user code cannot answer; Stop and the watchdog are the way out of that.
      await Promise.race([active.conn.api.control(command).catch(() => undefined), delay(graceMs)]);
    },

    async savedContext() {
      if (!active) return { ok: true as const, context: null };
      // A runner busy in user code cannot answer: say so rather than wait for it.
      const text = await Promise.race([active.conn.api.savedContext().catch(() => undefined), delay(graceMs).then(() => undefined)]);
      if (text === undefined) return { ok: false as const, error: 'The run did not answer in time' };
      return readSavedContextText(text);
    },

    prepare(kind: RunnerKind): void {
      if (kind === 'python') pythonWanted = true;
      prepare(kind);
    },

    dispose(): void {
      disposed = true;
      unwatch();
      if (active) retire(active.conn);
      for (const spare of Object.values(spares)) if (spare) retire(spare);
      releaseCode?.();
    },
  };
}

function defaultHost(_kind: RunnerKind, python: (() => Promise<PythonStart>) | null): RunnerHost {
  return createSandboxHost(() => import('virtual:flowplay-runner').then((module) => module.default), document, undefined, python);
}

function activeRun(token: number, conn: Connection, sink: TraceSink, onSettle: () => void): ActiveRun {
  let resolve!: (end: RunEnd) => void;
  const ended = new Promise<RunEnd>((r) => (resolve = r));
  let done = false;
  const gate = new TraceGate();
  return {
    token,
    handedAt: 0,
    conn,
    sink,
    gate,
    ended,
    settle(end) {
      // The first settlement wins: a replaced runner's late answer changes nothing.
      if (done) return;
      done = true;
      onSettle();
      const cut = gate.budget.summary();
      const withCut = cut ? { ...end, cut } : end;
      resolve(gate.dropped > 0 ? { ...withCut, dropped: gate.dropped, ...(gate.reason ? { droppedReason: gate.reason } : {}) } : withCut);
    },
  };
}

/** After the current task and any pending frames: the browser's idle callback where there is one. */
function whenIdle(timeout: number, callback: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => unknown }).requestIdleCallback;
  if (idle) idle(callback, { timeout });
  else setTimeout(callback, 0);
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
