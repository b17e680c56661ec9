import type { RunComparison, Span } from '../../inspect/compareRuns.ts';
import { formatMoment } from '../../inspect/index.ts';

const LANE = 8;
const GAP = 6;
const LABEL = 110;
const WIDTH = 640;

/**
 * One run's timeline over the other's: a row per step, the first run's invocations (a lane per
 * worker) above the second's on the same workflow-time axis, and a line where the first difference is.
 * An invocation with a record that differs from the other run's (as the records are lined up) is
 * outlined, so the eye finds where the runs went apart.
 */
export function CompareTimeline({ comparison: c }: { comparison: RunComparison }) {
  const end = Math.max(c.endings.first.t, c.endings.second.t, 1);
  const x = (t: number) => LABEL + (t / end) * (WIDTH - LABEL - 8);
  const rows = c.spans.map((s) => {
    const lanes = Math.max(1, ...s.first.map((p) => p.worker), ...s.second.map((p) => p.worker));
    return { ...s, lanes, height: 2 * lanes * LANE + GAP + 4 };
  });
  const tops: number[] = [];
  let y = 0;
  for (const row of rows) {
    tops.push(y);
    y += row.height;
  }
  const height = y + 18;
  const at = c.difference ? Math.min(c.difference.first?.t ?? Number.POSITIVE_INFINITY, c.difference.second?.t ?? Number.POSITIVE_INFINITY) : null;
  const bar = (span: Span, top: number, which: 'first' | 'second', runEnd: number) => {
    const from = x(span.start);
    const to = x(span.end ?? runEnd);
    return (
      <rect
        key={`${which}-${span.invocation}`}
        className={`compare-bar run-${which} status-${span.status} mark-${span.mark}`}
        data-mark={span.mark}
        x={from}
        y={top + (span.worker - 1) * LANE + 1}
        width={Math.max(2, to - from)}
        height={LANE - 3}
      >
        <title>{`Run ${which === 'first' ? c.first : c.second}: invocation ${span.invocation} on worker ${span.worker}, ${formatMoment(span.start)} to ${span.end === null ? 'the end' : formatMoment(span.end)}, ${span.status}${span.mark === 'same' ? '' : span.mark === 'time' ? ', at another time than in the other run' : ', differs from the other run'}`}</title>
      </rect>
    );
  };
  const atX = at !== null && Number.isFinite(at) ? x(at) : null;
  return (
    <figure className="compare-timeline" data-testid="compare-timeline">
      <figcaption>
        Timeline: <span className="key key-first">run {c.first}</span> above <span className="key key-second">run {c.second}</span> in each row, 0 to {formatMoment(end)}; an invocation that <span className="key-outline">went differently</span> is outlined
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: WIDTH }} role="img" aria-label={`Each step's invocations in run ${c.first} above run ${c.second}`}>
        {rows.map((s, i) => {
          const top = tops[i]!;
          const second = top + s.lanes * LANE + 2;
          return (
            <g key={s.step} data-step={s.step}>
              <text x={4} y={top + s.lanes * LANE + 4} className={`compare-step mark-text-${c.steps[s.step] ?? 'same'}`}>{s.step}</text>
              <line x1={LABEL} x2={WIDTH - 8} y1={top + s.height - 2} y2={top + s.height - 2} className="compare-grid" />
              {s.first.map((span) => bar(span, top + 2, 'first', c.endings.first.t))}
              {s.second.map((span) => bar(span, second + 2, 'second', c.endings.second.t))}
            </g>
          );
        })}
        {atX !== null ? (
          <g className="compare-at">
            <line x1={atX} x2={atX} y1={0} y2={y} />
            <text x={atX > WIDTH * 0.6 ? atX - 3 : atX + 3} y={y + 13} textAnchor={atX > WIDTH * 0.6 ? 'end' : 'start'}>first difference, {formatMoment(at!)}</text>
          </g>
        ) : null}
      </svg>
    </figure>
  );
}
