import { useStore } from 'zustand';
import { showDock } from '../../state/index.ts';
import type { DockTab } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';
import { ConsolePanel } from '../run/index.ts';
import { TimelinePanel } from '../timeline/TimelinePanel.tsx';
import { ChildRunsBar } from './ChildRunsBar.tsx';
import { InspectorPanel } from './InspectorPanel.tsx';
import { RunsPanel } from '../timetravel/RunsPanel.tsx';
import './inspect.css';

const TABS: { id: DockTab; label: string }[] = [
  { id: 'console', label: 'Console' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'inspector', label: 'Inspector' },
  { id: 'runs', label: 'Runs' },
];

/** Console, timeline, inspector and the page's runs share the space under the graph; only the tab shown is drawn. */
export function Dock() {
  const { ui } = usePlayground();
  const dock = useStore(ui, (s) => s.dock);
  return (
    <div className="dock">
      <div
        className="dock-tabs"
        role="tablist"
        aria-label="Run details"
        onKeyDown={(event) => {
          // Arrow keys move between the tabs (and show them), as tab lists do; Home/End to the ends.
          const at = TABS.findIndex((tab) => tab.id === dock);
          const to = event.key === 'ArrowRight' ? at + 1 : event.key === 'ArrowLeft' ? at - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : null;
          if (to === null) return;
          event.preventDefault();
          const next = TABS[(to + TABS.length) % TABS.length]!;
          showDock(ui, next.id);
          document.getElementById(`dock-tab-${next.id}`)?.focus();
        }}
      >
        {TABS.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`dock-tab-${tab.id}`}
            aria-selected={dock === tab.id}
            aria-controls="dock-panel"
            tabIndex={dock === tab.id ? 0 : -1}
            className={dock === tab.id ? 'dock-tab active' : 'dock-tab'}
            data-testid={`dock-tab-${tab.id}`}
            onClick={() => showDock(ui, tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <ChildRunsBar />
      <div className="dock-panel" role="tabpanel" id="dock-panel" aria-labelledby={`dock-tab-${dock}`} tabIndex={-1}>
        {dock === 'console' ? <ConsolePanel /> : dock === 'timeline' ? <TimelinePanel /> : dock === 'runs' ? <RunsPanel /> : <InspectorPanel />}
      </div>
    </div>
  );
}
