import type { Delivery } from '../engine/trace.ts';
import { ShapeError, isPlainObject } from './checkShape.ts';

/** The fields of a version 1 `event.delivered` record; anything else on one is refused, as the validator would. */
const DELIVERED_FIELDS = new Set(['v', 'runId', 'seq', 't', 'kind', 'event', 'step', 'invocation']);

/**
 * Converts the records of a version 1 trace (a run file saved before the lean trace) into version 2,
 * which the validator then checks like any other trace. Version 1 wrote an `event.delivered` record
 * after each `event.emitted`, and a `step.queued` right after a delivery that had to wait for a worker;
 * version 2 carries both in the event's record (`to`, with `queued`). Every other record keeps its
 * fields, `seq` and `t`: a record's identity is (runId, seq), so the records that remain are the same
 * records, and the folded ones leave gaps in `seq`.
 *
 * Works on untrusted values: it only moves fields it has checked the shape of into place, and leaves
 * everything else for the validator to judge.
 *
 * @example
 * const v2 = traceFromV1(JSON.parse(text).trace); // then TraceValidator.check each record
 */
export function traceFromV1(trace: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  const emitted = new Map<unknown, Delivery[]>();
  /** The delivery just read: a `step.queued` of the same invocation and event right after it belongs to it. */
  let last: { event: unknown; invocation: unknown; delivery: Delivery } | null = null;
  trace.forEach((value, i) => {
    const previous = last;
    last = null;
    if (!isPlainObject(value) || value.v !== 1) {
      out.push(value);
      return;
    }
    const record: Record<string, unknown> = { ...value, v: 2 };
    switch (record.kind) {
      case 'event.emitted': {
        const to: Delivery[] = [];
        record.to = to;
        if (!emitted.has(record.event)) emitted.set(record.event, to);
        break;
      }
      case 'event.delivered': {
        const where = `trace[${i}] (event.delivered)`;
        for (const key of Object.keys(record)) if (!DELIVERED_FIELDS.has(key)) throw new ShapeError(`${where} has an unknown field "${key}"`);
        const to = emitted.get(record.event);
        if (!to) throw new ShapeError(`${where}.event refers to event ${JSON.stringify(record.event)}, which was not emitted before it`);
        // Its step and invocation are checked where they land, as fields of the event's `to`.
        const delivery = { step: record.step, invocation: record.invocation } as Delivery;
        to.push(delivery);
        last = { event: record.event, invocation: record.invocation, delivery };
        return;
      }
      case 'step.queued':
        if (previous && previous.invocation === record.invocation && previous.event === record.event && typeof record.position === 'number') {
          previous.delivery.queued = record.position;
          return;
        }
        break;
      default:
        break;
    }
    out.push(record);
  });
  return out;
}
