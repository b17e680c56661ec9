import { useState } from 'react';
import type { EmbedOptions, EmbedTab } from '../../embed/embedOptions.ts';
import { CodeEditor, ProblemsList } from '../editor/index.ts';
import { GraphView } from '../graph/index.ts';
import { ConsolePanel, ResultPanel, RunControls } from '../run/index.ts';
import { HumanInput } from '../run/HumanInput.tsx';
import '../inspect/inspect.css';
import './embed.css';

export interface EmbedAppProps {
  options: EmbedOptions;
  title: string;
  /** The same content in the full playground, as it is now (asked for as the link is about to be followed). */
  playgroundUrl: () => string;
  /** Why there is nothing to show (a broken or missing link), instead of the workflow. */
  problem: string | null;
}

const TAB_LABELS: Record<EmbedTab, string> = { code: 'Code', console: 'Console' };

/**
 * The compact view of a workflow for other people's pages: the graph with the run controls, and the
 * code and the console as tabs. Made of the playground's own components; it never runs by itself.
 */
export function EmbedApp({ options, title, playgroundUrl, problem }: EmbedAppProps) {
  const refreshHref = (e: { currentTarget: HTMLAnchorElement }) => {
    e.currentTarget.href = playgroundUrl();
  };
  const tabs = (['code', 'console'] as const).filter((tab) => options.panes.includes(tab));
  const [tab, setTab] = useState<EmbedTab>(options.tab);
  return (
    <div className="embed" data-testid="embed">
      <header className="embed-header">
        <span className="embed-title" title={title}>
          {title}
        </span>
        {problem ? null : <RunControls />}
        <a
          className="embed-open"
          href={playgroundUrl()}
          target="_blank"
          rel="noopener"
          data-testid="embed-open"
          title="Open this workflow in the full Flowplay playground"
          // The link follows the reader's edits: it is brought up to date as a pointer or the focus
          // reaches it, before a click, a middle click, a context menu or Enter can follow it.
          onPointerDown={refreshHref}
          onFocus={refreshHref}
          onClick={refreshHref}
        >
          Open in Flowplay <span aria-hidden="true">↗</span>
        </a>
      </header>
      {problem ? (
        <p className="embed-problem" role="alert" data-testid="embed-problem">
          {problem}
        </p>
      ) : (
        <>
          {options.panes.includes('graph') ? (
            <section className="embed-graph" aria-label="Graph">
              <GraphView />
            </section>
          ) : null}
          <HumanInput />
          {tabs.length > 0 ? (
            <section className="embed-tabs" aria-label="Code and console">
              <div className="dock-tabs" role="tablist">
                {tabs.map((id) => (
                  <button
                    key={id}
                    type="button"
                    role="tab"
                    aria-selected={tab === id}
                    className={tab === id ? 'dock-tab active' : 'dock-tab'}
                    data-testid={`embed-tab-${id}`}
                    onClick={() => setTab(id)}
                  >
                    {TAB_LABELS[id]}
                  </button>
                ))}
              </div>
              <div className="embed-tab-panel" role="tabpanel">
                {tab === 'code' ? (
                  <div className="embed-code">
                    <CodeEditor readOnly={!options.editable} />
                    {options.editable ? <ProblemsList /> : null}
                  </div>
                ) : (
                  <div className="embed-console">
                    <ConsolePanel />
                    <ResultPanel />
                  </div>
                )}
              </div>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
