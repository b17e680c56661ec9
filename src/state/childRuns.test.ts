import { describe, expect, it } from 'vitest';
import type { CompileResult } from '../compiler/model.ts';
import { StartEvent, StopEvent, Workflow, setRunDefaults, sleep, step } from '../engine/index.ts';
import type { TraceRecord } from '../engine/trace.ts';
import type { RunEnd, RunnerClient, TraceSink } from '../worker/protocol.ts';
import { childRunsOf, closeChildRun, openChildRun, shownChild } from './childRuns.ts';
import { createRunController } from './runController.ts';
import { createRunStore } from './runStore.ts';
import { applyAnalysis, createWorkspaceStore } from './workspaceStore.ts';

class Leaf extends Workflow {
  @step({ accepts: [StartEvent], returns: [StopEvent] })
  async leaf(_ev: StartEvent) {
    await sleep(1);
    return new StopEvent({ result: 'leaf' });
  }
}
class Child extends Workflow {
  @step({ accepts: [StartEvent], returns: [StopEvent] })
  async work(_ev: StartEvent) {
    return new StopEvent({ result: `child+${await new Leaf().run()}` });
  }
}
class Parent extends Workflow {
  @step({ accepts: [StartEvent], returns: [StopEvent] })
  async delegate(_ev: StartEvent) {
    const a = await new Child().run();
    return new StopEvent({ result: a });
  }
}

/** A runner that runs Parent in the engine and streams every record the host sees, a few at a time. */
const runner: RunnerClient = {
  async run(_request, sink: TraceSink): Promise<RunEnd> {
    const records: TraceRecord[] = [];
    const previous = setRunDefaults({ clock: 'virtual', seed: 1, onTrace: (r) => records.push(r) });
    try {
      await new Parent().run();
    } finally {
      setRunDefaults(previous);
    }
    for (let i = 0; i < records.length; i += 3) sink(records.slice(i, i + 3));
    return { kind: 'finished' };
  },
  stop: async () => 'idle',
  control: async () => undefined,
  prepare: () => undefined,
  savedContext: async () => ({ ok: true as const, context: null }),
  dispose: () => undefined,
};

const GRAPH = { nodes: [], edges: [] } as unknown as CompileResult['graph'];
const analysis = { graph: GRAPH, js: 'js', diagnostics: [], workflows: [{ name: 'Parent', steps: [] }] } as unknown as CompileResult;

async function ranParent() {
  const workspace = createWorkspaceStore('code');
  applyAnalysis(workspace, 1, analysis);
  const run = createRunStore();
  const runs = createRunController({ workspace, run, runner, clock: () => 0, refreshAnalysis: async () => undefined });
  await runs.start();
  return run;
}

const kinds = (trace: readonly TraceRecord[]) => [...new Set(trace.map((r) => r.runId))].length;

describe('child runs on the page', () => {
  it('the run keeps its own records; its children and grandchildren are kept apart, each with its parent', async () => {
    const run = await ranParent();
    const state = run.getState();
    expect(kinds(state.trace)).toBe(1);
    expect(state.trace[0]).toMatchObject({ kind: 'run.started', workflow: 'Parent' });
    expect(state.childRuns.map((c) => [c.workflow, c.parentStep, c.trace.at(-1)?.kind])).toEqual([
      ['Child', 'delegate', 'run.finished'],
      ['Leaf', 'work', 'run.finished'],
    ]);
    const delegate = state.trace.find((r) => r.kind === 'step.started')!;
    expect(childRunsOf(state).map((c) => c.workflow)).toEqual(['Child']);
    expect(childRunsOf(state, (delegate as { invocation: number }).invocation).map((c) => c.workflow)).toEqual(['Child']);
    expect(state.childLength).toBe(state.childRuns.reduce((n, c) => n + c.trace.length, 0));
  });

  it('a child opens in place of its parent, its own child from there, and each way back restores the view it left', async () => {
    const run = await ranParent();
    const root = run.getState().trace;
    run.setState({ now: 1234, cursor: 3, viewPaused: true });
    const [child] = childRunsOf(run.getState());
    expect(openChildRun(run, child!.runId)).toBe(true);
    expect(run.getState().trace).toBe(child!.trace);
    expect(shownChild(run.getState())?.workflow).toBe('Child');
    const [leaf] = childRunsOf(run.getState());
    expect(leaf!.workflow).toBe('Leaf');
    expect(openChildRun(run, leaf!.runId)).toBe(true);
    expect(shownChild(run.getState())?.workflow).toBe('Leaf');

    expect(closeChildRun(run)).toBe(leaf!.parentInvocation);
    expect(run.getState().trace).toBe(child!.trace);
    expect(closeChildRun(run)).toBe(child!.parentInvocation);
    expect(run.getState()).toMatchObject({ trace: root, now: 1234, cursor: 3, viewPaused: true, openedFrom: [] });
    expect(shownChild(run.getState())).toBeNull();
    expect(closeChildRun(run)).toBeNull();
  });

  it('does not open while the runner is still working on the run', async () => {
    const run = await ranParent();
    run.setState({ engine: 'running' });
    expect(openChildRun(run, childRunsOf(run.getState())[0]!.runId)).toBe(false);
    expect(openChildRun(run, 'no-such-run')).toBe(false);
  });
});
