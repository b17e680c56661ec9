/**
 * The examples menu: the tutorial's examples and a few larger workflows. Ids are what `?example=<id>`
 * names, so they are part of the link format and must not change; the concurrency ones keep the ids
 * the first playground used.
 */
import type { RunSettings, SourceLoader } from './model.ts';

export interface ExampleEntry {
  id: string;
  title: string;
  description: string;
  /** Source path below `src/`. */
  path: string;
  /** The same workflow in Python, as the LlamaIndex docs write it (path below `src/`), when there is one. */
  python?: string;
  /** The tutorial chapter it belongs to, when it has one. */
  chapter?: string;
  /** How it should run (answers for a human-in-the-loop example, an expected failure). */
  run?: RunSettings & { expectedStatus?: 'stopped' | 'failed' | 'timeout' };
}

export interface Example extends ExampleEntry {
  source: string;
  /** The text of `python`. */
  pythonSource?: string;
}

export const EXAMPLE_ENTRIES: readonly ExampleEntry[] = [
  { id: 'first-workflow', title: 'A first workflow', description: 'One step from StartEvent to StopEvent.', path: 'tutorial/examples/first-workflow/hello.ts', chapter: 'first-workflow' },
  { id: 'branches-and-loops', title: 'Branches and loops', description: 'A step picks the next step by the event it returns; a reviewer loops back to the writer.', path: 'tutorial/examples/branches-and-loops/revise.ts', chapter: 'branches-and-loops' },
  { id: 'state', title: 'State: a guessing game', description: 'ctx.set and ctx.get keep the secret and the search bounds across a loop.', path: 'tutorial/examples/state/guess.ts', chapter: 'state' },
  { id: 'streaming', title: 'Streaming progress', description: 'Steps publish progress events that the caller reads with streamEvents().', path: 'tutorial/examples/streaming/progress.ts', chapter: 'streaming' },
  { id: 'parallel', title: 'Parallel: first to finish wins', description: 'Three queries run at once with sendEvent; the first StopEvent ends the run.', path: 'examples/concurrency/parallel.ts', python: 'examples/concurrency/parallel.py', chapter: 'concurrency' },
  { id: 'collect', title: 'Collect: wait for all three', description: 'collectEvents returns null until all three results have arrived.', path: 'examples/concurrency/collect.ts', python: 'examples/concurrency/collect.py', chapter: 'collect-one-type' },
  { id: 'different-types', title: 'Collect different event types', description: 'Three branches, one join; results come back in the order of the expected list.', path: 'examples/concurrency/collect-different-types.ts', python: 'examples/concurrency/collect-different-types.py', chapter: 'collect-different-types' },
  { id: 'map-reduce', title: 'Map-reduce with ctx.set', description: 'The number of tasks is kept in the context and the reducer waits for that many.', path: 'examples/concurrency/map-reduce.ts', python: 'examples/concurrency/map-reduce.py', chapter: 'map-reduce' },
  { id: 'fan-out-fan-in', title: 'Typed fan-out and fan-in', description: 'Promise<Task[]> starts a batch; evs: Done[] gathers it in one call.', path: 'tutorial/examples/fan-out-fan-in/word-count.ts', chapter: 'fan-out-fan-in' },
  { id: 'human-in-the-loop', title: 'Human in the loop', description: 'The run asks for your name and waits for the answer.', path: 'tutorial/examples/human-in-the-loop/ask-name.ts', chapter: 'human-in-the-loop', run: { answers: ['Ada'] } },
  { id: 'when-things-go-wrong', title: 'A flaky step', description: 'A step that throws fails the run; add a retry policy to get through.', path: 'tutorial/examples/when-things-go-wrong/flaky.ts', chapter: 'when-things-go-wrong', run: { expectedStatus: 'failed' } },
  { id: 'retries-and-error-steps', title: 'Retry policies and error steps', description: 'A busy service is retried with exponential backoff; an error step answers if it never recovers.', path: 'tutorial/examples/retries-and-error-steps/forecast.ts', chapter: 'retries-and-error-steps' },
  { id: 'typed-state', title: 'Typed state', description: 'A state class with defaults; three counts add to the totals with editState, and nothing is lost.', path: 'tutorial/examples/typed-state/word-totals.ts', chapter: 'typed-state' },
  { id: 'resources', title: 'Resources', description: 'Two steps share a cached memory; an async model client is made once from its own settings resource.', path: 'tutorial/examples/resources/chat-memory.ts', chapter: 'resources' },
  { id: 'resuming-a-run', title: 'Resuming a run', description: 'A refund run saved while it waited for an answer is resumed from its context; the slow lookup does not run again.', path: 'tutorial/examples/resuming-a-run/resume-refund.ts', chapter: 'resuming-a-run', run: { answers: ['yes'] } },
  { id: 'time-travel', title: 'A refund to fork', description: 'Approved up to 100, escalated above: fork the run with another amount and compare.', path: 'tutorial/examples/time-travel/refund.ts', chapter: 'time-travel' },
  { id: 'retrieval', title: 'Retrieval pipeline', description: 'A question fans out to three sources searched in parallel; the hits are merged, ranked and answered.', path: 'examples/realistic/retrieval.ts' },
  { id: 'agent-loop', title: 'Agent with a tool step', description: 'An agent calls tools and reads their results in a loop until it can answer.', path: 'examples/realistic/agent-loop.ts' },
  { id: 'document-batch', title: 'Document batch', description: 'Summarise a batch of documents three at a time and reduce once all are in.', path: 'examples/realistic/document-batch.ts' },
];

export function exampleEntry(id: string): ExampleEntry | undefined {
  return EXAMPLE_ENTRIES.find((entry) => entry.id === id);
}

/** The menu with sources, read through `load` (e.g. `viteSourceLoader()` in the page). */
export function loadExamples(load: SourceLoader): Example[] {
  return EXAMPLE_ENTRIES.map((entry) => ({ ...entry, source: load(entry.path), ...(entry.python ? { pythonSource: load(entry.python) } : {}) }));
}
