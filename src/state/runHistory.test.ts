import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../engine/trace.ts';
import { createRunController } from './runController.ts';
import { ONE_NODE_ANALYSIS as analysis, scriptedRunner } from './scriptedRunner.ts';
import { HISTORY_SIZE } from './runHistory.ts';
import { createRunStore } from './runStore.ts';
import { listRuns } from './runList.ts';
import { applyAnalysis, createWorkspaceStore, setSource } from './workspaceStore.ts';

/** Each run is sent a started and a finished record, or held open between them until stopped. */
function fakeRunner(hold = false) {
  const fake = scriptedRunner({
    first: (request) => [{ kind: 'run.started', seq: 0, seed: request.seed } as unknown as TraceRecord],
    hold,
    last: [{ kind: 'run.finished', seq: 1, status: 'stopped', result: 'ok' } as unknown as TraceRecord],
  });
  return {
    runner: fake.runner,
    stops: fake.stops,
    get seeds() {
      return fake.requests.map((r) => r.seed ?? -1);
    },
    get replays() {
      return fake.requests.flatMap((r) => (r.replay ? [r.replay.fork] : []));
    },
  };
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

describe('run history: every run of the tab, as a tree of forks', () => {
  it('running again keeps the run on screen in the history, with its seed', async () => {
    const { run, runs } = setup();
    await runs.start();
    await runs.start();
    expect(run.getState().runNumber).toBe(2);
    expect(listRuns(run.getState()).map((r) => [r.number, r.onScreen, r.seed, r.status])).toEqual([[2, true, 42, 'stopped'], [1, false, 42, 'stopped']]);
  });

  it('a re-run and a fork sit under the run they came from, with what the fork changed', async () => {
    const { run, runs } = setup();
    await runs.start();
    await runs.replay(null);
    await runs.start();
    const third = run.getState().runNumber;
    await runs.replay({ change: 'state', at: 1, key: 'k', value: 1 }, 'state k = 1');
    expect(listRuns(run.getState()).map((r) => [r.number, r.depth, r.parent, r.change])).toEqual([
      [third, 0, null, null],
      [4, 1, third, 'state k = 1'],
      [1, 0, null, null],
      [2, 1, 1, null],
    ]);
  });

  it('a reopened run keeps its number and its lineage; the next run gets a number of its own', async () => {
    const { run, runs } = setup();
    await runs.start();
    await runs.replay(null);
    await runs.start();
    const fork = run.getState().history.find((p) => p.number === 2)!;
    await runs.reopen(fork);
    expect(run.getState().runNumber).toBe(2);
    expect(run.getState().verdict?.of).toBe(1);
    await runs.start();
    expect(run.getState().runNumber).toBe(4);
    expect(listRuns(run.getState()).map((r) => r.number).sort()).toEqual([1, 2, 3, 4]);
  });

  it('same code, another seed: the code runs, then again with the next seed, and the two are named to compare', async () => {
    const { run, runs, fake } = setup();
    expect(await runs.anotherSeed()).toEqual({ first: 1, second: 2 });
    expect(fake.seeds).toEqual([42, 43]);
    expect(run.getState().settings.seed).toBe(43);
    // With a run of this code on screen, only the second run is made.
    expect(await runs.anotherSeed()).toEqual({ first: 2, second: 3 });
    expect(fake.seeds).toEqual([42, 43, 44]);
  });

  it('a fork of the code: the run is kept, the edited code runs with its inputs up to the moment, and says how it compared', async () => {
    const { workspace, run, runs, fake } = setup();
    await runs.start();
    runs.beginCodeFork(1);
    expect(run.getState().codeFork).toMatchObject({ of: 1, at: 1 });
    setSource(workspace, 'code B');
    expect(run.getState().length).toBe(0);
    await runs.continueCodeFork();
    expect(fake.replays).toEqual([{ change: 'code', at: 1 }]);
    expect(run.getState()).toMatchObject({ runNumber: 2, code: 'code B', codeFork: null, verdict: { of: 1, change: 'the code changed at record 1', prefix: 1, same: 1, difference: null } });
    expect(listRuns(run.getState()).map((r) => [r.number, r.depth, r.code])).toEqual([[1, 0, 'code A'], [2, 1, 'code B']]);
  });

  it('a fork of the code can be given up; Run drops it too', async () => {
    const { run, runs } = setup();
    await runs.start();
    runs.beginCodeFork(1);
    runs.cancelCodeFork();
    expect(run.getState().codeFork).toBeNull();
    runs.beginCodeFork(1);
    await runs.start();
    expect(run.getState().codeFork).toBeNull();
  });
});
