import type { ReactNode } from 'react';
import { formatMoment } from '../../inspect/index.ts';
import type { EventDescription, EventOrigin } from '../../inspect/index.ts';
import { eventColor } from '../graph/index.ts';
import { ItemLink } from './ItemLink.tsx';
import { JsonTree } from './JsonTree.tsx';

const HOW: Record<EventOrigin, string> = {
  returned: 'returned',
  sent: 'sent with ctx.sendEvent',
  targeted: 'sent to one step',
  streamed: 'written to the stream',
  input: 'the run’s input',
  external: 'sent from outside the run',
};

/**
 * One event: its type, fields, who made it and how, who received it, and its causal chain; with the
 * way to every event of its type so far (`count`), since an event node stands for all of them.
 * `action` ends the title row (Fork from here).
 */
export function EventDetails({ event, count, action }: { event: EventDescription; count: number; action?: ReactNode }) {
  return (
    <div className="inspector-body" data-kind="event" data-event={event.id}>
      <h3 className="inspector-title">
        <i className="type-dot" style={{ background: eventColor(event.type) }} />
        <span data-testid="inspector-type">{event.type}</span>
        <span className="muted">#{event.id}</span>
        <span className="inspector-title-end">
          <span className="inspector-when">{(event.t / 1000).toFixed(2)}s</span>
          {count > 1 ? (
            <ItemLink item={{ kind: 'eventType', type: event.type }}>
              all {count} {event.type} events
            </ItemLink>
          ) : null}
          {action}
        </span>
      </h3>
      <dl className="inspector-facts">
        <dt>Produced by</dt>
        <dd data-testid="inspector-producer">
          {event.producer ? (
            <ItemLink item={{ kind: 'invocation', id: event.producer.invocation }}>
              {event.producer.step} #{event.producer.invocation}
            </ItemLink>
          ) : (
            <span className="muted">no step</span>
          )}{' '}
          <span className="origin" data-origin={event.origin}>
            {HOW[event.origin]}
            {event.target ? ` (${event.target})` : ''}
          </span>
        </dd>
        <dt>Received by</dt>
        <dd data-testid="inspector-receivers">
          {event.received.length === 0 ? <span className="muted">{event.unhandled ? 'no step accepts it' : 'nobody yet'}</span> : null}
          {event.received.map((r) => (
            <ItemLink key={`${r.step}:${r.invocation}`} item={{ kind: 'invocation', id: r.invocation }}>
              {r.step} #{r.invocation}
            </ItemLink>
          ))}
          {event.dropped.map((d, i) => (
            <span key={i} className="muted"> dropped{d.step ? ` at ${d.step}` : ''} ({d.reason})</span>
          ))}
          {event.published ? <span className="muted"> published to the stream</span> : null}
          {event.leftover ? <span className="muted"> left in a collect buffer</span> : null}
        </dd>
      </dl>
      <section className="inspector-section">
        <h4>Fields</h4>
        <div className="json-tree" data-testid="inspector-fields">
          <JsonTree value={event.fields} />
        </div>
      </section>
      <section className="inspector-section">
        <h4>Causal chain</h4>
        <ol className="causal-chain" data-testid="inspector-chain">
          {event.chain.map((link) => (
            <li key={link.event}>
              <ItemLink item={{ kind: 'event', id: link.event }}>
                {link.type} #{link.event}
              </ItemLink>
              {link.step !== null && link.invocation !== null ? (
                <span className="muted">
                  {' '}
                  from{' '}
                  <ItemLink item={{ kind: 'invocation', id: link.invocation }}>
                    {link.step} #{link.invocation}
                  </ItemLink>
                </span>
              ) : (
                <span className="muted"> ({link.via})</span>
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
