import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { CodeEditor, ProblemsList } from './editor/index.ts';
import { EXAMPLES } from './examples.ts';
import { GraphView } from './graph/index.ts';
import { Header } from './layout/Header.tsx';
import { Splitter } from './layout/Splitter.tsx';
import { usePlayground } from './playground.ts';
import { Dock } from './inspect/index.ts';
import { Scrubber } from './replay/index.ts';
import { ResultPanel, RunSettings } from './run/index.ts';

/** The playground page: code on the left, graph and run on the right. */
export function App({ initialExample }: { initialExample: string }) {
  const { runs, workspace } = usePlayground();
  const [example, setExample] = useState(initialExample);
  const [codeWidth, setCodeWidth] = useState(34);
  const source = useStore(workspace, (s) => s.source);
  // Once the code is edited it is the user's, whichever example it started from.
  const shownExample = EXAMPLES.find((x) => x.id === example)?.source === source ? example : 'custom';

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
        event.preventDefault();
        void runs.start();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [runs]);

  return (
    <div className="app">
      <Header example={shownExample} onExample={setExample} />
      <main className="workspace" style={{ '--code-width': `${codeWidth}%` } as React.CSSProperties}>
        <section className="pane pane-code" aria-label="Code">
          <CodeEditor />
          <ProblemsList />
        </section>
        <Splitter value={codeWidth} onChange={setCodeWidth} />
        <section className="pane pane-run" aria-label="Graph and run">
          <RunSettings />
          <GraphView />
          <Scrubber />
          <div className="run-panels">
            <Dock />
            <ResultPanel />
          </div>
        </section>
      </main>
    </div>
  );
}
