import { useStore } from 'zustand';
import { setSource } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';

/**
 * The code in a plain text area, for when the editor (or the whole page around it) failed: the user
 * can still read, copy and change their work, and changes are saved as drafts as usual.
 */
export function CodeAsText() {
  const { workspace } = usePlayground();
  const source = useStore(workspace, (s) => s.source);
  return (
    <textarea
      className="crash-text"
      data-testid="code-as-text"
      aria-label="Your code, as plain text"
      spellCheck={false}
      value={source}
      onChange={(event) => setSource(workspace, event.target.value)}
    />
  );
}
