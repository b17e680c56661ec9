import { useStore } from 'zustand';
import { chapterHash } from '../../share/index.ts';
import type { TutorialController } from '../../state/tutorialStore.ts';
import { CHAPTERS, chapterById, chapterLang, chapterTextIn, exerciseKey, hasPython } from '../../tutorial/index.ts';
import { usePlayground } from '../playground.ts';
import { useSession } from '../share/session.ts';
import { ChapterText } from './ChapterText.tsx';
import { ExerciseCard } from './ExerciseCard.tsx';
import { chapterExampleOpening, loadTutorialSource, tutorialSource } from './tutorialSources.ts';
import { WayBack, useWayBack } from './WayBack.tsx';
import { useExerciseCheck } from './useExerciseCheck.ts';
import './tutorial.css';

const TOTAL_EXERCISES = CHAPTERS.reduce((n, c) => n + c.exercises.length, 0);

/** Closes the panel and drops the chapter from the address, so a reload does not reopen it. */
export function closeTutorial(tutorial: TutorialController): void {
  tutorial.setOpen(false);
  if (window.location.hash.startsWith('#chapter/')) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
}

/** The tutorial beside the editor: a chapter's text, its example and its exercises. */
export function TutorialPanel() {
  const { tutorial, drafts } = useSession();
  const { workspace } = usePlayground();
  const wayBack = useWayBack();
  useExerciseCheck();
  const open = useStore(tutorial.store, (s) => s.open);
  const chapterId = useStore(tutorial.store, (s) => s.chapter);
  const progress = useStore(tutorial.store, (s) => s.progress);
  const lang = useStore(workspace, (s) => s.lang);
  if (!open) return null;
  const chapter = chapterById(chapterId ?? '') ?? CHAPTERS[0]!;
  const textLang = chapterLang(loadTutorialSource, chapter, lang);
  const index = CHAPTERS.indexOf(chapter);
  const previous = CHAPTERS[index - 1];
  const next = CHAPTERS[index + 1];
  const done = (id: string) => {
    const c = chapterById(id)!;
    return c.exercises.length > 0 && c.exercises.every((e) => progress.passed.includes(exerciseKey(c, e)));
  };
  const loadExample = (target = chapter) => {
    tutorial.stopExercise();
    wayBack.replaceWith(() => drafts.open(chapterExampleOpening(target, lang)));
  };
  const go = (id: string) => {
    // The editor still holds this chapter's example as it came: the next chapter's example takes its place.
    const untouched = workspace.getState().source === tutorialSource(chapter.example, lang).code;
    tutorial.openChapter(id);
    const target = chapterById(id);
    if (untouched && target && target.id !== chapter.id) loadExample(target);
    // The address is the chapter's own link, without reloading or re-reading the location.
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${chapterHash(id)}`);
  };

  return (
    <aside className="tutorial" data-testid="tutorial" data-chapter={chapter.id} aria-label="Tutorial">
      <header className="tutorial-head">
        <select data-testid="chapter-select" aria-label="Chapter" value={chapter.id} onChange={(e) => go(e.target.value)}>
          {CHAPTERS.map((c, i) => (
            <option key={c.id} value={c.id}>
              {`${i + 1}. ${c.title}${done(c.id) ? ' ✓' : ''}`}
            </option>
          ))}
        </select>
        <button type="button" className="icon-button" aria-label="Close the tutorial" title="Close the tutorial" onClick={() => closeTutorial(tutorial)}>
          ×
        </button>
      </header>
      {/* Keyed by chapter so that a new chapter starts at its top, not at the old scroll position. */}
      <div className="tutorial-body" key={chapter.id}>
        <p className="tutorial-progress" data-testid="tutorial-progress">
          {`${progress.passed.length} of ${TOTAL_EXERCISES} exercises passed`}
        </p>
        <h2>
          <span className="chapter-number">{index + 1}</span> {chapter.title}
          <a className="chapter-link" href={chapterHash(chapter.id)} title="Link to this chapter" aria-label="Link to this chapter">
            #
          </a>
        </h2>
        <div className="chapter-example">
          <button type="button" className="btn btn-small" data-testid="load-example" onClick={() => loadExample()}>
            Load this chapter's example into the editor
          </button>
          <WayBack wayBack={wayBack} />
        </div>
        {lang === 'python' && textLang === 'typescript' ? (
          <p className="tutorial-note" data-testid="no-python" role="note">
            This chapter has no Python version yet. Its example and exercises open in TypeScript, and the editor switches to TypeScript when you load them.
          </p>
        ) : null}
        {textLang === 'python' && !hasPython(loadTutorialSource, chapter) ? (
          <p className="tutorial-note" data-testid="partly-python" role="note">
            Some exercises of this chapter have no Python version yet: they say so, and open in TypeScript.
          </p>
        ) : null}
        <ChapterText text={chapterTextIn(chapter, textLang)} />
        <h3 className="exercises-title">Exercises</h3>
        {chapter.exercises.map((exercise) => (
          <ExerciseCard key={exercise.id} chapter={chapter} exercise={exercise} />
        ))}
        <nav className="chapter-nav">
          {previous ? (
            <a href={chapterHash(previous.id)} onClick={(e) => (e.preventDefault(), go(previous.id))}>
              ← {previous.title}
            </a>
          ) : (
            <span />
          )}
          {next ? (
            <a href={chapterHash(next.id)} data-testid="next-chapter" onClick={(e) => (e.preventDefault(), go(next.id))}>
              {next.title} →
            </a>
          ) : null}
        </nav>
      </div>
    </aside>
  );
}
