import type { GraphModel } from '../compiler/model.ts';
import type { RunFinishedRecord, RunStatus, TraceRecord } from '../engine/trace.ts';
import { FoldCheckpoints } from './foldCheckpoints.ts';
import { indexGraph } from './graphIndex.ts';
import type { GraphIndex } from './graphIndex.ts';
import { PlaybackSchedule } from './playbackSchedule.ts';
import { RunFold } from './runFold.ts';
import type { ConsoleLine, StepView } from './runFold.ts';

export interface TokenView {
  /** Stable while the token travels: `<event id>:<hop target>`, or `group:<n>` for a collapsed bunch. */
  key: string;
  type: string;
  /** 0 at the source end of the edge, 1 at the target end. */
  progress: number;
  /** How many events this token stands for (many on one edge collapse into one count). */
  count: number;
}

export interface RunView {
  status: 'idle' | 'running' | RunStatus;
  workflow: string | null;
  /** Records shown (a prefix of the trace) and records recorded. */
  cursor: number;
  total: number;
  /** Playback time (presentation ms at 1x) and the schedule's end. */
  now: number;
  end: number;
  /** Workflow time (ms) of the last record shown. */
  t: number;
  steps: Record<string, StepView>;
  /** Events emitted so far, per type. */
  events: Record<string, number>;
  /** Tokens in flight, per graph edge id. */
  tokens: Record<string, TokenView[]>;
  /** Append-only while playing forward; `count` lines of it are shown. */
  console: { lines: readonly ConsoleLine[]; count: number };
  finished: RunFinishedRecord | null;
  /** The first step that failed for good, to say where a failed run broke. */
  failedStep: string | null;
}

/** More tokens than this on one edge collapse into counted bunches. */
export const MAX_TOKENS_PER_EDGE = 5;

/**
 * The whole picture of a run at playback time `now`, from the graph and the trace alone. Live view,
 * replay and scrubbing all call this (through `ViewDeriver`, which only caches the fold).
 *
 * `count` caps the records shown: several records often share one presentation time, and stepping
 * record by record must be able to stop inside such a group, which a time alone cannot express.
 */
export function deriveView(graph: GraphModel | null, trace: readonly TraceRecord[], now: number, count?: number | null): RunView {
  const schedule = new PlaybackSchedule();
  schedule.extend(trace);
  const cursor = cursorOf(schedule, now, count);
  return viewOf(RunFold.of(trace, cursor), schedule, trace, indexGraph(graph, workflowOf(trace)), now);
}

/**
 * Same results as `deriveView`, reusing the fold while the cursor moves forward on one trace, and
 * starting from the nearest checkpoint when it moves back or far ahead: a scrubber move anywhere in a
 * run refolds at most one checkpoint spacing of records.
 */
export class ViewDeriver {
  private trace: readonly TraceRecord[] | null = null;
  private schedule = new PlaybackSchedule();
  private fold = new RunFold();
  private checkpoints: FoldCheckpoints;
  private readonly newCheckpoints: () => FoldCheckpoints;

  /** `spacing` and `limit` set the checkpoints' first spacing and their number (see `FoldCheckpoints`). */
  constructor(checkpoints: { spacing?: number; limit?: number } = {}) {
    this.newCheckpoints = () => new FoldCheckpoints(checkpoints.spacing, checkpoints.limit);
    this.checkpoints = this.newCheckpoints();
  }
  private graph: GraphModel | null = null;
  private indexedWorkflow: string | null = null;
  private index: GraphIndex = indexGraph(null, null);
  private previous: RunView | null = null;

  derive(graph: GraphModel | null, trace: readonly TraceRecord[], now: number, count?: number | null): RunView {
    this.scheduleFor(trace);
    const cursor = cursorOf(this.schedule, now, count);
    this.moveFold(trace, cursor);
    const workflow = workflowOf(trace);
    if (graph !== this.graph || workflow !== this.indexedWorkflow) {
      this.graph = graph;
      this.indexedWorkflow = workflow;
      this.index = indexGraph(graph, workflow);
    }
    const view = viewOf(this.fold, this.schedule, trace, this.index, now);
    this.previous = shareUnchanged(this.previous, view);
    return this.previous;
  }

  /** Brings the fold to `cursor`, from a checkpoint when that saves work, offering checkpoints on the way. */
  private moveFold(trace: readonly TraceRecord[], cursor: number): void {
    const fold = this.fold;
    if (cursor < fold.cursor || this.checkpoints.cursorBefore(cursor) > fold.cursor) {
      // A new fold shares the lines already written, so the console keeps its line objects.
      this.fold = this.checkpoints.foldBefore(cursor) ?? new RunFold(fold.sharedData());
    }
    while (this.fold.cursor < cursor) {
      this.fold.advance(trace, Math.min(cursor, this.checkpoints.nextAfter(this.fold.cursor)));
      this.checkpoints.offer(this.fold);
    }
  }

  /** The schedule of `trace`, brought up to date (a new trace starts afresh). */
  scheduleFor(trace: readonly TraceRecord[]): PlaybackSchedule {
    if (trace !== this.trace || trace.length < this.schedule.length) {
      this.trace = trace;
      this.schedule = new PlaybackSchedule();
      this.fold = new RunFold();
      this.checkpoints = this.newCheckpoints();
      this.previous = null;
    }
    this.schedule.extend(trace);
    return this.schedule;
  }
}

