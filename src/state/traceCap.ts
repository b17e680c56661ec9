import type { TraceRecord } from '../engine/trace.ts';

/**
 * Records of one run the page keeps: a whole 100,000-event run (about 350,000 records in trace
 * version 2), and a run at the engine's event cap replayed up to a point; small enough that a
 * runaway run cannot exhaust the tab.
 */
export const MAX_KEPT_RECORDS = 400_000;

/**
 * Keeps the first records of a run and counts the rest. The view of a run is a fold from its
 * first record, so it is the tail that goes, not the head: what is kept still replays exactly up to
 * the cut, and the run's end (`run.finished`) is always kept so the result and its error still show,
 * as are the ends of invocations that started before the cut (a step that failed shows failed).
 */
export class TraceCap {
  private readonly max: number;
  private kept = 0;
  private readonly cut = new Map<string, number>();
  /** Invocations started within the kept head: their ends are kept too, so no step stays "running". */
  private readonly started = new Set<number>();
  private cutTotal = 0;

  constructor(max = MAX_KEPT_RECORDS) {
    this.max = max;
  }

  take(batch: readonly TraceRecord[]): readonly TraceRecord[] {
    if (this.kept + batch.length <= this.max) {
      this.kept += batch.length;
      for (const record of batch) if (record.kind === 'step.started') this.started.add(record.invocation);
      return batch;
    }
    const out: TraceRecord[] = [];
    for (const record of batch) {
      if (this.kept < this.max && record.kind === 'step.started') this.started.add(record.invocation);
      if (this.kept < this.max || record.kind === 'run.finished' || this.endsKeptInvocation(record)) {
        this.kept++;
        out.push(record);
      } else {
        this.cutTotal++;
        this.cut.set(record.kind, (this.cut.get(record.kind) ?? 0) + 1);
      }
    }
    return out;
  }

  private endsKeptInvocation(record: TraceRecord): boolean {
    return (record.kind === 'step.finished' || record.kind === 'step.failed') && this.started.has(record.invocation);
  }

  /** What was not kept, for a note at the end of the run; null when everything was. */
  summary(): string | null {
    if (this.cutTotal === 0) return null;
    const kinds = [...this.cut.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([kind, n]) => `${n.toLocaleString('en')} ${kind}`)
      .join(', ');
    return (
      `The trace reached ${this.max.toLocaleString('en')} records, the most the page keeps for one run: ` +
      `${this.cutTotal.toLocaleString('en')} later records were not kept (${kinds}). ` +
      'The graph and timeline show the run up to that point; the result is the run’s real end.'
    );
  }
}
