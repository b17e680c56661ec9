import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { CodeEditor, ProblemsList } from './editor/index.ts';
import { GraphView } from './graph/index.ts';
import { Header } from './layout/Header.tsx';
import { Splitter } from './layout/Splitter.tsx';
import { usePlayground } from './playground.ts';
import { Dock } from './inspect/index.ts';
import { Scrubber } from './replay/index.ts';
import { ResultPanel, RunSettings } from './run/index.ts';
import { HumanInput } from './run/HumanInput.tsx';
import { NoticeBar } from './share/NoticeBar.tsx';
import { useSession } from './share/session.ts';
import { TutorialPanel } from './tutorial/TutorialPanel.tsx';
import { CodeAsText, ErrorBoundary, useRestorePrevious } from './safety/index.ts';

/** The playground page: code on the left, graph and run on the right. */
export function App() {
  const { runs, workspace } = usePlayground();
  const graph = useStore(workspace, (s) => s.graph);
  const restore = useRestorePrevious();
  const { tutorial, drafts } = useSession();
  const [codeWidth, setCodeWidth] = useState(34);
  const tutorialOpen = useStore(tutorial.store, (s) => s.open);

  // Only what the page managed to show is remembered: code that breaks the page never comes back on
  // the next visit by itself.
  useEffect(() => drafts.rendered(), [drafts]);

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
      <Header />
      <NoticeBar />
      <main className={`workspace${tutorialOpen ? ' with-tutorial' : ''}`} style={{ '--code-width': `${codeWidth}%` } as React.CSSProperties}>
        <TutorialPanel />
        <section className="pane pane-code" aria-label="Code">
          <ErrorBoundary area="The editor" id="editor" reassurance="Your code is below as plain text, and is still saved as you type." fallback={<CodeAsText />}>
            <CodeEditor />
          </ErrorBoundary>
          <ProblemsList />
        </section>
        <Splitter value={codeWidth} onChange={setCodeWidth} />
        <section className="pane pane-run" aria-label="Graph and run">
          <RunSettings />
          <ErrorBoundary area="The graph" id="graph" resetKey={graph} reassurance="Your code is safe in the editor, and Run still works." actions={restore}>
            <GraphView />
          </ErrorBoundary>
          <Scrubber />
          <HumanInput />
          <div className="run-panels">
            <ErrorBoundary area="The run details" id="dock" actions={restore}>
              <Dock />
            </ErrorBoundary>
            <ResultPanel />
          </div>
        </section>
      </main>
    </div>
  );
}
