import { useStore } from 'zustand';
import { useSession } from '../share/session.ts';
import type { RecoveryAction } from './ErrorBoundary.tsx';

/** "Restore my previous draft", when there is one: the way back from code that breaks the page. */
export function useRestorePrevious(): RecoveryAction[] {
  const { drafts } = useSession();
  const previous = useStore(drafts.store, (s) => s.history[0]);
  if (!previous) return [];
  return [{ label: `Restore my previous draft (${previous.title})`, testId: 'restore-previous', run: () => drafts.restore(previous.id) }];
}
