import type { GraphModel } from '../compiler/model.ts';
import type { RunFinishedRecord, RunStatus, TraceRecord } from '../engine/trace.ts';
import { FoldCheckpoints } from './foldCheckpoints.ts';
import { indexGraph } from './graphIndex.ts';
import type { GraphIndex } from './graphIndex.ts';
import { PlaybackSchedule } from './playbackSchedule.ts';
import { RunFold } from './runFold.ts';
import type { ConsoleLine, StepView } from './runFold.ts';
import { TokenHops } from './tokenHops.ts';
import type { TokenView } from './tokenHops.ts';

export { MAX_TOKENS_PER_EDGE } from './tokenHops.ts';
export type { TokenView } from './tokenHops.ts';

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
  return viewOf(RunFold.of(trace, cursor), new TokenHops(schedule, indexGraph(graph, workflowOf(trace))), trace, now);
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
  /** The tokens' hops, read once per record while the schedule and the graph stay the same. */
  private hops = new TokenHops(this.schedule, this.index);
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
    if (this.hops.schedule !== this.schedule || this.hops.index !== this.index) this.hops = new TokenHops(this.schedule, this.index);
    const view = viewOf(this.fold, this.hops, trace, now);
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

function viewOf(fold: RunFold, hops: TokenHops, trace: readonly TraceRecord[], now: number): RunView {
  const schedule = hops.schedule;
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
    tokens: tokensAt(fold, hops, trace, now),
    console: { lines: fold.console, count: fold.consoleCount },
    finished: fold.finished,
    failedStep: fold.failedStep,
  };
}

/** Tokens are the hops that set off within one hop's time before `now`. */
function tokensAt(fold: RunFold, hops: TokenHops, trace: readonly TraceRecord[], now: number): Record<string, TokenView[]> {
  const schedule = hops.schedule;
  // A delivery's token sets off at most one hop after its record's time.
  const from = schedule.cursorAt(now - 2 * schedule.timing.hop);
  // Once the run has finished nothing travels on to steps: they would arrive at cancelled steps.
  const stopAt = fold.finishedAt >= 0 ? schedule.times[fold.finishedAt]! : Number.POSITIVE_INFINITY;
  return hops.tokensAt(trace, from, fold.cursor, now, stopAt);
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
