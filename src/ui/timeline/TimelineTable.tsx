import { useMemo, useState } from 'react';
import { TIMELINE_COLUMNS, timelineEntries, timelineText } from '../../inspect/index.ts';
import type { TimelineView } from '../../inspect/index.ts';
import { copyText } from '../share/copyText.ts';

/** Rows drawn at once; the copy always has them all. */
const SHOWN = 1_000;

/**
 * The timeline as a table in time order, for screen readers and for copying: each attempt of each
 * invocation with its start, end and duration, and each thing that happened. A long run shows its
 * first thousand rows, with a button for the next; "Copy as text" copies every row, tab-separated.
 */
export function TimelineTable({ view }: { view: TimelineView }) {
  const entries = useMemo(() => timelineEntries(view), [view]);
  const [limit, setLimit] = useState(SHOWN);
  const [copied, setCopied] = useState<string | null>(null);
  const shown = entries.length > limit ? entries.slice(0, limit) : entries;
  return (
    <div className="timeline-text" data-testid="timeline-text">
      <div className="timeline-text-bar">
        <span>{entries.length === 1 ? '1 row' : `${entries.length} rows`}, in workflow time</span>
        <button
          type="button"
          className="timeline-tool"
          onClick={() => void copyText(timelineText(entries)).then((ok) => setCopied(ok ? 'Copied.' : 'The browser did not allow copying.'))}
        >
          Copy as text
        </button>
        <span role="status" className="muted">{copied}</span>
      </div>
      {entries.length === 0 ? (
        <p className="muted timeline-text-empty">Nothing on the timeline yet: run the workflow.</p>
      ) : (
        <table>
          <caption className="sr-only">The run over workflow time, one row per invocation attempt or event</caption>
          <thead>
            <tr>{TIMELINE_COLUMNS.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
          </thead>
          <tbody>
            {shown.map((e, i) => (
              <tr key={i}>
                <td>{e.start}</td>
                <td>{e.end}</td>
                <td>{e.duration}</td>
                <th scope="row">{e.step}</th>
                <td>{e.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries.length > limit ? (
        <button type="button" className="timeline-tool timeline-more" onClick={() => setLimit((n) => n + SHOWN)}>
          Show {Math.min(SHOWN, entries.length - limit)} more of {entries.length - limit} not shown
        </button>
      ) : null}
    </div>
  );
}
