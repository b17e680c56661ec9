/**
 * Human in the loop, as the page sees it: the question a run is waiting on. A step asks by
 * publishing an InputRequiredEvent on the run's stream (its `prefix` is the question, in the
 * matching `event.emitted` record); every answer comes back as an external HumanResponseEvent.
 */
import type { TraceRecord } from '../engine/trace.ts';

export interface PendingQuestion {
  /** 0 for the run's first question, 1 for the second, ... */
  index: number;
  prefix: string;
}

/** What the scan of one trace has found so far: the trace is append-only, so only new records are read. */
interface Scan {
  scanned: number;
  finished: boolean;
  readonly published: Set<number>;
  readonly prefixes: Map<number, string>;
  readonly asked: number[];
  answered: number;
}

const SCANS = new WeakMap<readonly TraceRecord[], Scan>();

/**
 * The question the run waits on, or null. Called on every appended batch of a live run, so it reads
 * each record once per trace (a full scan per batch made a 50,000-record run quadratic and starved
 * the page's frames).
 */
export function pendingQuestion(trace: readonly TraceRecord[]): PendingQuestion | null {
  let scan = SCANS.get(trace);
  if (!scan || scan.scanned > trace.length) {
    scan = { scanned: 0, finished: false, published: new Set(), prefixes: new Map(), asked: [], answered: 0 };
    SCANS.set(trace, scan);
  }
  for (let i = scan.scanned; i < trace.length && !scan.finished; i++) {
    const record = trace[i]!;
    if (record.kind === 'run.finished') scan.finished = true;
    else if (record.kind === 'event.emitted') {
      if (record.type === 'InputRequiredEvent') scan.prefixes.set(record.event, prefixOf(record.payload));
      // An answer with no question of this trace open answers one asked before it: a run resumed
      // from a saved one is sent the answer its saved run waited for. It answers none of the new ones.
      if (record.type === 'HumanResponseEvent' && record.via === 'external' && scan.answered < scan.asked.length) scan.answered++;
    } else if (record.kind === 'stream.published' && record.type === 'InputRequiredEvent' && !scan.published.has(record.event)) {
      scan.published.add(record.event);
      scan.asked.push(record.event);
    }
  }
  scan.scanned = trace.length;
  if (scan.finished || scan.asked.length <= scan.answered) return null;
  const event = scan.asked[scan.answered]!;
  return { index: scan.answered, prefix: scan.prefixes.get(event) ?? '' };
}

function prefixOf(payload: unknown): string {
  const prefix = typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>).prefix : undefined;
  return typeof prefix === 'string' ? prefix : String(prefix ?? '');
}