function cursorOf(schedule: PlaybackSchedule, now: number, count: number | null | undefined): number {
  const atTime = schedule.cursorAt(now);
  return count === undefined || count === null ? atTime : Math.max(0, Math.min(count, atTime));
}

function workflowOf(trace: readonly TraceRecord[]): string | null {
  const first = trace[0];
  return first?.kind === 'run.started' ? first.workflow : null;
}

function viewOf(
  fold: RunFold,
  schedule: PlaybackSchedule,
  trace: readonly TraceRecord[],
  index: GraphIndex,
  now: number,
): RunView {
  const steps: Record<string, StepView> = {};
  for (const name of fold.steps.keys()) steps[name] = fold.stepView(name);
  const events: Record<string, number> = {};
  for (const [type, count] of fold.eventCounts) events[type] = count;
  return {
    status: fold.status,
    workflow: fold.workflow,
    cursor: fold.cursor,
    total: trace.length,
    now,
    end: schedule.end,
    t: fold.t,
    steps,
    events,
    tokens: tokensAt(fold, schedule, trace, index, now),
    console: { lines: fold.console, count: fold.consoleCount },
    finished: fold.finished,
    failedStep: fold.failedStep,
  };
}

/**
 * Tokens are the hops that set off within one hop's time before `now`. A fan-out of thousands puts
 * thousands of records in that window, so the scan allocates nothing per record: it counts per edge
 * first, then draws single tokens only where there are few and counted bunches elsewhere.
 */
function tokensAt(
  fold: RunFold,
  schedule: PlaybackSchedule,
  trace: readonly TraceRecord[],
  index: GraphIndex,
  now: number,
): Record<string, TokenView[]> {
  const hop = schedule.timing.hop;
  // A delivery's token sets off at most one hop after its record's time.
  const from = schedule.cursorAt(now - 2 * hop);
  // Once the run has finished nothing travels on to steps: they would arrive at cancelled steps.
  const stopAt = fold.finishedAt >= 0 ? schedule.times[fold.finishedAt]! : Number.POSITIVE_INFINITY;
  const counts = new Map<string, number>();
  visitTokens(fold, schedule, trace, index, now, from, stopAt, (edge) => counts.set(edge, (counts.get(edge) ?? 0) + 1));
  if (counts.size === 0) return {};
  const perEdge: Record<string, TokenView[]> = {};
  const bunches = new Map<string, TokenView>();
  visitTokens(fold, schedule, trace, index, now, from, stopAt, (edge, type, progress, key) => {
    const list = (perEdge[edge] ??= []);
    if (counts.get(edge)! <= MAX_TOKENS_PER_EDGE) {
      list.push({ key: key(), type, progress, count: 1 });
      return;
    }
    // Bunched by type and by tenth of the edge, each bunch drawn once with its count.
    const slot = Math.min(9, Math.floor(progress * 10));
    const id = `${edge}|${type}@${slot}`;
    const bunch = bunches.get(id);
    if (bunch) {
      bunch.count++;
      bunch.progress = Math.max(bunch.progress, progress);
    } else {
      const created = { key: `group:${type}@${slot}`, type, progress, count: 1 };
      bunches.set(id, created);
      list.push(created);
    }
  });
  return perEdge;
}

type TokenVisitor = (edge: string, type: string, progress: number, key: () => string) => void;

function visitTokens(
  fold: RunFold,
  schedule: PlaybackSchedule,
  trace: readonly TraceRecord[],
  index: GraphIndex,
  now: number,
  from: number,
  stopAt: number,
  visit: TokenVisitor,
): void {
  const hop = schedule.timing.hop;
  for (let i = from; i < fold.cursor; i++) {
    const r = trace[i]!;
    if (r.kind !== 'event.emitted') continue;
    const p = schedule.tokenStarts[i]!;
    if (r.step !== null && !Number.isNaN(p) && p <= now && now - p < hop) {
      const edge = index.producedEdge(r.step, r.type);
      if (edge !== undefined) visit(edge, r.type, (now - p) / hop, () => `${r.event}:event`);
    }
    // Its deliveries set off from the event node once the token got there (at once for an input event).
    const q = schedule.deliveryStart(i, r);
    if (r.to.length === 0 || q > now || now - q >= hop || q >= stopAt) continue;
    for (const d of r.to) {
      const edge = index.consumedEdge(r.type, d.step);
      if (edge !== undefined) visit(edge, r.type, (now - q) / hop, () => `${r.event}:${d.step}`);
    }
  }
}

/** Keeps the previous object for every step whose numbers did not change, so React skips it. */
function shareUnchanged(previous: RunView | null, next: RunView): RunView {
  if (!previous) return next;
  for (const name of Object.keys(next.steps)) {
    const before = previous.steps[name];
    if (before && sameStep(before, next.steps[name]!)) next.steps[name] = before;
  }
  return next;
}

function sameStep(a: StepView, b: StepView): boolean {
  return (
    a.state === b.state &&
    a.running === b.running &&
    a.queued === b.queued &&
    a.numWorkers === b.numWorkers &&
    a.done === b.done &&
    a.failed === b.failed &&
    a.cancelled === b.cancelled &&
    a.error === b.error &&
    a.collect === b.collect
  );
}
