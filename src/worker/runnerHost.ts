import { relayEvents } from './eventsRelay.ts';

/**
 * One runner instance as the page holds it: the ports it talks on and a way to end it for good.
 * Replacing a runner means disposing its host and making a new one.
 */
export interface RunnerHost {
  /** The runner's API (Comlink) port. */
  api: MessagePort;
  /**
   * Trace batches, run ends and heartbeats from the runner, untrusted, validated on arrival: they
   * arrive in arrays, through the page's relay (eventsRelay.ts).
   */
  events: MessagePort;
  /**
   * Reports from the frame hosting the runner (worker errors, stray messages, and the runner thread's
   * beats, which only that thread can send there), when there is one.
   */
  supervisor: MessagePort | null;
  dispose(): void;
}

/**
 * A runner in a worker of the page's own origin, for hosts without the sandbox page (tests, tools).
 * It is not isolated from the page's storage; the playground uses `createSandboxHost`.
 */
export function createWorkerHost(makeWorker: () => Worker): RunnerHost {
  const worker = makeWorker();
  const api = new MessageChannel();
  const events = new MessageChannel();
  const supervisor = new MessageChannel();
  worker.addEventListener('error', (event) => {
    supervisor.port2.postMessage({ type: 'worker-error', message: event.message || 'the runner failed to load' });
  });
  worker.addEventListener('message', (message: MessageEvent) => {
    const beat = (message.data as { type?: unknown } | null)?.type === 'flowplay:beat';
    supervisor.port2.postMessage({ type: beat ? 'beat' : 'stray' });
  });
  // Same process as the page: if the page can ask, it is alive.
  supervisor.port2.onmessage = () => supervisor.port2.postMessage({ type: 'pong' });
  worker.postMessage({ type: 'flowplay:connect', api: api.port2, events: events.port2 }, [api.port2, events.port2]);
  const relayed = relayEvents(events.port1);
  return {
    api: api.port1,
    events: relayed.port,
    supervisor: supervisor.port1,
    dispose() {
      api.port1.close();
      relayed.close();
      supervisor.port1.close();
      worker.terminate();
    },
  };
}
