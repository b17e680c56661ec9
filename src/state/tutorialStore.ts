/**
 * The tutorial panel's state: whether it is open, which chapter it shows, the exercise being worked
 * on and what the last check of it said, and the progress remembered in storage. Progress storage is
 * injected; a failure to store it is reported, never thrown, and progress still holds for the session.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Progress, ProgressStore, StorageStatus } from '../share/index.ts';

/** The language the reader follows the tutorial in. */
export type ReadingLang = 'typescript' | 'python';

export interface ExerciseResult {
  /** `<chapter>/<exercise>`. */
  key: string;
  passed: boolean;
  message: string;
  details: string[];
  /** The run passed and the exercise's second run (other input) is under way; no verdict yet. */
  pending?: boolean;
}

export interface TutorialState {
  open: boolean;
  chapter: string | null;
  /** `<chapter>/<exercise>` of the exercise whose runs are checked, or null. */
  exercise: string | null;
  result: ExerciseResult | null;
  progress: Progress;
  /** Why progress is not being remembered, or null. */
  problem: string | null;
  /**
   * The language the reader chose. It outlasts a chapter shown in TypeScript for want of a Python
   * version: the editor switches for that chapter, the reader stays in Python for the next one.
   */
  lang: ReadingLang;
}

export type TutorialStore = StoreApi<TutorialState>;

export interface TutorialController {
  store: TutorialStore;
  setOpen(open: boolean): void;
  /** Shows a chapter (and opens the panel); marks it read. */
  openChapter(id: string): void;
  /** From now on, finished runs are checked against this exercise. */
  startExercise(key: string): void;
  stopExercise(): void;
  /** Records what a check said about a finished run; a pass is remembered. */
  recordResult(result: ExerciseResult): void;
  setLang(lang: ReadingLang): void;
}

export function createTutorialController(progress: ProgressStore, lang: ReadingLang = 'typescript'): TutorialController {
  const loaded = progress.load();
  const store = createStore<TutorialState>(() => ({
    open: false,
    chapter: null,
    exercise: null,
    result: null,
    progress: loaded.progress,
    problem: loaded.status.ok ? null : loaded.status.message,
    lang,
  }));

  function report(status: StorageStatus): void {
    store.setState({ progress: progress.load().progress, problem: status.ok ? null : status.message });
  }

  return {
    store,
    setOpen(open) {
      store.setState({ open });
    },
    openChapter(id) {
      const state = store.getState();
      const sameChapter = state.chapter === id;
      store.setState({
        open: true,
        chapter: id,
        // An exercise belongs to its chapter: leaving the chapter leaves the exercise.
        exercise: sameChapter ? state.exercise : null,
        result: sameChapter ? state.result : null,
      });
      report(progress.markRead(id));
    },
    startExercise(key) {
      store.setState({ exercise: key, result: null });
    },
    stopExercise() {
      store.setState({ exercise: null, result: null });
    },
    setLang(next) {
      if (store.getState().lang !== next) store.setState({ lang: next });
    },
    recordResult(result) {
      if (store.getState().exercise !== result.key) return;
      store.setState({ result });
      if (result.passed) report(progress.markPassed(result.key));
    },
  };
}

/** Whether an exercise was passed, in this session or an earlier one. */
export function isPassed(state: TutorialState, key: string): boolean {
  return state.progress.passed.includes(key);
}
