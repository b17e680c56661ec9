import { useStore } from 'zustand';
import { showDock } from '../../state/index.ts';
import type { DockTab } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';
import { ConsolePanel } from '../run/index.ts';
import { TimelinePanel } from '../timeline/TimelinePanel.tsx';
import { InspectorPanel } from './InspectorPanel.tsx';
import './inspect.css';

const TABS: { id: DockTab; label: string }[] = [
  { id: 'console', label: 'Console' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'inspector', label: 'Inspector' },
];

/** Console, timeline and inspector share the space under the graph; only the tab shown is drawn. */
export function Dock() {
  const { ui } = usePlayground();
  const dock = useStore(ui, (s) => s.dock);
  return (
    <div className="dock">
      <div className="dock-tabs" role="tablist" aria-label="Run details">
        {TABS.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={dock === tab.id}
            className={dock === tab.id ? 'dock-tab active' : 'dock-tab'}
            data-testid={`dock-tab-${tab.id}`}
            onClick={() => showDock(ui, tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div className="dock-panel" role="tabpanel">
        {dock === 'console' ? <ConsolePanel /> : dock === 'timeline' ? <TimelinePanel /> : <InspectorPanel />}
      </div>
    </div>
  );
}
