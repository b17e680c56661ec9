import type { ErrorInfo, TraceRecord } from '../engine/trace.ts';
import { BarIndex } from './barIndex.ts';

/**
 * One attempt of one invocation on the timeline: a waiting part (`waitFrom` -> `start`: queued for a
 * worker, or the delay before a retry) and a running part (`start` -> `end`).
 */
export interface TimelineBar {
  /** `<invocation>.<attempt>`, stable while the run grows. */
  key: string;
  invocation: number;
  step: string;
  attempt: number;
  /** The worker it runs on; lane 0 while it waits for one. */
  lane: number;
  worker: number | null;
  /** Input event ids (known once it starts; until then, what was delivered). */
  inputs: number[];
  wait: 'queue' | 'retry';
  waitFrom: number;
  start: number | null;
  /** End of the running part; for a live bar, the cursor's time. */
  end: number | null;
  outcome: 'done' | 'failed' | 'retried' | 'cancelled' | 'waiting' | null;
  error: ErrorInfo | null;
  /** Still waiting or running at the cursor. */
  live: boolean;
  /** Record indices (-1: not yet) that opened, started and ended it, for clipping at a cursor. */
  openedAt: number;
  startedAt: number;
  endedAt: number;
}

/** `caught`: a step failed for good and its failure went to a `@catchError` step. */
export type MarkerKind = 'emitted' | 'failed' | 'retry' | 'caught' | 'cancelled' | 'waiting' | 'rerun' | 'collect' | 'dropped' | 'unhandled' | 'paused' | 'run-end';

export interface TimelineMarker {
  kind: MarkerKind;
  /** Index of its record in the trace, and the record's seq. */
  index: number;
  seq: number;
  time: number;
  /** The row it is drawn in: a step, or `RUN_ROW` for what no step produced. */
  row: string;
  lane: number;
  invocation: number | null;
  event: number | null;
  /** Event type for `emitted` / `dropped` / `unhandled`. */
  type: string | null;
  /** Short text for a tooltip: `StepTwoEvent #5 (sent)`, `2/3`, `boom: kaput`. */
  label: string;
}

export interface TimelineRow {
  /** The step's name, or `RUN_ROW`. */
  id: string;
  numWorkers: number;
  /** Lanes in drawing order: 0 (waiting) when anything waited, then every worker number used. */
  lanes: number[];
  /** In the order they were opened (record order). */
  bars: TimelineBar[];
  /** In record order. */
  markers: TimelineMarker[];
}

/** The row for input and external events and the run's end. */
export const RUN_ROW = '(run)';

/**
 * Builds the timeline of a trace incrementally: `extend` takes the new records of an append-only
 * trace, so a live run costs only what arrived. The result holds every record seen; `timelineAt`
 * clips it to a cursor without rebuilding anything.
 *
 * `times` places records on the time axis: the playback schedule's presentation times (so the
 * timeline's cursor matches the animated graph), or, when left out, the records' workflow time `t`.
 */
export class TimelineBuilder {
  readonly rows = new Map<string, TimelineRow>();
  /** Time of the last record seen. */
  end = 0;
  length = 0;
  private readonly openBar = new Map<number, TimelineBar>();
  private readonly pendingBy = new Map<string, TimelineBar>();
  private readonly laneOf = new Map<number, number>();
  private readonly eventType = new Map<number, string>();
  private readonly eventStep = new Map<number, string>();
  private readonly indexes = new Map<string, BarIndex>();

  constructor() {
    this.row(RUN_ROW, 1);
  }

  extend(records: readonly TraceRecord[], times?: readonly number[]): void {
    for (let i = this.length; i < records.length; i++) {
      const r = records[i]!;
      const time = times ? times[i]! : r.t;
      this.end = Math.max(this.end, time);
      this.add(r, i, time);
    }
    this.length = records.length;
  }

  /** The row's bars in the orders a cursor asks about (see BarIndex). */
  index(row: TimelineRow): BarIndex {
    return this.indexes.get(row.id)!;
  }

