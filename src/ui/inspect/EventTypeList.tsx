import { useStore } from 'zustand';
import { formatMoment, listedRange, seekSeq } from '../../inspect/index.ts';
import type { EventInstance } from '../../inspect/index.ts';
import { selectItem, setRecordCursor } from '../../state/index.ts';
import { eventColor } from '../graph/index.ts';
import { usePlayground } from '../playground.ts';

/** Rows drawn at once; a run that made more says so and lists the latest at the cursor. */
const LISTED = 200;

/**
 * What an event node stands for: every event of its type in the run, with its moment, who made it
 * and its fields on one line. Choosing one moves the playback to the moment it was emitted and
 * opens it; the ones the playback has not reached yet are listed too, marked as later.
 */
export function EventTypeList({ type, instances, seq }: { type: string; instances: readonly EventInstance[]; seq: number }) {
  const { run, ui, view } = usePlayground();
  const trace = useStore(run, (s) => s.trace);
  const schedule = useStore(view, (s) => s.schedule);
  const shown = instances.filter((e) => e.seq <= seq).length;
  const { from, to } = listedRange(instances.length, shown, LISTED);
  const listed = instances.slice(from, to);
  const open = (instance: EventInstance) => {
    const cursor = seekSeq(trace, schedule, instance.seq);
    setRecordCursor(run, cursor.count, cursor.now);
    selectItem(ui, { kind: 'event', id: instance.id });
  };
  return (
    <div className="inspector-body" data-kind="eventType" data-type={type}>
      <h3 className="inspector-title">
        <i className="type-dot" style={{ background: eventColor(type) }} />
        <span data-testid="inspector-type">{type}</span>
        <span className="muted" data-testid="event-type-count">
          {instances.length === 0 ? 'none in this run' : `${shown} of ${instances.length} ${instances.length === 1 ? 'event' : 'events'} so far`}
        </span>
      </h3>
      {instances.length === 0 ? (
        <p className="muted">No {type} was emitted in this run.</p>
      ) : (
        <>
          {from > 0 ? (
            <p className="muted" data-testid="event-type-listed">The latest {listed.length} at this moment are listed.</p>
          ) : to < instances.length ? (
            <p className="muted" data-testid="event-type-listed">The first {listed.length} are listed.</p>
          ) : null}
          <table className="event-type-list" data-testid="event-type-list">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">At</th>
                <th scope="col">From</th>
                <th scope="col">Fields</th>
              </tr>
            </thead>
            <tbody>
              {listed.map((instance) => {
                const later = instance.seq > seq;
                return (
                  <tr key={instance.id} data-event={instance.id} data-later={later || undefined}>
                    <td>
                      <button type="button" className="item-link item-event" onClick={() => open(instance)} title={`Go to the moment ${type} #${instance.id} was emitted and inspect it`}>
                        #{instance.id}
                      </button>
                    </td>
                    <td className="event-moment">
                      <span>{formatMoment(instance.t)}</span>
                      {later ? <> <span className="muted">(later)</span></> : null}
                    </td>
                    <td>{instance.producer ? `${instance.producer.step} #${instance.producer.invocation}` : <span className="muted">no step</span>}</td>
                    <td className="event-fields-summary">
                      <code title={instance.summary}>{instance.summary || '(no fields)'}</code>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
