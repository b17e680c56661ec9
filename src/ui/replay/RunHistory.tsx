import { useStore } from 'zustand';
import { usePlayground } from '../playground.ts';

/**
 * Earlier runs, set aside when the code changed. Choosing one shows it again with the code it was
 * made from (the code now in the editor is kept in the drafts as any replaced code is).
 */
export function RunHistory() {
  const { run, runs } = usePlayground();
  const history = useStore(run, (s) => s.history);
  if (history.length === 0) return null;
  return (
    <select
      className="run-history"
      data-testid="run-history"
      aria-label="Earlier runs"
      value=""
      title="Earlier runs: choosing one brings back the code it ran and replays it"
      onChange={(e) => {
        const past = history.find((p) => String(p.number) === e.target.value);
        if (past) void runs.reopen(past);
      }}
    >
      <option value="">Earlier runs ({history.length})</option>
      {history.map((past) => (
        <option key={past.number} value={past.number}>
          {`Run ${past.number} · ${past.status === 'running' ? 'cut short' : past.status} · ${past.events} ${past.events === 1 ? 'event' : 'events'}${past.origin === 'file' ? ' · from a file' : ''}${past.parent !== undefined ? (past.change ? ` · fork of run ${past.parent}` : ` · re-run of run ${past.parent}`) : ''}`}
        </option>
      ))}
    </select>
  );
}
