import { describe, expect, it } from 'vitest';
import type { CompileResult } from '../compiler/model.ts';
import type { TraceRecord } from '../engine/trace.ts';
import type { RunEnd, RunnerClient, TraceSink } from '../worker/protocol.ts';
import { createRunController } from './runController.ts';
import { ONE_NODE_ANALYSIS as analysis, scriptedRunner } from './scriptedRunner.ts';
import { createRunStore, updateSettings } from './runStore.ts';
import { applyAnalysis, createWorkspaceStore } from './workspaceStore.ts';

/** A runner whose engine has got 10 records ahead and is still going until Stop, which ends it as cancelled. */
function busyRunner(): RunnerClient {
  return scriptedRunner({
    // The run's start names its clock, as the engine's does.
    first: (request) => Array.from({ length: 10 }, (_, seq) => (seq === 0 ? { kind: 'run.started', seq, t: 0, clock: request.clock } : { kind: 'log', seq, t: 0 }) as unknown as TraceRecord),
    hold: true,
    last: [{ kind: 'run.finished', seq: 10, t: 0, status: 'cancelled' } as unknown as TraceRecord],
  }).runner;
}

/** A run controller over `runner`; `analyse` false: the analysis of new code never comes back. */
function setup(clock: 'virtual' | 'real', runner: RunnerClient = busyRunner(), analyse = true) {
  const workspace = createWorkspaceStore('code');
  applyAnalysis(workspace, 1, analysis);
  const run = createRunStore();
  updateSettings(run, { clock });
  const refreshAnalysis = async () => {
    if (analyse) applyAnalysis(workspace, workspace.getState().revision, analysis);
  };
  const runs = createRunController({ workspace, run, runner, clock: () => 0, refreshAnalysis });
  return { workspace, run, runs };
}

describe('Stop while the engine is still working the run out', () => {
  it('with the virtual clock, the run ends where the playback was, as it does once the engine is done', async () => {
    const { run, runs } = setup('virtual');
    const started = runs.start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(run.getState().engine).toBe('running');
    await runs.stop(3);
    await started;
    const trace = run.getState().trace;
    expect(trace.map((r) => r.kind)).toEqual(['run.started', 'log', 'log', 'run.finished']);
    expect(trace[3]).toMatchObject({ status: 'cancelled', error: { name: 'Stopped' } });
  });

  it('the run\'s own clock decides, not the Clock setting changed while it played', async () => {
    const { run, runs } = setup('virtual');
    const started = runs.start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    updateSettings(run, { clock: 'real' });
    await runs.stop(3);
    await started;
    expect(run.getState().trace.map((r) => r.kind)).toEqual(['run.started', 'log', 'log', 'run.finished']);
  });

  it('with the virtual clock and a runner that had to be replaced, the ending keeps the page\'s account of that', async () => {
    let release: ((end: RunEnd) => void) | null = null;
    const stuck: RunnerClient = {
      ...busyRunner(),
      async run(request, sink: TraceSink): Promise<RunEnd> {
        sink([
          { kind: 'run.started', seq: 0, t: 0, clock: request.clock },
          { kind: 'step.started', seq: 1, t: 0, step: 'spin', invocation: 1, worker: 0, attempt: 1 },
          { kind: 'log', seq: 2, t: 0 },
        ] as unknown as TraceRecord[]);
        return new Promise<RunEnd>((resolve) => (release = resolve));
      },
      async stop() {
        release?.({ kind: 'restarted', reason: 'stopped', waitedMs: 600 });
        return 'restarted';
      },
    };
    const { run, runs } = setup('virtual', stuck);
    const started = runs.start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await runs.stop(2);
    await started;
    const trace = run.getState().trace;
    expect(trace.map((r) => r.kind)).toEqual(['run.started', 'step.started', 'run.finished']);
    expect(trace[2]).toMatchObject({ status: 'cancelled', error: { name: 'RunnerRestarted', step: 'spin' } });
    expect((trace[2] as { error: { message: string } }).error.message).toMatch(/^Stopped while step 'spin' was running: .* so it was replaced\. The run ends where the playback was\.$/);
  });

  it('with the real clock, everything the run recorded is kept and shown', async () => {
    const { run, runs } = setup('real');
    const started = runs.start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await runs.stop(3);
    await started;
    const state = run.getState();
    expect(state.trace).toHaveLength(11);
    expect(state.trace[10]).toMatchObject({ kind: 'run.finished', status: 'cancelled' });
    expect(state.now).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('loading a saved run', () => {
  it('shows the file\'s own graph at once, before the analysis of its code comes back', async () => {
    // The analysis of the file's code never comes back in this test: what is drawn must not wait for it.
    const { workspace, runs } = setup('virtual', busyRunner(), false);
    const saved = { nodes: [{ id: 'step:work', kind: 'step', label: 'work' }], edges: [] } as unknown as CompileResult['graph'];
    await runs.loadRecorded({ code: 'code B', trace: [{ kind: 'run.started', seq: 0, t: 0 } as unknown as TraceRecord], graph: saved });
    expect(workspace.getState().source).toBe('code B');
    expect(workspace.getState().graph).toEqual(saved);
    // The code's own analysis, when it comes, is what the graph then shows.
    applyAnalysis(workspace, workspace.getState().revision, analysis);
    expect(workspace.getState().graph).toEqual(analysis.graph);
  });
});
