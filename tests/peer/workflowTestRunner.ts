/**
 * The library's `WorkflowTestRunner` for these ports: runs a workflow, reads its whole stream, and
 * returns the result with the events it collected (the stop event left out). A failed run rejects,
 * as `await runner.run()` raises in Python.
 */
import { StopEvent, type Event, type EventClass, type RunOptions, type StartEvent, type Workflow } from 'flowplay';

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
