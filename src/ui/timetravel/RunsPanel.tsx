import './runs.css';
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { codeMark, compareRunPair, comparisonOf } from '../../state/index.ts';
import type { ListedRun } from '../../state/index.ts';
import { formatDuration } from '../../inspect/index.ts';
import { usePlayground } from '../playground.ts';
import { CompareView } from './CompareView.tsx';
import { useRunList } from './useRunList.ts';

/**
 * The Runs tab: every run of this page (and those loaded from files) as a tree of forks, each with
 * its status, seed, duration, events, what a fork changed and the code it ran; pick two to compare.
 */
export function RunsPanel() {
  const { run, runs, ui, workspace } = usePlayground();
  const list = useRunList();
  const source = useStore(workspace, (s) => s.source);
  const pair = useStore(ui, (s) => s.compare);
  const comparison = useMemo(() => comparisonOf(list, pair), [list, pair]);
  // The two pickers' choice; the comparison follows it whenever it names two different runs.
  const [draft, setDraft] = useState<{ first: number; second: number } | null>(pair);
  useEffect(() => {
    if (pair) setDraft(pair);
  }, [pair]);

  // The graph colours its nodes by the comparison while this tab shows it.
  useEffect(() => {
    ui.setState({ compareMarks: comparison ? { steps: comparison.steps, events: comparison.eventTypes } : null });
    return () => ui.setState({ compareMarks: null });
  }, [ui, comparison]);

  if (list.length === 0) return <p className="runs-empty" data-testid="runs-empty">No runs yet: press Run. Every run of this page is listed here, with its forks under it.</p>;

  const onScreen = list.find((r) => r.onScreen) ?? null;
  const suggested = suggestPair(list, onScreen);
  const chosen = draft ?? suggested;
  const pick = (which: 'first' | 'second', value: number) => {
    if (!chosen) return;
    const next = { ...chosen, [which]: value };
    setDraft(next);
    compareRunPair(ui, next.first === next.second ? null : next);
  };
  const show = (r: ListedRun) => {
    const past = run.getState().history.find((p) => p.number === r.number && p.trace === r.trace);
    if (past) void runs.reopen(past);
  };

  return (
    <div className="runs-panel" data-testid="runs-panel">
      {list.length > 1 ? (
        <div className="compare-pick">
          Compare run{' '}
          <select data-testid="compare-first" aria-label="First run" value={chosen?.first ?? ''} onChange={(e) => pick('first', Number(e.target.value))}>
            {list.map((r) => <option key={r.number} value={r.number}>{`Run ${r.number}`}</option>)}
          </select>{' '}
          with run{' '}
          <select data-testid="compare-second" aria-label="Second run" value={chosen?.second ?? ''} onChange={(e) => pick('second', Number(e.target.value))}>
            {list.map((r) => <option key={r.number} value={r.number}>{`Run ${r.number}`}</option>)}
          </select>{' '}
          {pair ? (
            <button type="button" className="btn-small" onClick={() => compareRunPair(ui, null)}>Close the comparison</button>
          ) : chosen && chosen.first === chosen.second ? (
            <span className="compare-same-run" role="status">Pick two different runs.</span>
          ) : (
            <button type="button" className="btn-small" data-testid="compare-open" onClick={() => chosen && compareRunPair(ui, chosen)}>Compare</button>
          )}
        </div>
      ) : null}
      {comparison ? <CompareView comparison={comparison} /> : null}
      <table className="run-tree" data-testid="run-tree">
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Status</th>
            <th scope="col">Seed</th>
            <th scope="col">Duration</th>
            <th scope="col">Events</th>
            <th scope="col">Code</th>
            <th scope="col"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {list.map((r) => (
            <tr key={`${r.number}-${r.onScreen}`} data-testid="run-row" data-run={r.number} data-depth={r.depth} className={r.onScreen ? 'is-on-screen' : undefined}>
              <th scope="row" style={{ paddingLeft: `${6 + r.depth * 16}px` }}>
                <span className="run-name">
                  {r.depth > 0 ? <span aria-hidden="true">↳ </span> : null}
                  Run {r.number}
                </span>
                {r.onScreen ? <span className="run-tag">on screen</span> : null}
                {r.origin === 'file' ? <span className="run-tag">from a file</span> : null}
                {r.parent !== null ? <span className="run-lineage" data-testid="run-lineage">{r.change === null ? `re-run of run ${r.parent}` : `fork of run ${r.parent}: ${r.change}`}</span> : null}
              </th>
              <td className={`run-row-status status-${r.status}`}>{r.status === 'running' ? (r.onScreen ? 'running' : 'cut short') : r.status}</td>
              <td>{r.seed ?? '—'}{r.clock === 'real' ? <span className="run-tag" title="Ran on the real clock: a re-run or fork runs on the virtual one">real clock</span> : null}</td>
              <td>{formatDuration(r.duration)}</td>
              <td>{r.events}</td>
              <td>
                {r.code !== null ? <code title="A short mark of the code the run ran: the same code has the same mark">{codeMark(r.code)}</code> : '—'}
                {r.code !== null && r.code !== source ? <span className="run-code-differs" data-testid="run-code-differs"> code differs from the editor</span> : null}
              </td>
              <td className="run-actions">
                <button type="button" className="btn-small" disabled={r.onScreen} data-testid="run-show" onClick={() => show(r)} title="Show this run, with the code it ran in the editor">
                  Show
                </button>
                <button
                  type="button"
                  className="btn-small"
                  data-testid="run-compare"
                  disabled={list.length < 2}
                  onClick={() => {
                    const other = r.parent ?? (onScreen && onScreen.number !== r.number ? onScreen.number : list.find((x) => x.number !== r.number)?.number);
                    if (other !== undefined) compareRunPair(ui, { first: other, second: r.number });
                  }}
                  title="Compare this run with the run it came from (or the run on screen)"
                >
                  Compare
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What to compare first: the run on screen against the run it came from, else against the one before it. */
function suggestPair(list: readonly ListedRun[], onScreen: ListedRun | null): { first: number; second: number } | null {
  const second = onScreen ?? list[0];
  if (!second) return null;
  const first = second.parent !== null && list.some((r) => r.number === second.parent) ? second.parent : list.filter((r) => r.number !== second.number).sort((a, b) => b.number - a.number).find((r) => r.number < second.number)?.number ?? list.find((r) => r.number !== second.number)?.number;
  return first === undefined ? null : { first, second: second.number };
}
