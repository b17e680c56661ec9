/**
 * Typed fan-out / fan-in (spec §6). A step that returns an array opens a batch; every event that
 * descends from it carries the batch, and each delivery of such an event to an ordinary step counts as
 * work in flight. Events of the batch that reach one of its gather steps are held in that step's bucket.
 * When nothing of the batch is in flight any more, every gather step is called once with its bucket.
 * A batch opened inside another keeps the outer one open until it completes.
 */
import type { Event } from './event.ts';
import type { StepDef } from './plan.ts';

export interface Bucket {
  readonly events: Event[];
  readonly ids: number[];
  /** Invocation id the gather call will have, assigned when the batch opens. */
  readonly invocation: number;
}

export class Batch {
  inflight = 0;
  readonly buckets = new Map<StepDef, Bucket>();
  completed = false;

  constructor(
    readonly parent: Batch | null,
    targets: readonly StepDef[],
    nextInvocationId: () => number,
  ) {
    for (const step of targets) this.buckets.set(step, { events: [], ids: [], invocation: nextInvocationId() });
    if (parent) parent.inflight++;
  }

  bucketFor(step: StepDef): Bucket | undefined {
    return this.buckets.get(step);
  }
}
