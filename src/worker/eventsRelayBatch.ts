/**
 * What the events relay (eventsRelay.worker.ts) does with one runner's messages, apart from the
 * worker so that it can be tested without one, and what the page and the relay agree on.
 */
import { isTracePacket, joinPackets } from '../engine/traceDecoder.ts';
import type { TracePacket } from '../engine/traceStore.ts';
import { MAX_BATCH } from './traceBatcher.ts';

/** At most one batch per runner this often: about one per animation frame. */
export const RELAY_MS = 16;

/**
 * A batch goes at once when it holds this many messages, or trace rows: the page reads a batch in
 * one task, at some microseconds a row (each record is checked), and 500 rows keep it to a few
 * milliseconds. Packets are joined up to as many rows; one that does not fit beside what waits (a
 * runner's full batch, MAX_BATCH rows, fills the bound alone) goes as a packet of its own.
 */
export const RELAY_MAX_MESSAGES = 256;
export const RELAY_MAX_ROWS = 500;

/** The page tells the relay to carry a runner's events port, or to drop it. */
export type RelayCommand = { type: 'attach'; id: number; from: MessagePort; to: MessagePort } | { type: 'detach'; id: number };

export function isRelayCommand(value: unknown): value is RelayCommand {
  const command = value as Partial<RelayCommand> | null;
  if (typeof command !== 'object' || command === null || typeof command.id !== 'number') return false;
  if (command.type === 'detach') return true;
  return command.type === 'attach' && command.from instanceof MessagePort && command.to instanceof MessagePort;
}

/** Trace packets of one run that followed each other, to go as one message. */
interface Joined {
  run: unknown;
  packets: TracePacket[];
  rows: number;
}

/**
 * One runner's messages on their way to the page. Trace batches and beats wait for the next batch
 * (the first after a quiet spell goes at once, the others at most one per RELAY_MS); anything else
 * (a run's end, hello, a snapshot) goes at once with what waits before it, so the page never hears
 * of a run's end before its last records. Trace packets of one run that follow each other are joined
 * (`joinPackets`) up to RELAY_MAX_ROWS rows; a message that is not a well-formed packet of at most
 * MAX_BATCH rows is passed on as it came, for the page to refuse.
 */
export class RelayQueue {
  private queue: (Joined | { message: unknown })[] = [];
  private rows = 0;
  private timer: unknown = null;
  private last = -Infinity;

  constructor(
    private readonly post: (batch: unknown[]) => void,
    private readonly clock: () => number,
    private readonly later: (callback: () => void, ms: number) => unknown,
    private readonly cancel: (timer: unknown) => void,
  ) {}

  take(data: unknown): void {
    const m = data as { type?: unknown; run?: unknown; packet?: unknown } | null;
    const type = m?.type;
    if (type === 'trace' && isTracePacket(m!.packet, MAX_BATCH)) {
      const packet = m!.packet as TracePacket;
      const rows = packet.times.length;
      const tail = this.queue[this.queue.length - 1];
      if (tail && 'packets' in tail && tail.run === m!.run && tail.rows + rows <= RELAY_MAX_ROWS) {
        tail.packets.push(packet);
        tail.rows += rows;
      } else this.queue.push({ run: m!.run, packets: [packet], rows });
      this.rows += rows;
    } else this.queue.push({ message: data });
    if ((type !== 'trace' && type !== 'beat') || this.queue.length >= RELAY_MAX_MESSAGES || this.rows >= RELAY_MAX_ROWS) {
      this.send();
      return;
    }
    if (this.timer !== null) return;
    const wait = this.last + RELAY_MS - this.clock();
    if (wait <= 0) this.send();
    else this.timer = this.later(() => this.send(), wait);
  }

  /** Sends what waits, and stops the timer. */
  send(): void {
    if (this.timer !== null) {
      this.cancel(this.timer);
      this.timer = null;
    }
    if (this.queue.length === 0) return;
    const batch = this.queue.map((entry) => ('packets' in entry ? { type: 'trace', run: entry.run, packet: joinPackets(entry.packets) } : entry.message));
    this.queue = [];
    this.rows = 0;
    this.last = this.clock();
    this.post(batch);
  }

  /** Drops what waits: its runner is gone. */
  clear(): void {
    if (this.timer !== null) this.cancel(this.timer);
    this.timer = null;
    this.queue = [];
    this.rows = 0;
  }
}

/**
 * The buffers of a batch that can move on to the page rather than be copied again: the typed arrays
 * of trace packets and a snapshot's bytes (tens of megabytes), each once. The messages are the
 * runner's, so nothing else is looked at.
 */
export function relayTransfers(batch: readonly unknown[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (value: unknown) => {
    if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
  };
  for (const message of batch) {
    const m = message as { type?: unknown; packet?: Record<string, unknown>; bytes?: unknown } | null;
    if (typeof m !== 'object' || m === null) continue;
    if (m.type === 'trace' && typeof m.packet === 'object' && m.packet !== null) {
      add(m.packet.ints);
      add(m.packet.times);
      add(m.packet.list);
    } else if (m.type === 'snapshot') add(m.bytes);
  }
  return [...buffers];
}
