import { useState } from 'react';
import { setSource } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';

export interface WayBackState {
  /** The code the editor held before the last replacement, when it differed from what replaced it. */
  previous: string | null;
  /** Runs `open` (which replaces the editor's code) and remembers what was there. */
  replaceWith: (open: () => void) => void;
  restore: () => void;
}

/**
 * What the tutorial replaced in the editor, kept so that one click puts it back: loading an example
 * or starting an exercise must never leave edited code reachable only through the Drafts menu.
 */
export function useWayBack(): WayBackState {
  const { workspace } = usePlayground();
  const [previous, setPrevious] = useState<string | null>(null);
  return {
    previous,
    replaceWith: (open) => {
      const before = workspace.getState().source;
      open();
      setPrevious(workspace.getState().source === before ? null : before);
    },
    restore: () => {
      if (previous === null) return;
      setSource(workspace, previous);
      setPrevious(null);
    },
  };
}

export function WayBack({ wayBack }: { wayBack: WayBackState }) {
  if (wayBack.previous === null) return null;
  return (
    <p className="way-back" role="status">
      The code you had is kept in Drafts.{' '}
      <button type="button" className="link-button" data-testid="way-back" onClick={wayBack.restore}>
        Put it back
      </button>
    </p>
  );
}
