/**
 * The page's side of keeping and sharing work: drafts, tutorial progress, page notices, and the
 * one runner command the tutorial needs (answering a question). Created in `main.tsx` next to the
 * playground, so the playground's own composition root stays about editing and running.
 */
import { createContext, useContext } from 'react';
import type { DraftController } from '../../state/draftController.ts';
import type { NoticeStore } from '../../state/noticeStore.ts';
import type { TutorialController } from '../../state/tutorialStore.ts';

export interface Session {
  drafts: DraftController;
  tutorial: TutorialController;
  notices: NoticeStore;
  /** Sends the person's answer to the question the current run waits on. */
  answer(response: string): Promise<void>;
  /** Switches to a new version of the app that has installed and waits (when one does). */
  applyUpdate?: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionContext provider.');
  return session;
}
