import { useMemo, useState } from 'react';
import type { GraphModel } from '../../compiler/model.ts';
import { usePlayground } from '../playground.ts';
import '../safety/safety.css';
import { capLines, graphAsText } from './graphAsText.ts';

type TextView = 'steps' | 'mermaid';

/** A graph too large to draw: the reason, and the graph as text (its steps, or Mermaid). */
export function GraphText({ graph, message }: { graph: GraphModel; message: string }) {
  const { toMermaid } = usePlayground();
  const [view, setView] = useState<TextView>('steps');
  const text = useMemo(() => {
    if (view === 'mermaid' && toMermaid) return capLines(toMermaid(graph).split('\n'));
    return graphAsText(graph);
  }, [graph, view, toMermaid]);
  return (
    <div className="graph-text" data-testid="graph-too-large">
      <p className="graph-text-message" role="status">{message}</p>
      <div className="graph-text-views" role="group" aria-label="Text view">
        <button type="button" className="btn btn-small" aria-pressed={view === 'steps'} data-testid="graph-text-steps" onClick={() => setView('steps')}>
          Steps as text
        </button>
        {toMermaid ? (
          <button type="button" className="btn btn-small" aria-pressed={view === 'mermaid'} data-testid="graph-text-mermaid" onClick={() => setView('mermaid')}>
            Mermaid
          </button>
        ) : null}
      </div>
      <pre data-testid="graph-text">{text}</pre>
    </div>
  );
}
