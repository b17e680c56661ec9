import { formatMoment } from '../../inspect/index.ts';
import type { EventDescription, EventInstance, EventOrigin } from '../../inspect/index.ts';
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

/** Instances listed at once; a run that made more says how many more. */
const LISTED = 200;

/**
 * One event: its type, fields, who made it and how, who received it, and its causal chain; and every
 * other event of its type so far, since an event node on the graph stands for all of them.
 */
export function EventDetails({ event, instances }: { event: EventDescription; instances: readonly EventInstance[] }) {
  return (
    <div className="inspector-body" data-kind="event" data-event={event.id}>
      <h3 className="inspector-title">
        <i className="type-dot" style={{ background: eventColor(event.type) }} />
        <span data-testid="inspector-type">{event.type}</span>
        <span className="muted">#{event.id}</span>
        <span className="inspector-when">{(event.t / 1000).toFixed(2)}s</span>
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
      {instances.length > 1 ? <Instances event={event} instances={instances} /> : null}
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

function Instances({ event, instances }: { event: EventDescription; instances: readonly EventInstance[] }) {
  const listed = instances.length > LISTED ? instances.slice(-LISTED) : instances;
  return (
    <section className="inspector-section">
      <h4>
        All {instances.length} {event.type} events so far
      </h4>
      {listed.length < instances.length ? <p className="muted">The latest {LISTED} are listed.</p> : null}
      <ol className="event-instances" data-testid="inspector-instances">
        {listed.map((instance) => (
          <li key={instance.id} aria-current={instance.id === event.id ? 'true' : undefined}>
            <ItemLink item={{ kind: 'event', id: instance.id }}>#{instance.id}</ItemLink>
            <span className="muted">
              {' '}
              at {formatMoment(instance.t)}
              {instance.producer ? ` from ${instance.producer.step} #${instance.producer.invocation}` : ''}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
