/**
 * The tutorial: chapters in Flowplay's own words, exercises judged by what a run did (its trace),
 * and the examples menu. No DOM and no Node APIs: example sources come through a `SourceLoader`.
 *
 * @example
 * const load = viteSourceLoader();
 * const chapter = chapterById("concurrency")!;
 * editor.setText(load(chapter.exercises[0]!.start));
 * // after a run: chapter.exercises[0]!.check(trace, graph) -> { passed, message, details? }
 */
export type { Chapter, Check, CheckResult, Exercise, RunSettings, SourceLoader } from './model.ts';
export { CHAPTERS } from './chapters/index.ts';
export { chapterById, exerciseByKey, exerciseKey, nextChapter, tutorialSourcePaths } from './chapterLookup.ts';
export { answerDue, questionsAsked, QUESTION_TYPE } from './answerDue.ts';
export { EXAMPLE_ENTRIES, exampleEntry, loadExamples } from './examplesMenu.ts';
export type { Example, ExampleEntry } from './examplesMenu.ts';
export { mapLoader, viteSourceLoader } from './viteSourceLoader.ts';
export { chapterLang, chapterSourcePaths, chapterTextIn, exerciseHasPython, exerciseTextIn, hasPython, missingInPython, pythonPathOf, sourceIn } from './languages.ts';
export type { TutorialLang, TutorialSource } from './languages.ts';
export * as traceFacts from './traceFacts.ts';
export { isRecheckRun, recheckFork, recheckInWords, recheckPending } from './recheck.ts';
