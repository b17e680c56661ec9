import { useCallback, useRef, useState } from 'react';
import { useDismiss } from '../share/useDismiss.ts';

const DOCS = 'https://docs.llamaindex.ai/en/stable/module_guides/workflow/';

/** The keys the page answers to, written for the platform in use. */
function shortcuts(mac: boolean): [string, string][] {
  const mod = mac ? '⌘' : 'Ctrl';
  return [
    [`${mod}+Enter`, 'Run the workflow (anywhere on the page)'],
    ['Esc', 'Stop the run (when no menu or completion list is open)'],
    [`${mod}+F`, 'Search in the code (in the editor)'],
    [`${mod}+Space`, 'Complete a name (in the editor)'],
    ['← →', 'One trace record back or forward (on the scrubber)'],
    ['← → Home End', 'Move between the Console, Timeline and Inspector tabs'],
    ['Arrow keys', 'Resize the panes (on a divider; double-click puts it back)'],
  ];
}

/** Help: the keyboard shortcuts, and where to read about the workflows Flowplay models. */
export function HelpMenu() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useDismiss(root, open, useCallback(() => setOpen(false), []));
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
  return (
    <div className="help" ref={root}>
      <button type="button" className="btn btn-header" data-testid="help-button" aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen(!open)} title="Keyboard shortcuts and documentation">
        <span aria-hidden="true">?</span>
        <span className="sr-only">Help</span>
      </button>
      {open ? (
        <div className="popover help-menu" data-testid="help-menu" role="dialog" aria-label="Help">
          <h2>Keyboard shortcuts</h2>
          <dl className="shortcuts">
            {shortcuts(mac).map(([keys, what]) => (
              <div key={keys}>
                <dt><kbd>{keys}</kbd></dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
          <h2>Learn more</h2>
          <p>
            Flowplay runs workflows in the style of LlamaIndex Workflows:{' '}
            <a href={DOCS} target="_blank" rel="noopener noreferrer" data-testid="docs-link">
              the LlamaIndex Workflows documentation
            </a>{' '}
            explains events, steps and the context in depth.
          </p>
        </div>
      ) : null}
    </div>
  );
}
