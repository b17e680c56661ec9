import { describe, expect, it } from 'vitest';
import type { TraceBody, TraceRecord } from '../engine/trace.ts';
import { FoldCheckpoints } from './foldCheckpoints.ts';
import { PlaybackSchedule, ViewDeriver, deriveView } from './index.ts';
import type { RunView } from './index.ts';
import { RunFold } from './runFold.ts';

const stepInfo = (name: string, numWorkers: number) => ({ name, accepts: [], returns: [], numWorkers, gather: false, fanOut: false });

/**
 * A fan-out of `n` items to a two-worker step (so most deliveries queue), each item logging a line,
 * every seventh failing once and retrying, a gather that reports its progress, and a run that stops
 * with two invocations still running (cancelled by the run's end).
 */
function fanOutTrace(n: number): TraceRecord[] {
  const bodies: TraceBody[] = [
    { kind: 'run.started', workflow: 'W', steps: [stepInfo('start', 1), stepInfo('work', 2), stepInfo('gather', 1)], clock: 'virtual', speed: 1, seed: 1, timeout: null },
    { kind: 'event.emitted', event: 0, type: 'StartEvent', payload: {}, via: 'input', invocation: null, step: null, target: null, parent: null, to: [{ step: 'start', invocation: 0 }] },
    { kind: 'step.started', step: 'start', invocation: 0, worker: 1, events: [0], attempt: 1 },
  ];
  for (let i = 1; i <= n; i++) {
    bodies.push({ kind: 'event.emitted', event: i, type: 'Tick', payload: { i }, via: 'send', invocation: 0, step: 'start', target: null, parent: 0, to: [{ step: 'work', invocation: i, ...(i > 2 ? { queued: i - 3 } : {}) }] });
  }
  bodies.push({ kind: 'step.finished', step: 'start', invocation: 0, worker: 1, outputs: [], status: 'done' });
  let event = n + 1;
  let gather = 2 * n;
  for (let i = 1; i <= n - 2; i++) {
    bodies.push({ kind: 'step.started', step: 'work', invocation: i, worker: 1 + (i % 2), events: [i], attempt: 1 });
    bodies.push({ kind: 'log', level: i % 5 === 0 ? 'warn' : 'log', text: `item ${i}`, step: 'work', invocation: i });
    if (i % 7 === 0) {
      bodies.push({ kind: 'step.failed', step: 'work', invocation: i, worker: 1 + (i % 2), attempt: 1, error: { name: 'Error', message: `flaky ${i}` }, willRetry: true, retryDelay: 0 });
      bodies.push({ kind: 'step.queued', step: 'work', invocation: i, event: i, position: 0 });
      bodies.push({ kind: 'step.started', step: 'work', invocation: i, worker: 1 + (i % 2), events: [i], attempt: 2 });
    }
    const done = event++;
    bodies.push({ kind: 'step.finished', step: 'work', invocation: i, worker: 1 + (i % 2), outputs: [done], status: 'done' });
    bodies.push({ kind: 'event.emitted', event: done, type: 'Done', payload: { i }, via: 'return', invocation: i, step: 'work', target: null, parent: i, to: [{ step: 'gather', invocation: gather }] });
    bodies.push({ kind: 'step.started', step: 'gather', invocation: gather, worker: 1, events: [done], attempt: 1 });
    bodies.push({ kind: 'collect.progress', step: 'gather', invocation: gather, buffer: 'b', event: done, have: { Done: i }, need: { Done: n }, complete: false });
    bodies.push({ kind: 'step.finished', step: 'gather', invocation: gather, worker: 1, outputs: [], status: 'done' });
    gather++;
  }
  bodies.push({ kind: 'run.finished', status: 'failed', error: { name: 'Error', message: 'gave up', step: 'work' } });
  return bodies.map((body, seq) => ({ v: 2, runId: 'r1', seq: seq + 1, t: seq, ...body }) as TraceRecord);
}

/** What the page shows of a view, tokens and all, with the console as the lines shown. */
function shown(view: RunView): unknown {
  return { ...view, console: view.console.lines.slice(0, view.console.count) };
}

/** Cursors in a fixed shuffled order, so that half of the moves go backwards. */
function shuffledCursors(total: number, moves: number): number[] {
  return Array.from({ length: moves }, (_, i) => Math.round((((i * 37) % moves) / moves) * total));
}

