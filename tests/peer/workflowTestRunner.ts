/**
 * The library's `WorkflowTestRunner` for these ports: runs a workflow, reads its whole stream, and
 * returns the result with the events it collected (the stop event left out). A failed run rejects,
 * as `await runner.run()` raises in Python.
 */
import { Context, StartEvent, StopEvent, Workflow, step, type ContextStore, type Event, type EventClass, type RunOptions } from 'flowplay';

export interface TestRun<R> {
  result: R;
  collected: Event[];
}

export async function runToEnd<R = unknown>(
  workflow: Workflow,
  input?: Record<string, unknown> | StartEvent,
  options: RunOptions & { excludeEvents?: EventClass[] } = {},
): Promise<TestRun<R>> {
  const { excludeEvents = [StopEvent], ...runOptions } = options;
  const handler = workflow.run<R>(input, runOptions);
  const collected: Event[] = [];
  for await (const ev of handler.streamEvents()) {
    if (!excludeEvents.some((cls) => ev instanceof cls)) collected.push(ev);
  }
  return { result: await handler, collected };
}

/** Runs `body` with the `ctx.store` a step of a fresh run sees (the library's tests reach the store so). */
export async function withStepStore(body: (store: ContextStore) => Promise<void>): Promise<void> {
  class Flow extends Workflow {
    @step({ accepts: [StartEvent], returns: [StopEvent] })
    async only(ctx: Context, _ev: StartEvent) {
      await body(ctx.store);
      return new StopEvent();
    }
  }
  await new Flow().run({}, { clock: 'virtual' });
}

/** What a run rejects with, or null when it succeeds (`pytest.raises` for a run). */
export function rejectionOf(run: PromiseLike<unknown>): Promise<unknown> {
  return Promise.resolve(run).then(
    () => null,
    (error: unknown) => error,
  );
}
