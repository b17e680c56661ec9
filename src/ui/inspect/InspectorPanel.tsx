import { useStore } from 'zustand';
import { describeEvent, describeInvocation, eventsOfType, stateAt } from '../../inspect/index.ts';
import { selectionKey } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';
import { EventDetails } from './EventDetails.tsx';
import { EventTypeList } from './EventTypeList.tsx';
import { InvocationDetails } from './InvocationDetails.tsx';
import { JsonTree } from './JsonTree.tsx';
import { ForkHereButton } from '../timetravel/ForkHereButton.tsx';
import { useCursorSeq, useTraceIndex } from './useTraceIndex.ts';

/**
 * The selected event or invocation, and the run's state, as they stood at the playback cursor: the
 * inspector follows the scrubber like the graph does, so going back in time shows what was known then.
 */
export function InspectorPanel() {
  const { ui, view } = usePlayground();
  const selection = useStore(ui, (s) => s.selection);
  const t = useStore(view, (s) => s.view.t);
  const { index } = useTraceIndex();
  const seq = useCursorSeq();
  const event = selection?.kind === 'event' ? describeEvent(index, selection.id, seq) : null;
  const invocation = selection?.kind === 'invocation' ? describeInvocation(index, selection.id, seq, t) : null;
  const state = stateAt(index, seq);
  const keys = Object.keys(state.values);
  return (
    <section className="inspector" data-testid="inspector" data-selection={selectionKey(selection)} data-seq={seq} aria-label="Inspector">
      <div className="inspector-main">
        {!selection ? (
          <p className="inspector-empty muted">
            Click a token, an event node, a timeline bar or marker, or a console line to inspect it here.
          </p>
        ) : selection.kind === 'eventType' ? (
          <EventTypeList type={selection.type} instances={eventsOfType(index, selection.type)} seq={seq} />
        ) : event ? (
          <EventDetails event={event} count={eventsOfType(index, event.type, seq).length} action={<ForkHereButton />} />
        ) : invocation ? (
          <InvocationDetails invocation={invocation} action={<ForkHereButton />} />
        ) : (
          <p className="inspector-empty muted" data-testid="inspector-not-yet">
            {selection.kind === 'event' ? 'Event' : 'Invocation'} #{selection.id} does not exist yet at this point of the run.
          </p>
        )}
      </div>
      <aside className="inspector-state" data-testid="inspector-state" data-keys={keys.join(',')}>
        <h4>State at the cursor</h4>
        {keys.length === 0 ? <p className="muted">No ctx.set values yet.</p> : <JsonTree value={state.values} />}
      </aside>
    </section>
  );
}
