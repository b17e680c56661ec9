import { useStore } from 'zustand';
import { CHAPTERS } from '../../tutorial/index.ts';
import { useSession } from '../share/session.ts';
import { closeTutorial } from './TutorialPanel.tsx';

/** Opens and closes the tutorial panel (on the chapter last shown, else the first). */
export function TutorialButton() {
  const { tutorial } = useSession();
  const open = useStore(tutorial.store, (s) => s.open);
  const passed = useStore(tutorial.store, (s) => s.progress.passed.length);
  const total = CHAPTERS.reduce((n, c) => n + c.exercises.length, 0);
  return (
    <button
      type="button"
      className={`btn btn-header${open ? ' is-on' : ''}`}
      data-testid="tutorial-button"
      aria-pressed={open}
      onClick={() => (open ? closeTutorial(tutorial) : tutorial.openChapter(tutorial.store.getState().chapter ?? CHAPTERS[0]!.id))}
      title={`The tutorial: ${passed} of ${total} exercises passed`}
    >
      Tutorial
    </button>
  );
}
