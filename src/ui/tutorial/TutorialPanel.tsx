import { useStore } from 'zustand';
import { chapterLink } from '../../share/index.ts';
import type { ReadingLang } from '../../state/tutorialStore.ts';
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
  // The editor's language, and the reader's: they differ while a chapter without Python is shown.
  const lang = useStore(workspace, (s) => s.lang);
  const reading = useStore(tutorial.store, (s) => s.lang);
  if (!open) return null;
  const chapter = chapterById(chapterId ?? '') ?? CHAPTERS[0]!;
  // The chapter reads in the reader's language when its example has that version.
  const textLang = chapterLang(loadTutorialSource, chapter, reading);
  const index = CHAPTERS.indexOf(chapter);
  const previous = CHAPTERS[index - 1];
  const next = CHAPTERS[index + 1];
  const done = (id: string) => {
    const c = chapterById(id)!;
    return c.exercises.length > 0 && c.exercises.every((e) => progress.passed.includes(exerciseKey(c, e)));
  };
  const loadExample = (target = chapter) => {
    tutorial.stopExercise();
    wayBack.replaceWith(() => drafts.open(chapterExampleOpening(target, reading)));
  };
  const go = (id: string) => {
    // The editor still holds this chapter's example as it came: the next chapter's example takes its place.
    const untouched = workspace.getState().source === tutorialSource(chapter.example, lang).code;
    tutorial.openChapter(id);
    const target = chapterById(id);
    if (untouched && target && target.id !== chapter.id) loadExample(target);
    // The address is the chapter's own link, in the reader's language, without reloading or re-reading the location.
    window.history.replaceState(null, '', linkTo(id, reading));
  };
  const shownInTypeScript = reading === 'python' && textLang === 'typescript';

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
          <a className="chapter-link" data-testid="chapter-link" href={linkTo(chapter.id, reading)} title="Link to this chapter" aria-label="Link to this chapter">
            #
          </a>
        </h2>
        <div className="chapter-example">
          <button type="button" className="btn btn-small" data-testid="load-example" onClick={() => loadExample()}>
            Load this chapter's example into the editor
          </button>
          <WayBack wayBack={wayBack} />
        </div>
        {shownInTypeScript ? (
          <p className="tutorial-note" data-testid="no-python" role="note">
            This chapter is shown in TypeScript: it has no Python version yet, so its example and exercises open in TypeScript and the editor switches to TypeScript when you load them. You are still reading in Python: the next chapter you open that has Python opens in Python.
          </p>
        ) : reading === 'python' && lang !== 'python' ? (
          <p className="tutorial-note" data-testid="editor-in-typescript" role="note">
            The editor still holds TypeScript. Load this chapter's example to go on in Python.
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
            <a href={linkTo(previous.id, reading)} data-testid="previous-chapter" onClick={(e) => (e.preventDefault(), go(previous.id))}>
              ← {previous.title}
            </a>
          ) : (
            <span />
          )}
          {next ? (
            <a href={linkTo(next.id, reading)} data-testid="next-chapter" onClick={(e) => (e.preventDefault(), go(next.id))}>
              {next.title} →
            </a>
          ) : null}
        </nav>
      </div>
    </aside>
  );
}

/** A chapter's address on this page, in the reader's language (`?lang=python` carries Python). */
function linkTo(id: string, lang: ReadingLang): string {
  return chapterLink(window.location.pathname, id, lang);
}
