import { useStore } from 'zustand';
import { applyFix, revealInEditor } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';
import './editor.css';

/** Every diagnostic of the latest analysis; clicking one puts the editor's cursor on it; a quick fix is a button beside it. */
export function ProblemsList() {
  const { workspace, ui } = usePlayground();
  const diagnostics = useStore(workspace, (s) => s.analysis?.diagnostics ?? EMPTY);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return (
    <section className="problems" data-testid="diagnostics" aria-label="Problems">
      <header className="panel-title">
        <span>Problems</span>
        <span className={errors > 0 ? 'badge error' : 'badge'}>{errors === 1 ? '1 error' : `${errors} errors`}</span>
        <span className={warnings > 0 ? 'badge warning' : 'badge'}>{warnings === 1 ? '1 warning' : `${warnings} warnings`}</span>
      </header>
      {diagnostics.length === 0 ? (
        <p className="problems-empty">No problems.</p>
      ) : (
        <ul>
          {diagnostics.map((d, i) => (
            <li key={i} className="problem-row">
              <button
                type="button"
                className={`problem ${d.severity}`}
                data-severity={d.severity}
                onClick={() => revealInEditor(ui, d.range.start, d.range.start)}
              >
                <span className="problem-icon" aria-hidden="true">{d.severity === 'error' ? '✕' : d.severity === 'warning' ? '!' : 'i'}</span>
                <span className="problem-where">{`${d.range.line}:${d.range.column}`}</span>
                <span className="problem-message">{d.message}</span>
              </button>
              {d.fix && (
                <button type="button" className="problem-fix" onClick={() => applyFix(workspace, d.fix!)}>
                  {d.fix.title}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const EMPTY: never[] = [];
