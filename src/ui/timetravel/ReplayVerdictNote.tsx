import { useStore } from 'zustand';
import { differenceLine, differingWords, recordLine } from '../../inspect/compareTraces.ts';
import { usePlayground } from '../playground.ts';

/** How many differing records the note lists; the rest are counted. */
const SHOWN = 20;

/**
 * What a re-run or a fork found when it compared itself with the run it came from, record by record:
 * identical, or where it first went another way.
 */
export function ReplayVerdictNote() {
  const { run } = usePlayground();
  const verdict = useStore(run, (s) => s.verdict);
  const engine = useStore(run, (s) => s.engine);
  if (!verdict || engine === 'running') return null;
  const { of, change, prefix, same, pauses, difference, differences, differing, realClock, setAside } = verdict;
  const identical = difference === null;
  const what = change === null ? `Re-run of run ${of}` : `Fork of run ${of}`;
  // The record as the first run's timeline numbers it, pauses and all.
  const at = difference?.first?.seq ?? same + pauses + 1;
  // Stepping and breakpoints are the person's doing: their records are shown, not compared.
  const aside = pauses > 0 ? `run ids and ${pauses} pause records aside` : 'run ids aside';
  let summary: string;
  if (change === null) {
    summary = identical ? `all ${same} records are identical to run ${of} (${aside}).` : `it differs from run ${of} at record ${at}; the ${same} before it are identical.`;
  } else {
    summary = identical
      ? `the ${prefix} records before the change are identical to run ${of}; from record ${prefix + 1} on: ${change}.`
      : `it went differently from run ${of} at record ${at}, before the change (the ${same} before it are identical): the code or the settings before the moment differ.`;
  }
  return (
    <div className={`replay-verdict ${identical ? 'is-identical' : 'is-different'}`} role="status" data-testid="replay-verdict" data-identical={identical} data-same={same}>
      <strong>{what}:</strong> {summary}
      {setAside.stepMode || setAside.breakpoints.length > 0 ? (
        <span className="replay-verdict-note" data-testid="replay-pauses-aside">
          {' '}
          {setAsideWords(setAside)} {setAside.stepMode || setAside.breakpoints.length > 1 ? 'were' : 'was'} not applied: a {change === null ? 're-run' : 'fork'} repeats run {of}
          {' '}and is held only where run {of} was.
        </span>
      ) : null}
      {realClock ? <span className="replay-verdict-note"> Run {of} ran on the real clock; this one ran on the virtual clock, which is why it may go differently.</span> : null}
      {difference ? (
        <dl className="replay-verdict-diff" data-testid="replay-difference">
          <dt>Run {of}</dt>
          <dd><code>{recordLine(difference.first)}</code></dd>
          <dt>This run</dt>
          <dd><code>{recordLine(difference.second)}</code></dd>
          {difference.fields.length ? (<><dt>Fields</dt><dd>{difference.fields.join(', ')}</dd></>) : null}
        </dl>
      ) : null}
      {differing === 1 ? <span className="replay-verdict-note" data-testid="replay-differing"> {differingWords(verdict)}</span> : null}
      {differences.length > 1 || differing === null ? (
        <details className="replay-verdict-all" data-testid="replay-differences" data-differing={differing ?? ''}>
          <summary>{differingWords(verdict)}</summary>
          <ol>
            {differences.slice(0, SHOWN).map((d, i) => (
              <li key={i} data-kind={d.kind}><code>{differenceLine(d)}</code></li>
            ))}
          </ol>
          {differences.length > SHOWN ? <p className="muted">The first {SHOWN} are listed.</p> : null}
        </details>
      ) : null}
    </div>
  );
}

/** `Step mode and the breakpoint on stepTwo`, `The breakpoints on a, b`. */
function setAsideWords({ stepMode, breakpoints }: { stepMode: boolean; breakpoints: string[] }): string {
  const on = breakpoints.length === 0 ? '' : `the breakpoint${breakpoints.length > 1 ? 's' : ''} on ${breakpoints.join(', ')}`;
  if (stepMode) return on ? `Step mode and ${on}` : 'Step mode';
  return on.charAt(0).toUpperCase() + on.slice(1);
}
