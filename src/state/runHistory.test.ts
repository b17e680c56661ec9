import { describe, expect, it } from 'vitest';
import type { CompileResult } from '../compiler/model.ts';
import type { TraceRecord } from '../engine/trace.ts';
import type { RunEnd, RunnerClient, TraceSink } from '../worker/protocol.ts';
import { createRunController } from './runController.ts';
import { HISTORY_SIZE } from './runHistory.ts';
import { createRunStore } from './runStore.ts';
import { applyAnalysis, createWorkspaceStore, setSource } from './workspaceStore.ts';

const GRAPH = { nodes: [{ id: 'event:StartEvent', kind: 'event', label: 'StartEvent' }], edges: [] } as unknown as CompileResult['graph'];
const analysis = { graph: GRAPH, js: 'js', diagnostics: [], workflows: [{ name: 'F', steps: [] }] } as unknown as CompileResult;

/** A runner that answers each run with a started and a finished record, or holds it open until stopped. */
function fakeRunner(hold = false) {
  let release: (() => void) | null = null;
  let stops = 0;
  const runner: RunnerClient = {
    async run(_request, sink: TraceSink): Promise<RunEnd> {
      sink([{ kind: 'run.started', seq: 0 } as unknown as TraceRecord]);
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      sink([{ kind: 'run.finished', seq: 1, status: 'stopped', result: 'ok' } as unknown as TraceRecord]);
      return { kind: 'finished' };
    },
    async stop() {
      stops++;
      release?.();
      return 'cancelled';
    },
    control: async () => undefined,
    prepare: () => undefined,
    dispose: () => undefined,
  };
  return { runner, stops: () => stops };
}

function setup(hold = false) {
  const workspace = createWorkspaceStore('code A');
  applyAnalysis(workspace, 1, analysis);
  const run = createRunStore();
  const fake = fakeRunner(hold);
  const runs = createRunController({ workspace, run, runner: fake.runner, clock: () => 0, refreshAnalysis: async () => applyAnalysis(workspace, workspace.getState().revision, analysis) });
  return { workspace, run, runs, fake };
}

describe('run history: the view belongs to the code in the editor', () => {
  it('an edit sets the finished run aside and leaves the view idle', async () => {
    const { workspace, run, runs } = setup();
    await runs.start();
    expect(run.getState().length).toBe(2);
    setSource(workspace, 'code B');
    const state = run.getState();
    expect(state.length).toBe(0);
    expect(state.engine).toBe('idle');
    expect(state.code).toBeNull();
    expect(state.history.map((p) => [p.number, p.code, p.status, p.trace.length])).toEqual([[1, 'code A', 'stopped', 2]]);
  });

  it('no run, nothing to set aside; the same text again changes nothing', async () => {
    const { workspace, run, runs } = setup();
    setSource(workspace, 'code B');
    expect(run.getState().history).toEqual([]);
    await runs.start();
    setSource(workspace, 'code B');
    expect(run.getState().length).toBe(2);
  });

  it('an edit during a live run stops it and sets it aside as cut short', async () => {
    const { workspace, run, runs, fake } = setup(true);
    const started = runs.start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(run.getState().engine).toBe('running');
    setSource(workspace, 'code B');
    await started;
    expect(fake.stops()).toBe(1);
    expect(run.getState().engine).toBe('idle');
    expect(run.getState().length).toBe(0);
    expect(run.getState().history[0]!.status).toBe('running');
  });

  it('reopening an earlier run brings back its code, and the run it replaces goes to the history', async () => {
    const { workspace, run, runs } = setup();
    await runs.start();
    setSource(workspace, 'code B');
    await runs.start();
    const first = run.getState().history[0]!;
    await runs.reopen(first);
    expect(workspace.getState().source).toBe('code A');
    expect(run.getState().runNumber).toBe(1);
    expect(run.getState().length).toBe(2);
    expect(run.getState().origin).toBe('live');
    expect(run.getState().history.map((p) => [p.number, p.code])).toEqual([[2, 'code B']]);
  });

  it(`keeps the ${HISTORY_SIZE} most recent runs`, async () => {
    const { workspace, run, runs } = setup();
    for (let i = 0; i < HISTORY_SIZE + 3; i++) {
      await runs.start();
      setSource(workspace, `code ${i}`);
    }
    expect(run.getState().history).toHaveLength(HISTORY_SIZE);
    expect(run.getState().history[0]!.number).toBe(HISTORY_SIZE + 3);
  });
});