  private row(id: string, numWorkers: number): TimelineRow {
    let row = this.rows.get(id);
    if (!row) {
      row = { id, numWorkers, lanes: [], bars: [], markers: [] };
      this.rows.set(id, row);
      this.indexes.set(id, new BarIndex(row.bars));
    }
    return row;
  }

  /**
   * Adds `lane` to the row's sorted lanes. Called for every bar: a step with tens of thousands of
   * workers made a scan and a sort per bar quadratic (seconds to open the timeline); lanes mostly
   * arrive in order, so the usual case is a push, and the rest a binary search.
   */
  private useLane(row: TimelineRow, lane: number): void {
    const lanes = row.lanes;
    const n = lanes.length;
    if (n === 0 || lanes[n - 1]! < lane) {
      lanes.push(lane);
      return;
    }
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lanes[mid]! < lane) lo = mid + 1;
      else hi = mid;
    }
    if (lanes[lo] !== lane) lanes.splice(lo, 0, lane);
  }

  private open(step: string, invocation: number, attempt: number, wait: 'queue' | 'retry', time: number, index: number, inputs: number[]): TimelineBar {
    const row = this.row(step, 1);
    const bar: TimelineBar = {
      key: `${invocation}.${attempt}`,
      invocation,
      step,
      attempt,
      lane: 0,
      worker: null,
      inputs,
      wait,
      waitFrom: time,
      start: null,
      end: null,
      outcome: null,
      error: null,
      live: true,
      openedAt: index,
      startedAt: -1,
      endedAt: -1,
    };
    row.bars.push(bar);
    this.index(row).opened(bar);
    this.openBar.set(invocation, bar);
    return bar;
  }

  private close(bar: TimelineBar, outcome: NonNullable<TimelineBar['outcome']>, time: number, index: number): void {
    bar.outcome = outcome;
    bar.end = time;
    bar.endedAt = index;
    bar.live = false;
    this.indexes.get(bar.step)!.endedBar(bar);
    if (this.openBar.get(bar.invocation) === bar) this.openBar.delete(bar.invocation);
  }

  private marker(r: TraceRecord, index: number, time: number, m: Omit<TimelineMarker, 'index' | 'seq' | 'time'>): void {
    this.row(m.row, 1).markers.push({ ...m, index, seq: r.seq, time });
  }

  private add(r: TraceRecord, i: number, time: number): void {
    switch (r.kind) {
      case 'run.started':
        for (const s of r.steps) this.row(s.name, Math.max(1, s.numWorkers));
        break;
      case 'event.emitted': {
        this.eventType.set(r.event, r.type);
        const row = r.step ?? RUN_ROW;
        this.eventStep.set(r.event, row);
        const how = r.via === 'send' && r.target !== null ? `sent to ${r.target}` : r.via;
        this.marker(r, i, time, { kind: 'emitted', row, lane: this.lane(r.invocation), invocation: r.invocation, event: r.event, type: r.type, label: `${r.type} #${r.event} (${how})` });
        for (const d of r.to) {
          const open = this.openBar.get(d.invocation);
          // A gather step's batch arrives as several deliveries to one invocation.
          if (open) open.inputs.push(r.event);
          else this.open(d.step, d.invocation, 1, 'queue', time, i, [r.event]);
          this.pendingBy.set(`${r.event}\u0000${d.step}`, this.openBar.get(d.invocation)!);
        }
        break;
      }
      case 'step.queued':
        if (!this.openBar.has(r.invocation)) this.open(r.step, r.invocation, 1, 'queue', time, i, [r.event]);
        break;
      case 'step.started': {
        let bar = this.openBar.get(r.invocation);
        if (!bar || bar.startedAt >= 0) bar = this.open(r.step, r.invocation, r.attempt, 'queue', time, i, []);
        bar.start = time;
        bar.startedAt = i;
        bar.worker = r.worker;
        bar.lane = r.worker;
        bar.inputs = r.events;
        this.laneOf.set(r.invocation, r.worker);
        this.useLane(this.row(r.step, 1), r.worker);
        this.indexes.get(bar.step)!.startedBar(bar);
        if (r.rerunOf !== undefined) {
          this.marker(r, i, time, { kind: 'rerun', row: r.step, lane: r.worker, invocation: r.invocation, event: null, type: null, label: `${r.step} runs again from the top (re-run of #${r.rerunOf})` });
        }
        break;
      }
      case 'step.finished': {
        const bar = this.openBar.get(r.invocation);
        if (bar) this.close(bar, r.status, time, i);
        if (r.status === 'cancelled') {
          this.marker(r, i, time, { kind: 'cancelled', row: r.step, lane: this.lane(r.invocation), invocation: r.invocation, event: null, type: null, label: `${r.step} cancelled` });
        } else if (r.status === 'waiting') {
          this.marker(r, i, time, { kind: 'waiting', row: r.step, lane: this.lane(r.invocation), invocation: r.invocation, event: null, type: null, label: `${r.step} ended at waitForEvent; it runs again when the event arrives` });
        }
        break;
      }
      case 'step.failed': {
        const bar = this.openBar.get(r.invocation);
        const lane = this.lane(r.invocation);
        if (bar) {
          bar.error = r.error;
          this.close(bar, r.willRetry ? 'retried' : 'failed', time, i);
        }
        const text = `attempt ${r.attempt}: ${r.error.name}: ${r.error.message}`;
        const kind = r.willRetry ? 'retry' : r.caughtBy ? 'caught' : 'failed';
        const label = r.willRetry ? `${text} (retrying in ${r.retryDelay ?? 0}s)` : r.caughtBy ? `${text} (handed to ${r.caughtBy})` : text;
        this.marker(r, i, time, { kind, row: r.step, lane, invocation: r.invocation, event: null, type: null, label });
        if (r.willRetry) this.open(r.step, r.invocation, r.attempt + 1, 'retry', time, i, bar?.inputs ?? []);
        break;
      }
      case 'collect.progress': {
        const have = Object.values(r.have).reduce((a, b) => a + b, 0);
        const need = Object.values(r.need).reduce((a, b) => a + b, 0);
        this.marker(r, i, time, { kind: 'collect', row: r.step, lane: this.lane(r.invocation), invocation: r.invocation, event: r.event, type: this.eventType.get(r.event) ?? null, label: `${have}/${need}${r.complete ? ' complete' : ''}` });
        break;
      }
      case 'event.dropped': {
        const pending = r.step === null ? undefined : this.pendingBy.get(`${r.event}\u0000${r.step}`);
        // A delivery that never got a worker before the run ended: its bar ends where it waited.
        if (pending && pending.startedAt < 0 && pending.endedAt < 0) this.close(pending, 'cancelled', time, i);
        const type = this.eventType.get(r.event) ?? null;
        const row = r.step ?? this.eventStep.get(r.event) ?? RUN_ROW;
        this.marker(r, i, time, { kind: 'dropped', row, lane: 0, invocation: null, event: r.event, type, label: `${type ?? 'event'} #${r.event} dropped (${r.reason})` });
        break;
      }
      case 'event.unhandled':
        this.marker(r, i, time, { kind: 'unhandled', row: this.eventStep.get(r.event) ?? RUN_ROW, lane: 0, invocation: null, event: r.event, type: r.type, label: `${r.type} #${r.event}: no step accepts it` });
        break;
      case 'run.paused':
        // Step mode and breakpoints hold an invocation back before it starts: mark it on its step's row.
        this.marker(r, i, time, { kind: 'paused', row: r.step ?? RUN_ROW, lane: 0, invocation: r.invocation, event: null, type: null, label: `paused (${r.reason})` });
        break;
      case 'run.finished':
        this.marker(r, i, time, { kind: 'run-end', row: RUN_ROW, lane: 0, invocation: null, event: r.event ?? null, type: null, label: r.error ? `${r.status}: ${r.error.message}` : r.status });
        break;
      default:
        break;
    }
  }

  private lane(invocation: number | null): number {
    return invocation === null ? 0 : (this.laneOf.get(invocation) ?? 0);
  }
}
