import { relayTransfers } from './eventsRelayBatch.ts';
import type { RelayCommand } from './eventsRelayBatch.ts';

/**
 * A runner's events port as the page reads it: its messages arrive in batches (arrays, in the
 * order the runner sent them) through the page's relay worker (eventsRelay.worker.ts), at most one
 * batch per runner per frame, however many messages the runner posts. One relay serves every runner
 * of the page, for the page's lifetime.
 *
 * Where no relay can be had (no Worker, or it failed to start), each message is handed on as a batch
 * of one on this thread: slower in a big fan-out, the same otherwise.
 */
export interface RelayedEvents {
  /** Where the batches arrive. */
  port: MessagePort;
  /** Stops relaying: both ports are closed. */
  close(): void;
}

let relay: Worker | null | undefined;
let ids = 0;

function relayWorker(): Worker | null {
  if (relay !== undefined) return relay;
  try {
    relay = typeof Worker === 'undefined' ? null : new Worker(new URL('./eventsRelay.worker.ts', import.meta.url), { type: 'module', name: 'flowplay-events' });
    // A relay that fails to load takes the runners attached to it along: their watchdog replaces
    // them, and later runners are relayed on this thread.
    relay?.addEventListener('error', () => {
      relay = null;
    });
  } catch {
    relay = null;
  }
  return relay;
}

/**
 * Hands each message of one of the relay's batches to `take`, in order. The browser copies a
 * message's data out only when `data` is first read (about a millisecond for 2,000 records), so the
 * page reads it when it takes the batch in, within its frame's budget (FrameInbox), not as the batch
 * arrives. A message that throws does not keep the others from `take`; the first
 * error is thrown after them.
 */
export function takeRelayed(batch: { readonly data: unknown }, take: (message: unknown) => void): void {
  const data = batch.data;
  if (!Array.isArray(data)) return;
  let failure: { error: unknown } | null = null;
  for (const message of data) {
    try {
      take(message);
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}

/** Relays the page's end of a runner's events port (`runnerSide`'s other end is the runner's). */
export function relayEvents(runnerSide: MessagePort): RelayedEvents {
  const channel = new MessageChannel();
  const worker = relayWorker();
  if (worker === null) {
    runnerSide.onmessage = (event: MessageEvent) => channel.port2.postMessage([event.data], relayTransfers([event.data]));
    return {
      port: channel.port1,
      close() {
        runnerSide.close();
        channel.port1.close();
        channel.port2.close();
      },
    };
  }
  const id = ids++;
  const attach: RelayCommand = { type: 'attach', id, from: runnerSide, to: channel.port2 };
  worker.postMessage(attach, [runnerSide, channel.port2]);
  return {
    port: channel.port1,
    close() {
      channel.port1.close();
      worker.postMessage({ type: 'detach', id } satisfies RelayCommand);
    },
  };
}
