/**
 * What a run showed, in terms both languages share: its end, what it printed, and facts read from the
 * trace (how often each step ran and how many at once, attempts, cancellations, waits, collect progress,
 * state, the stream). Step names are the code's own, so the cases name their steps alike in both.
 */
import type { JsonValue, RunStatus, TraceRecord } from '../../../src/engine/index.ts';

export interface Observed {
  status: RunStatus | 'no run';
  result: JsonValue | undefined;
  /** The run's error: its name and message (a Python error's message is its traceback). */
  error: string | null;
  lines: string[];
  /** step.started records per step (a retry or a re-run after waitForEvent counts again). */
  started: Record<string, number>;
  /** The most invocations of each step running at the same moment. */
  maxRunning: Record<string, number>;
  /** The highest attempt number each step reached. */
  attempts: Record<string, number>;
  /** step.failed records per step. */
  failed: Record<string, number>;
  /** step.finished records per step and status (`done`, `cancelled`, `waiting`). */
  finished: Record<string, Record<string, number>>;
  /** Per collecting step, each collect.progress as "have/need" over all types. */
  collect: Record<string, string[]>;
  /** Each state key's last value. */
  state: Record<string, JsonValue>;
  /** Types published on the stream, in order. */
  streamed: string[];
  /** Types waited for with waitForEvent, and how each wait ended. */
  waits: string[];
  /** What each step got for its resource parameters: `step.param factory #instance`, ` made` when the factory ran for it. */
  resources: string[];
}

const bump = (counts: Record<string, number>, key: string, by = 1) => (counts[key] = (counts[key] ?? 0) + by);

/** The facts of the first run in `trace` (a file may start more than one). */
export function observe(trace: TraceRecord[], lines: string[], error: unknown): Observed {
  const runId = trace.find((r) => r.kind === 'run.started')?.runId;
  const records = trace.filter((r) => r.runId === runId);
  const out: Observed = { status: 'no run', result: undefined, error: null, lines, started: {}, maxRunning: {}, attempts: {}, failed: {}, finished: {}, collect: {}, state: {}, streamed: [], waits: [], resources: [] };
  const running: Record<string, number> = {};
  for (const r of records) {
    switch (r.kind) {
      case 'run.finished':
        out.status = r.status;
        out.result = r.result;
        if (r.error) out.error = `${r.error.name}: ${r.error.message}`;
        break;
      case 'step.started':
        bump(out.started, r.step);
        out.maxRunning[r.step] = Math.max(out.maxRunning[r.step] ?? 0, bump(running, r.step));
        out.attempts[r.step] = Math.max(out.attempts[r.step] ?? 0, r.attempt);
        break;
      case 'step.finished':
        bump(running, r.step, -1);
        bump((out.finished[r.step] ??= {}), r.status);
        break;
      case 'step.failed':
        bump(running, r.step, -1);
        bump(out.failed, r.step);
        break;
      case 'collect.progress': {
        const sum = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((a, b) => a + b, 0);
        (out.collect[r.step] ??= []).push(`${sum(r.have)}/${sum(r.need)}`);
        break;
      }
      case 'state.changed':
        out.state[r.key] = r.value;
        break;
      case 'stream.published':
        out.streamed.push(r.type);
        break;
      case 'resource.injected':
        out.resources.push(`${r.step}.${r.param} ${r.resource} #${r.instance}${r.created ? ' made' : ''}`);
        break;
      case 'wait.finished':
        out.waits.push(`${r.type} ${r.event === null ? 'timed out' : 'answered'}`);
        break;
      default:
        break;
    }
  }
  // A file whose code failed outside a run (or before one started) shows its error here.
  if (out.error === null && error !== undefined) out.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return out;
}
