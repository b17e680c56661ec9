import { useStore } from 'zustand';
import type { TraceRecord } from '../../engine/trace.ts';
import { openForkEditor, setRecordCursor } from '../../state/index.ts';
import type { Selection } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';

/**
 * "Fork from here" on an inspector item (an event, or an invocation, clicked in the graph, the
 * timeline or the console): moves the scrubber to the moment just before it and opens the fork
 * editor on its event.
 */
export function ForkHereButton() {
  const { ui, run, view } = usePlayground();
  const selection = useStore(ui, (s) => s.selection);
  const trace = useStore(run, (s) => s.trace);
  const length = useStore(run, (s) => s.length);
  const busy = useStore(run, (s) => s.engine === 'running');
  const moment = selection ? momentBefore(trace.length === length ? trace : trace.slice(0, length), selection) : null;
  if (!moment || busy) return null;
  return (
    <button
      type="button"
      className="btn-small fork-here"
      data-testid="fork-from-item"
      title={`Fork the run just before this: the ${moment.at} records before it are replayed, then you change what happens here`}
      onClick={() => {
        setRecordCursor(run, moment.at, view.getState().schedule.times[moment.at - 1] ?? 0);
        openForkEditor(ui, { event: moment.event });
      }}
    >
      Fork from here…
    </button>
  );
}

/** The records before the item happened, and the event a fork there would change. */
function momentBefore(trace: readonly TraceRecord[], selection: Selection): { at: number; event: number } | null {
  for (const r of trace) {
    if (r.kind !== 'event.emitted') continue;
    if (selection.kind === 'event' && r.event === selection.id) return { at: r.seq - 1, event: r.event };
    if (selection.kind === 'invocation' && r.to.some((d) => d.invocation === selection.id)) return { at: r.seq - 1, event: r.event };
  }
  return null;
}
