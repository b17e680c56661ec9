import { useRef } from 'react';
import { useStore } from 'zustand';
import type { TraceRecord } from '../../engine/trace.ts';
import { TraceIndex } from '../../inspect/index.ts';
import { usePlayground } from '../playground.ts';

/**
 * The lookup tables of the run shown, extended as records arrive (a new run gets a new index). Re-renders
 * the caller when records arrive; the index object is reused, so read it during render only.
 */
export function useTraceIndex(): { index: TraceIndex; trace: readonly TraceRecord[]; length: number } {
  const { run } = usePlayground();
  const trace = useStore(run, (s) => s.trace);
  const length = useStore(run, (s) => s.length);
  const held = useRef<{ trace: readonly TraceRecord[]; index: TraceIndex } | null>(null);
  if (held.current?.trace !== trace) held.current = { trace, index: new TraceIndex() };
  if (held.current.index.length < length) held.current.index.extend(trace);
  return { index: held.current.index, trace, length };
}

/** The seq of the last record shown at the view's cursor (-1 when none): what the inspector answers for. */
export function useCursorSeq(): number {
  const { run, view } = usePlayground();
  const cursor = useStore(view, (s) => s.view.cursor);
  const trace = useStore(run, (s) => s.trace);
  return cursor === 0 ? -1 : (trace[cursor - 1]?.seq ?? -1);
}

/** The record with this seq (seq grows along a trace; binary search). */
export function recordBySeq(trace: readonly TraceRecord[], seq: number): TraceRecord | undefined {
  let lo = 0;
  let hi = trace.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = trace[mid]!.seq;
    if (at === seq) return trace[mid];
    if (at < seq) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
