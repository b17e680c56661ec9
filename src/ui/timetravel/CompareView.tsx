import type { JsonValue } from '../../engine/jsonSafe.ts';
import type { RunComparison, RunEnding } from '../../inspect/compareRuns.ts';
import { differingWords, formatMoment } from '../../inspect/index.ts';
import { CompareTimeline } from './CompareTimeline.tsx';

/**
 * Two runs side by side: what was set differently, the first record where they part (in words), the
 * timeline of one over the other, and the events and state that differ. The graph meanwhile colours
 * each node by where the second run went differently (the legend says how).
 */
export function CompareView({ comparison: c }: { comparison: RunComparison }) {
  const a = `Run ${c.first}`;
  const b = `Run ${c.second}`;
  return (
    <section className="compare" data-testid="compare" aria-label={`${a} compared with ${b}`}>
      <h3 className="compare-title">
        {a} → {b}
        {c.settings.length > 0 ? <span className="compare-settings" data-testid="compare-settings">{c.settings.map((s) => `${s.name} ${s.first} → ${s.second}`).join(' · ')}</span> : null}
      </h3>
      {c.difference ? (
        <p className={`compare-first-difference ${c.difference.timing ? 'is-timing' : 'is-different'}`} data-testid="compare-first-difference" data-record={c.difference.record} data-kind={c.difference.kind} data-step={c.difference.step ?? ''}>
          <strong>First difference</strong> (after {c.same} identical {c.same === 1 ? 'record' : 'records'}{c.settings.length > 0 ? ', the settings above aside' : ''}): {c.difference.words}
          {c.difference.timing ? ' The same thing happened, at another time.' : ''}{' '}
          <span data-testid="compare-differing">{differingWords(c)}</span>
        </p>
      ) : (
        <p className="compare-first-difference is-same" data-testid="compare-first-difference" data-record="">
          <strong>No difference:</strong> all {c.same} records are identical (run ids{c.settings.length > 0 ? ' and the settings above' : ''} aside).
        </p>
      )}
      <p className="compare-endings" data-testid="compare-endings">
        {a}: {ending(c.endings.first)}. {b}: {ending(c.endings.second)}.
      </p>
      <CompareTimeline comparison={c} />
      <p className="compare-legend" aria-label="How the graph is coloured">
        In the graph: <span className="mark mark-differs">went differently</span> <span className="mark mark-time">same, at other times</span>{' '}
        <span className="mark mark-second-only">only in {b.toLowerCase()}</span> <span className="mark mark-first-only">only in {a.toLowerCase()}</span>
      </p>
      <div className="compare-tables">
        <table className="compare-table" data-testid="compare-events">
          <caption>Events that differ ({c.events.length})</caption>
          <thead>
            <tr><th scope="col">Event</th><th scope="col">{a}</th><th scope="col">{b}</th><th scope="col">What differs</th></tr>
          </thead>
          <tbody>
            {c.events.length === 0 ? <tr><td colSpan={4}>None: every event has the same fields, producer, receivers and time.</td></tr> : null}
            {c.events.slice(0, 200).map((e) => (
              <tr key={e.name} data-testid="compare-event" data-event={e.name}>
                <th scope="row">{e.name}</th>
                <td>{e.first ? <EventSide e={e.first} /> : <em>none</em>}</td>
                <td>{e.second ? <EventSide e={e.second} /> : <em>none</em>}</td>
                <td>{e.differs.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="compare-table" data-testid="compare-state">
          <caption>State at the end that differs ({c.state.length})</caption>
          <thead>
            <tr><th scope="col">Key</th><th scope="col">{a}</th><th scope="col">{b}</th></tr>
          </thead>
          <tbody>
            {c.state.length === 0 ? <tr><td colSpan={3}>None: the state ends the same.</td></tr> : null}
            {c.state.map((s) => (
              <tr key={s.key} data-testid="compare-state-row">
                <th scope="row"><code>{s.key}</code></th>
                <td><code>{json(s.first)}</code></td>
                <td><code>{json(s.second)}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function EventSide({ e }: { e: { payload: JsonValue; step: string | null; t: number; to: string[] } }) {
  return (
    <>
      <code>{json(e.payload)}</code>
      <span className="compare-event-meta">
        {' '}from {e.step ?? 'outside'} at {formatMoment(e.t)}{e.to.length > 0 ? ` → ${e.to.join(', ')}` : ''}
      </span>
    </>
  );
}

function ending(end: RunEnding): string {
  if (end.status === 'running') return `had not ended at ${formatMoment(end.t)}`;
  return `${end.status}${end.status === 'stopped' ? ` with ${json(end.result ?? null)}` : ''} at ${formatMoment(end.t)}`;
}

function json(value: JsonValue | undefined): string {
  if (value === undefined) return '(not set)';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
