import { useEffect } from 'react';
import { useStore } from 'zustand';
import { CodeEditor, ProblemsList } from './editor/index.ts';
import { GraphView } from './graph/index.ts';
import { Header } from './layout/Header.tsx';
import { Splitter } from './layout/Splitter.tsx';
import { PANE_LIMITS } from './layout/paneSizes.ts';
import { usePanes } from './layout/usePanes.ts';
import { usePlayground } from './playground.ts';
import { runStatus } from '../state/index.ts';
import { Dock } from './inspect/index.ts';
import { Scrubber } from './replay/index.ts';
import { ResultPanel, RunSettings } from './run/index.ts';
import { HumanInput } from './run/HumanInput.tsx';
import { TimeTravelActions, TimeTravelBar } from './timetravel/TimeTravelBar.tsx';
import { NoticeBar } from './share/NoticeBar.tsx';
import { useSession } from './share/session.ts';
import { TutorialPanel } from './tutorial/TutorialPanel.tsx';
import { CodeAsText, ErrorBoundary, useRestorePrevious } from './safety/index.ts';

/** The playground page: code on the left, graph and run on the right. */
export function App() {
  const { runs, workspace, run, view } = usePlayground();
  const graph = useStore(workspace, (s) => s.graph);
  const restore = useRestorePrevious();
  const { tutorial, drafts } = useSession();
  const { sizes, panes } = usePanes();
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
    // Escape is looked at first (capture), while a menu that closes on it still says it is open.
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || menuOpen(event.target) || runStatus(run.getState()) !== 'running') return;
      event.preventDefault();
      void runs.stop(view.getState().view.cursor);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keydown', onEscape, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keydown', onEscape, true);
    };
  }, [runs, run, view]);

  return (
    <div className="app">
      <Header />
      <NoticeBar />
      <main
        className={`workspace${tutorialOpen ? ' with-tutorial' : ''}`}
        style={{ '--code-width': `${sizes.code}%`, '--tutorial-height': `${sizes.tutorial}%`, '--dock-height': `${sizes.dock}px`, '--result-width': `${sizes.result}%` } as React.CSSProperties}
      >
        <section className="pane pane-code" aria-label={tutorialOpen ? 'Tutorial and code' : 'Code'}>
          <TutorialPanel />
          {tutorialOpen ? (
            <Splitter
              orientation="horizontal"
              label="Resize the tutorial"
              testId="tutorial-splitter"
              value={sizes.tutorial}
              {...limits('tutorial')}
              step={4}
              measure={(el, _x, y) => {
                const column = el.parentElement!.getBoundingClientRect();
                return ((y - column.top) / column.height) * 100;
              }}
              onChange={(value) => panes.resize('tutorial', value)}
              onReset={() => panes.reset('tutorial')}
            />
          ) : null}
          <ErrorBoundary area="The editor" id="editor" reassurance="Your code is below as plain text, and is still saved as you type." fallback={<CodeAsText />}>
            <CodeEditor />
          </ErrorBoundary>
          <ProblemsList />
        </section>
        <Splitter
          orientation="vertical"
          label="Resize the code pane"
          testId="code-splitter"
          value={sizes.code}
          {...limits('code')}
          step={2}
          measure={(el, x) => {
            const workspace = el.parentElement!.getBoundingClientRect();
            return ((x - workspace.left) / workspace.width) * 100;
          }}
          onChange={(value) => panes.resize('code', value)}
          onReset={() => panes.reset('code')}
        />
        <section className="pane pane-run" aria-label="Graph and run">
          <RunSettings />
          <ErrorBoundary area="The graph" id="graph" resetKey={graph} reassurance="Your code is safe in the editor, and Run still works." actions={restore}>
            <GraphView />
          </ErrorBoundary>
          <Scrubber actions={<TimeTravelActions />} />
          <HumanInput />
          <TimeTravelBar />
          <Splitter
            orientation="horizontal"
            label="Resize the run details"
            testId="dock-splitter"
            value={sizes.dock}
            {...limits('dock')}
            step={20}
            direction={-1}
            measure={(el, _x, y) => el.nextElementSibling!.getBoundingClientRect().bottom - y}
            onChange={(value) => panes.resize('dock', value)}
            onReset={() => panes.reset('dock')}
          />
          <div className="run-panels">
            <ErrorBoundary area="The run details" id="dock" actions={restore}>
              <Dock />
            </ErrorBoundary>
            <Splitter
              orientation="vertical"
              label="Resize the result"
              testId="result-splitter"
              value={sizes.result}
              {...limits('result')}
              step={2}
              direction={-1}
              measure={(el, x) => {
                const panels = el.parentElement!.getBoundingClientRect();
                return ((panels.right - x) / panels.width) * 100;
              }}
              onChange={(value) => panes.resize('result', value)}
              onReset={() => panes.reset('result')}
            />
            <ResultPanel />
          </div>
        </section>
      </main>
    </div>
  );
}

function limits(name: keyof typeof PANE_LIMITS): { min: number; max: number } {
  return { min: PANE_LIMITS[name].min, max: PANE_LIMITS[name].max };
}

/** A menu, popover or editor panel is open, or the key comes from one: Escape is theirs. */
function menuOpen(target: EventTarget | null): boolean {
  if (target instanceof Element && target.closest('.popover, [role="menu"], [role="dialog"], .cm-panels, .cm-tooltip')) return true;
  return document.querySelector('[aria-expanded="true"]') !== null;
}
