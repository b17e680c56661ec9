import type { TraceRecord } from '../engine/trace.ts';

/**
 * Names for a run's ids that do not move when something earlier happens once more or once less.
 * Event and invocation ids count up through the run, so one extra event renumbers every later one;
 * `StepTwoEvent#2` (the second event of that type) and `stepTwo#3` (that step's third invocation)
 * stay put, so two runs can be lined up record by record past the place where they part.
 */
export class StableIds {
  private readonly events = new Map<number, string>();
  private readonly invocations = new Map<number, string>();

  constructor(trace: readonly TraceRecord[]) {
    const types = new Map<string, number>();
    const steps = new Map<string, number>();
    const invocation = (step: string | null, id: number | null | undefined) => {
      if (step === null || id === null || id === undefined || this.invocations.has(id)) return;
      const n = (steps.get(step) ?? 0) + 1;
      steps.set(step, n);
      this.invocations.set(id, `${step}#${n}`);
    };
    for (const r of trace) {
      if (r.kind === 'event.emitted') {
        const n = (types.get(r.type) ?? 0) + 1;
        types.set(r.type, n);
        this.events.set(r.event, `${r.type}#${n}`);
        invocation(r.step, r.invocation);
        for (const d of r.to) invocation(d.step, d.invocation);
      } else if ('invocation' in r && 'step' in r) {
        invocation(r.step, r.invocation);
      }
    }
  }

  event(id: number | null | undefined): string | number | null | undefined {
    return typeof id === 'number' ? (this.events.get(id) ?? id) : id;
  }

  invocation(id: number | null | undefined): string | number | null | undefined {
    return typeof id === 'number' ? (this.invocations.get(id) ?? id) : id;
  }

  /** The record with its ids under their stable names, without its run id and record number. */
  view(record: TraceRecord): Record<string, unknown> {
    const { runId: _runId, seq: _seq, ...rest } = record as TraceRecord & Record<string, unknown>;
    const out: Record<string, unknown> = rest;
    if ('event' in rest) out.event = this.event(rest.event as number | null);
    if ('parent' in rest) out.parent = this.event(rest.parent as number | null);
    if ('invocation' in rest) out.invocation = this.invocation(rest.invocation as number | null);
    if ('rerunOf' in rest) out.rerunOf = this.invocation(rest.rerunOf as number);
    for (const list of ['events', 'outputs'] as const) if (Array.isArray(rest[list])) out[list] = (rest[list] as number[]).map((id) => this.event(id));
    if (Array.isArray(rest.to)) out.to = (rest.to as { invocation: number }[]).map((d) => ({ ...d, invocation: this.invocation(d.invocation) }));
    return out;
  }

  /**
   * What the record is about, whatever it says of it: its kind and the event, invocation, state key
   * or input it concerns. Two records with the same subject that differ are one record changed.
   */
  subject(record: TraceRecord): string {
    const r = record as TraceRecord & Record<string, unknown>;
    return [r.kind, this.event(r.event as number | undefined), this.invocation(r.invocation as number | undefined), r.key, r.input, r.param].join('\u0000');
  }
}
