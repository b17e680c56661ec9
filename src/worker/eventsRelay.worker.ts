/// <reference lib="webworker" />
import { RelayQueue, isRelayCommand, relayTransfers } from './eventsRelayBatch.ts';

/**
 * The page's relay for its runners' events ports (see eventsRelay.ts): a runner's messages arrive
 * here, on a thread of the page's that runs nothing else, and go on to the page's main thread in
 * batches (see RelayQueue). A fan-out starts thousands of steps a second and the runner posts each
 * start at once, so that the page learns which step a frozen runner was in: each was a message of a
 * few records for the page's main thread, a task of its own run ahead of drawing frames. A 10,000-
 * event fan-out came as about 10,400 messages; through the relay it comes as about 500.
 */

const relays = new Map<number, { from: MessagePort; to: MessagePort; queue: RelayQueue }>();

self.onmessage = (event: MessageEvent) => {
  const command = event.data;
  if (!isRelayCommand(command)) return;
  if (command.type === 'detach') {
    const relay = relays.get(command.id);
    if (!relay) return;
    relays.delete(command.id);
    relay.queue.clear();
    relay.from.close();
    relay.to.close();
    return;
  }
  const { from, to } = command;
  const post = (batch: unknown[]) => {
    try {
      to.postMessage(batch, relayTransfers(batch));
    } catch {
      // A buffer that cannot move (one the runner listed twice, say): copied instead.
      to.postMessage(batch);
    }
  };
  const queue = new RelayQueue(post, () => performance.now(), (callback, ms) => setTimeout(callback, ms), (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  relays.set(command.id, { from, to, queue });
  from.onmessage = (message: MessageEvent) => queue.take(message.data);
};
