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

/** The playground page: code on the left, graph and run on the right. */
export function App() {
  const { runs } = usePlayground();
  const { tutorial } = useSession();
  const [codeWidth, setCodeWidth] = useState(34);
  const tutorialOpen = useStore(tutorial.store, (s) => s.open);

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
          <CodeEditor />
          <ProblemsList />
        </section>
        <Splitter value={codeWidth} onChange={setCodeWidth} />
        <section className="pane pane-run" aria-label="Graph and run">
          <RunSettings />
          <GraphView />
          <Scrubber />
          <HumanInput />
          <div className="run-panels">
            <Dock />
            <ResultPanel />
          </div>
        </section>
      </main>
    </div>
  );
}