describe('scrubbing from fold checkpoints', () => {
  const trace = fanOutTrace(60);
  const schedule = new PlaybackSchedule();
  schedule.extend(trace);

  it('shows at every cursor, forward and backward, exactly what a fold from the start shows', () => {
    const deriver = new ViewDeriver({ spacing: 8, limit: 6 });
    deriver.derive(null, trace, schedule.end + 10_000);
    for (const count of [...shuffledCursors(trace.length, 50), 0, trace.length, 3, trace.length - 1, 1]) {
      const now = schedule.times[Math.max(0, count - 1)]!;
      expect(shown(deriver.derive(null, trace, now, count))).toEqual(shown(deriveView(null, trace, now, count)));
    }
  });

  it('agrees while the run is still arriving in batches and the view jumps around it', () => {
    const deriver = new ViewDeriver({ spacing: 5, limit: 4 });
    const growing: TraceRecord[] = [];
    for (let at = 0; at < trace.length; at += 37) {
      growing.push(...trace.slice(at, at + 37));
      for (const count of [growing.length, Math.floor(growing.length / 3), growing.length - 2]) {
        const a = deriver.derive(null, growing, Number.MAX_SAFE_INTEGER, count);
        const b = deriveView(null, growing, Number.MAX_SAFE_INTEGER, count);
        expect(shown(a)).toEqual(shown(b));
      }
    }
  });

  it('keeps the console lines already shown as the same objects after a jump back and forth', () => {
    const deriver = new ViewDeriver({ spacing: 8 });
    const end = deriver.derive(null, trace, Number.MAX_SAFE_INTEGER);
    const lines = end.console.lines.slice(0, end.console.count);
    deriver.derive(null, trace, 0, 10);
    const again = deriver.derive(null, trace, Number.MAX_SAFE_INTEGER);
    expect(again.console.lines.slice(0, again.console.count)).toEqual(lines);
    again.console.lines.slice(0, again.console.count).forEach((line, i) => expect(line).toBe(lines[i]));
  });
});

describe('fold checkpoints', () => {
  const trace = fanOutTrace(200);

  it('stay within their limit by doubling the spacing, each still on a multiple of it', () => {
    const checkpoints = new FoldCheckpoints(4, 10);
    const fold = new RunFold();
    while (fold.cursor < trace.length) {
      fold.advance(trace, Math.min(trace.length, checkpoints.nextAfter(fold.cursor)));
      checkpoints.offer(fold);
    }
    expect(checkpoints.size).toBeLessThanOrEqual(10);
    expect(checkpoints.size).toBeGreaterThan(4);
    expect(checkpoints.spacing).toBeGreaterThan(4);
    const at = checkpoints.cursorBefore(trace.length - 1);
    expect(at % checkpoints.spacing).toBe(0);
    expect(trace.length - 1 - at).toBeLessThan(checkpoints.spacing);
  });

  it('give back a fold that, advanced to the end, equals one folded from the start', () => {
    const checkpoints = new FoldCheckpoints(16, 100);
    const fold = new RunFold();
    while (fold.cursor < trace.length) {
      fold.advance(trace, Math.min(trace.length, checkpoints.nextAfter(fold.cursor)));
      checkpoints.offer(fold);
    }
    const half = Math.floor(trace.length / 2);
    const totals = (f: RunFold) => ({ cursor: f.cursor, status: f.status, steps: [...f.steps.keys()].map((s) => f.stepView(s)), events: Object.fromEntries(f.eventCounts), lines: f.consoleCount, failed: f.failedStep, t: f.t });
    const restored = checkpoints.foldBefore(half)!;
    const at = restored.cursor;
    expect(at).toBe(checkpoints.cursorBefore(half));
    expect(half - at).toBeLessThan(16);
    restored.advance(trace, trace.length);
    expect(totals(restored)).toEqual(totals(RunFold.of(trace)));
    // Folding on from a snapshot leaves it as it was.
    expect(totals(checkpoints.foldBefore(half)!)).toEqual(totals(RunFold.of(trace, at)));
  });

  it('have nothing before the first spacing: a move there folds from the start', () => {
    const checkpoints = new FoldCheckpoints(16, 100);
    expect(checkpoints.foldBefore(15)).toBeNull();
    expect(checkpoints.cursorBefore(15)).toBe(0);
  });
});
