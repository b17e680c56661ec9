/**
 * For the run controller's tests (runHistory.test.ts, runStop.test.ts): a runner with no engine
 * behind it, and an analysis of one workflow with a graph of one node. Not part of the page.
 */
import type { CompileResult } from '../compiler/model.ts';
import type { TraceRecord } from '../engine/trace.ts';
import type { RunEnd, RunRequest, RunnerClient, TraceSink } from '../worker/protocol.ts';

const GRAPH = { nodes: [{ id: 'event:StartEvent', kind: 'event', label: 'StartEvent' }], edges: [] } as unknown as CompileResult['graph'];
export const ONE_NODE_ANALYSIS = { graph: GRAPH, js: 'js', diagnostics: [], workflows: [{ name: 'F', steps: [] }] } as unknown as CompileResult;

export interface RunScript {
  /** The records each run sends first. */
  first: (request: RunRequest) => TraceRecord[];
  /** With `hold`, the run then waits until Stop; then it sends `last` and finishes. */
  hold: boolean;
  last: TraceRecord[];
}

/** A runner that plays `script` for every run; it keeps the requests it was given and counts Stops. */
export function scriptedRunner(script: RunScript): { runner: RunnerClient; requests: RunRequest[]; stops: () => number } {
  let release: (() => void) | null = null;
  let stops = 0;
  const requests: RunRequest[] = [];
  const runner: RunnerClient = {
    async run(request, sink: TraceSink): Promise<RunEnd> {
      requests.push(request);
      sink(script.first(request));
      if (script.hold) await new Promise<void>((resolve) => (release = resolve));
      sink(script.last);
      return { kind: 'finished' };
    },
    async stop() {
      stops++;
      release?.();
      return 'cancelled';
    },
    control: async () => undefined,
    prepare: () => undefined,
    savedContext: async () => ({ ok: true as const, context: null }),
    dispose: () => undefined,
  };
  return { runner, requests, stops: () => stops };
}
