/**
 * The tutorial as data: chapters, their exercises and how an exercise is judged. Sources are named
 * by path below `src/` (e.g. `tutorial/examples/state/guess.ts`) and read through a `SourceLoader`,
 * so the same data works in the page (Vite's `?raw`) and in Node tests (the file system).
 */
import type { GraphModel } from '../compiler/index.ts';
import type { JsonValue, TraceRecord } from '../engine/index.ts';
import type { TutorialLang } from './languages.ts';
import type { Prose } from './prose.ts';

/** What a check concluded about one run. */
export interface CheckResult {
  passed: boolean;
  /** One sentence for the tutorial panel: what the run did and, on failure, what is missing. */
  message: string;
  /** Supporting facts the panel may show under the message. */
  details?: string[];
}

/**
 * Judges a finished run by its trace alone (and the graph of the code that ran, when given). Pure.
 * `lang` is the language of the code that ran (TypeScript when absent): the verdict is the same in
 * both, but the message names steps and calls as that language writes them.
 */
export type Check = (trace: readonly TraceRecord[], graph?: GraphModel, lang?: TutorialLang) => CheckResult;

/** How the exercise runs: the same settings are used in tests and should be used in the page. */
export interface RunSettings {
  /** The run's input, for files that leave starting the run to the playground. */
  input?: Record<string, unknown>;
  /** Seed for the virtual clock run; checks are written to pass for any seed. */
  seed?: number;
  /**
   * Answers to the questions the run asks (InputRequiredEvent), in order. The page lets the person
   * answer instead; tests and "replay the solution" use these (see `answerDue`).
   */
  answers?: readonly string[];
}

export interface Exercise extends RunSettings {
  /** Unique within its chapter; progress is stored as `<chapter>/<exercise>`. */
  id: string;
  title: string;
  /** What to do, Markdown-ish like the chapter text, with the code it names in each language. */
  task: Prose;
  /** Source path of the code the exercise starts from. */
  start: string;
  /** Source path of a solution that passes the check. */
  solution: string;
  hint: Prose;
  check: Check;
  /**
   * An exercise answered by forking a run ("Fork from here" in the page): the solution's run is
   * forked at the first event of `type`, which gets these fields instead. Tests and "replay the
   * solution" do that fork; the check sees it in the trace (an `input.received` of `fields`).
   */
  fork?: { type: string; fields: { [key: string]: JsonValue } };
  /**
   * A second run for a run that passed: the same code, forked so that the first event of `type` gets
   * these fields, must pass too. One trace cannot tell a value taken from an event from the same
   * value typed into the code; a run with other input can. Tests and the page both make it.
   */
  recheck?: { type: string; fields: { [key: string]: JsonValue } };
  /**
   * An exploring exercise has nothing to fix: its starting code already passes, and the check's
   * message describes what that run did (e.g. which query won).
   */
  exploring?: boolean;
}

export interface Chapter {
  /** Used in links: `#chapter/<id>`. */
  id: string;
  title: string;
  /**
   * 120 to 300 words in each language, Markdown-ish: paragraphs, inline code, `-` lists, fenced code.
   * Written once: the code it names and the sentences only one language needs are per-language spans.
   */
  text: Prose;
  /** Source path of the example the chapter loads into the editor. */
  example: string;
  /** What the chapter's example needs to run (answers for human-in-the-loop, an expected failure). */
  exampleRun?: RunSettings & { expectedStatus?: 'stopped' | 'failed' | 'timeout' };
  exercises: Exercise[];
}

/** Returns the text of a source path below `src/`, or throws when there is no such file. */
export type SourceLoader = (path: string) => string;
