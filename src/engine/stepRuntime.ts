/** Per-step state within one run: its queue, worker slots and collect buffers. */
import { CollectBuffer } from './collectBuffer.ts';
import { eventTypeName, typeOf, type Event } from './event.ts';
import { Fifo } from './fifo.ts';
import type { Invocation, Pending } from './invocation.ts';
import { MinHeap } from './minHeap.ts';
import type { StepDef } from './plan.ts';
import type { RunCore } from './runCore.ts';
import type { StepWaiter } from './waiters.ts';

export class StepRuntime {
  readonly queue = new Fifo<Pending>();
  running = 0;
  /**
   * Workers 1 to 31 in use, one bit each (bit 0 is worker 1): the lowest free number is the lowest
   * clear bit, with nothing to allocate. Numbers above 31 (a step with more workers) come from
   * `nextWorker` and go back into `free`, a heap made when the first one does.
   */
  private busy = 0;
  private free: MinHeap<number> | null = null;
  private nextWorker = 32;
  /** Invocations holding a worker slot, by worker number. */
  readonly slots: (Invocation | null)[] = [];
  /** `waitForEvent` waiters of this step (their invocations have ended as waiting). */
  waiters: StepWaiter[] | null = null;
  buffers: Map<string, CollectBuffer> | null = null;

  constructor(readonly def: StepDef) {}

  /** The lowest free worker number (1-based). */
  takeWorker(): number {
    const bit = ~this.busy & (this.busy + 1); // the lowest clear bit
    if (bit !== 0 && bit !== LAST_BIT) {
      this.busy |= bit;
      return 32 - Math.clz32(bit);
    }
    return this.free !== null && this.free.size > 0 ? this.free.pop()! : this.nextWorker++;
  }

  freeWorker(worker: number): void {
    this.slots[worker] = null;
    if (worker < 32) this.busy &= ~(1 << (worker - 1));
    else (this.free ??= new MinHeap<number>(lower)).push(worker);
  }

  buffer(id: string): CollectBuffer {
    this.buffers ??= new Map();
    let buffer = this.buffers.get(id);
    if (!buffer) this.buffers.set(id, (buffer = new CollectBuffer()));
    return buffer;
  }

  /** Running invocations: those the end of the run cancels. */
  live(): Invocation[] {
    return this.slots.filter((inv): inv is Invocation => inv !== null);
  }

  addWaiter(waiter: StepWaiter): void {
    (this.waiters ??= []).push(waiter);
  }

  /** The waiter `key` left by an invocation with this same input (a re-run sees its first call's). */
  findWaiter(key: string, input: Event | Event[]): StepWaiter | undefined {
    return this.waiters?.find((w) => w.key === key && w.input.input === input);
  }

  removeWaiter(waiter: StepWaiter): void {
    this.waiters = this.waiters?.filter((w) => w !== waiter) ?? null;
    if (this.waiters?.length === 0) this.waiters = null;
  }

  /** Types this step still waits for (neither resolved nor timed out). */
  waitingFor(): string[] {
    return (this.waiters ?? []).filter((w) => !w.resolved && !w.timedOut).map((w) => eventTypeName(w.type));
  }
}

/** Bit 31 would be worker 32, which the heap numbers instead. */
const LAST_BIT = 1 << 31;

function lower(a: number, b: number): boolean {
  return a < b;
}

/** At the end of a run: what was still running is cancelled, queued work dropped, buffers reported. */
export function closeStep(run: RunCore, rt: StepRuntime): void {
  if (rt.running === 0 && rt.queue.length === 0 && rt.buffers === null) return; // the usual end: nothing left
  const name = rt.def.name;
  for (const inv of rt.live()) {
    inv.settled = true;
    if (run.traceStore) run.traceFinished(rt, inv.invocation, inv.worker, 0, 'cancelled');
  }
  const queued = rt.queue.drain();
  if (!run.traceStore) return;
  for (const pending of queued) {
    for (const id of typeof pending.eventIds === 'number' ? [pending.eventIds] : pending.eventIds) {
      run.traceDropped(id, name, 'run-ended');
    }
  }
  for (const [buffer, content] of rt.buffers ?? []) {
    const left = content.leftovers();
    if (left.length === 0) continue;
    const types: Record<string, number> = {};
    for (const b of left) types[typeOf(b.ev)] = (types[typeOf(b.ev)] ?? 0) + 1;
    run.trace({ v: 2, runId: '', seq: 0, t: 0, kind: 'collect.leftover', step: name, buffer, events: left.map((b) => b.id), types });
  }
}
