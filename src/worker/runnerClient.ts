import * as Comlink from 'comlink';
import type { RunControl, RunEnd, RunRequest, RunnerApi, RunnerClient, TraceSink } from './protocol.ts';

/** How long a runner may take to answer Stop before it is presumed stuck and replaced. */
export const STOP_GRACE_MS = 600;

export interface RunnerClientOptions {
  makeWorker?: () => Worker;
  graceMs?: number;
}

interface Connection {
  worker: Worker;
  port: MessagePort;
  api: Comlink.Remote<RunnerApi>;
}

/**
 * The page's side of the runner. It talks to the runner worker over a MessagePort of its own (not the
 * worker's global port) so that the runner can later move into a sandboxed frame unchanged. A runner
 * that does not answer Stop in time (user code in `while (true) {}`) is terminated and replaced; the
 * pending run then ends as `restarted`, so Stop always works and the next Run starts at once.
 */
export function createRunnerClient(options: RunnerClientOptions = {}): RunnerClient {
  const makeWorker =
    options.makeWorker ??
    (() => new Worker(new URL('./runner.worker.ts', import.meta.url), { type: 'module', name: 'flowplay-runner' }));
  const graceMs = options.graceMs ?? STOP_GRACE_MS;
  let connection = connect(makeWorker);
  let pending: PendingRun | null = null;

  function replace(): void {
    connection.api[Comlink.releaseProxy]();
    connection.port.close();
    connection.worker.terminate();
    connection = connect(makeWorker);
  }

  return {
    run(request: RunRequest, sink: TraceSink): Promise<RunEnd> {
      const current = pendingRun(() => {
        if (pending === current) pending = null;
      });
      pending = current;
      connection.api.run(request, Comlink.proxy(sink)).then(
        (error) => current.settle(error ? { kind: 'setup-error', error } : { kind: 'finished' }),
        (error: unknown) => current.settle({ kind: 'setup-error', error: toSetupError(error) }),
      );
      return current.ended;
    },

    async stop(): Promise<'cancelled' | 'restarted' | 'idle'> {
      const running = pending;
      if (!running) return 'idle';
      const answered = await Promise.race([
        connection.api.cancel().then(() => true, () => false),
        delay(graceMs).then(() => false),
      ]);
      if (answered) {
        // The engine finishes a cancelled run promptly; wait for its last batch, but not forever.
        const settled = await Promise.race([running.ended.then(() => true), delay(graceMs).then(() => false)]);
        if (settled) return 'cancelled';
      }
      replace();
      running.settle({ kind: 'restarted' });
      return 'restarted';
    },

    async control(command: RunControl): Promise<void> {
      if (!pending) return;
      // A runner stuck in user code cannot answer; Stop is the way out of that, not this.
      await Promise.race([connection.api.control(command).catch(() => undefined), delay(graceMs)]);
    },

    dispose(): void {
      connection.worker.terminate();
    },
  };
}

interface PendingRun {
  ended: Promise<RunEnd>;
  /** The first settlement wins: a replaced runner's late answer changes nothing. */
  settle(end: RunEnd): void;
}

function pendingRun(onSettle: () => void): PendingRun {
  let resolve!: (end: RunEnd) => void;
  const ended = new Promise<RunEnd>((r) => (resolve = r));
  let done = false;
  return {
    ended,
    settle(end) {
      if (done) return;
      done = true;
      onSettle();
      resolve(end);
    },
  };
}

function connect(makeWorker: () => Worker): Connection {
  const worker = makeWorker();
  const channel = new MessageChannel();
  worker.postMessage({ type: 'flowplay:connect', port: channel.port2 }, [channel.port2]);
  return { worker, port: channel.port1, api: Comlink.wrap<RunnerApi>(channel.port1) };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function toSetupError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
