import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { errorsOf } from '../../state/index.ts';
import { isPassed } from '../../state/tutorialStore.ts';
import { chapterLang, exerciseHasPython, exerciseKey, exerciseTextIn } from '../../tutorial/index.ts';
import type { Chapter, Exercise } from '../../tutorial/index.ts';
import { usePlayground } from '../playground.ts';
import { useSession } from '../share/session.ts';
import { InlineText } from './ChapterText.tsx';
import { exerciseOpening, loadTutorialSource, tutorialSource } from './tutorialSources.ts';
import { WayBack, useWayBack } from './WayBack.tsx';

/** One exercise: the task, Start, the last check's verdict, and a hint and solution on request. */
export function ExerciseCard({ chapter, exercise }: { chapter: Chapter; exercise: Exercise }) {
  const { tutorial, drafts } = useSession();
  const key = exerciseKey(chapter, exercise);
  const active = useStore(tutorial.store, (s) => s.exercise === key);
  const result = useStore(tutorial.store, (s) => (s.result?.key === key ? s.result : null));
  const passed = useStore(tutorial.store, (s) => isPassed(s, key));
  const [help, setHelp] = useState<'none' | 'hint' | 'solution'>('none');
  const { workspace } = usePlayground();
  // The reader's language, not the editor's: a chapter shown in TypeScript leaves the reader in Python.
  const lang = useStore(tutorial.store, (s) => s.lang);
  // In a chapter that reads in Python, an exercise without a Python version says so where it is.
  const chapterInPython = chapterLang(loadTutorialSource, chapter, lang) === 'python';
  const inPython = chapterInPython && exerciseHasPython(loadTutorialSource, exercise);
  const { task, hint } = exerciseTextIn(exercise, inPython ? 'python' : 'typescript');
  // While the exercise is active, code that does not compile is said here, where the user looks.
  const compileError = useStore(workspace, (s) => (active ? (errorsOf(s.analysis)[0] ?? null) : null));
  const wayBack = useWayBack();
  const feedback = useRef<HTMLDivElement>(null);
  // A verdict appears below the fold of a long chapter: bring it into view when it arrives.
  // (A statement, not the arrow's value: scrollIntoView may return a promise, which React would take for a cleanup.)
  useEffect(() => {
    feedback.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [result]);

  const open = (which: 'start' | 'solution') => {
    wayBack.replaceWith(() => drafts.open(exerciseOpening(chapter, exercise, which, lang)));
    tutorial.startExercise(key);
  };
  const start = () => open('start');

  return (
    <section className={`exercise${active ? ' is-active' : ''}`} data-testid="exercise" data-exercise={key} data-passed={passed}>
      <h3>
        <span>{exercise.title}</span>
        {passed ? <span className="exercise-tick" title="You passed this exercise">✓ passed</span> : null}
      </h3>
      <p className="exercise-task">
        <InlineText text={task} />
      </p>
      {chapterInPython && !inPython ? (
        <p className="tutorial-note" data-testid="exercise-no-python" role="note">
          This exercise has no Python version yet: it opens in TypeScript.
        </p>
      ) : null}
      {active ? (
        <p className="exercise-active" data-testid="exercise-active">
          {exercise.exploring ? 'Run the code and read what the check saw.' : 'Edit the code, then Run: the run is checked when it ends.'}
        </p>
      ) : (
        <button type="button" className="btn btn-small btn-primary" data-testid="start-exercise" onClick={start}>
          Start exercise
        </button>
      )}
      <WayBack wayBack={wayBack} />
      {compileError ? (
        <p className="exercise-compile-error" data-testid="exercise-compile-error" role="alert">
          The code does not compile yet: line {compileError.range.line}: {compileError.message}
        </p>
      ) : null}
      {result ? (
        <div
          ref={feedback}
          className={`exercise-result ${result.passed ? 'is-pass' : result.pending ? 'is-pending' : 'is-fail'}`}
          data-testid="exercise-result"
          data-passed={result.passed}
          data-pending={result.pending === true}
          role="status"
        >
          <strong>{result.passed ? 'Passed. ' : result.pending ? 'Checking again. ' : 'Not yet. '}</strong>
          <span>{result.message}</span>
          {result.details.length > 0 ? (
            <ul>
              {result.details.map((detail, i) => (
                <li key={i}>{detail}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="exercise-help">
        <button type="button" className="link-button" data-testid="show-hint" aria-expanded={help === 'hint'} onClick={() => setHelp(help === 'hint' ? 'none' : 'hint')}>
          {help === 'hint' ? 'Hide hint' : 'Hint'}
        </button>
        <button type="button" className="link-button" data-testid="show-solution" aria-expanded={help === 'solution'} onClick={() => setHelp(help === 'solution' ? 'none' : 'solution')}>
          {help === 'solution' ? 'Hide solution' : 'Solution'}
        </button>
      </div>
      {help === 'hint' ? (
        <p className="exercise-hint" data-testid="hint">
          <InlineText text={hint} />
        </p>
      ) : null}
      {help === 'solution' ? (
        <div className="exercise-solution" data-testid="solution">
          <pre>
            <code>{tutorialSource(exercise.solution, lang).code}</code>
          </pre>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => open('solution')}
          >
            Load the solution into the editor
          </button>
        </div>
      ) : null}
    </section>
  );
}
