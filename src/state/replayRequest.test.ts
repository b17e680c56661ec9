import { describe, expect, it } from 'vitest';
import type { CompileResult } from '../compiler/model.ts';
import type { TraceRecord } from '../engine/trace.ts';
import type { RunEnd, RunRequest, RunnerClient, TraceSink } from '../worker/protocol.ts';
import { createRunController } from './runController.ts';
import { createRunStore, updateSettings } from './runStore.ts';
import type { SavedContext } from '../engine/savedContext.ts';
import { applyAnalysis, createWorkspaceStore } from './workspaceStore.ts';

const GRAPH = { nodes: [{ id: 'event:StartEvent', kind: 'event', label: 'StartEvent' }], edges: [] } as unknown as CompileResult['graph'];
const analysis = { graph: GRAPH, js: 'js', diagnostics: [], workflows: [{ name: 'F', steps: [] }] } as unknown as CompileResult;

/** A runner that keeps what each run was asked for and each control sent; a run ends when `finish` is called. */
function recordingRunner() {
  const requests: RunRequest[] = [];
  const controls: unknown[] = [];
  let finish: (() => void) | null = null;
  const runner: RunnerClient = {
    async run(request, sink: TraceSink): Promise<RunEnd> {
      requests.push(request);
      sink([{ kind: 'run.started', seq: 1, t: 0, seed: request.seed } as unknown as TraceRecord]);
      await new Promise<void>((resolve) => (finish = resolve));
      sink([{ kind: 'run.finished', seq: 2, t: 0, status: 'stopped', result: 'ok' } as unknown as TraceRecord]);
      return { kind: 'finished' };
    },
    async stop() {
      finish?.();
      return 'cancelled';
    },
    control: async (message) => void controls.push(message),
    prepare: () => undefined,
    savedContext: async () => ({ ok: true as const, context: null }),
    dispose: () => undefined,
  };
  return { runner, requests, controls, finish: () => finish?.() };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a re-run is held only where the recorded run was', () => {
  it('the page\'s breakpoints and step mode are not applied to a re-run, a breakpoint set during it is kept for later runs, and the verdict says so', async () => {
    const workspace = createWorkspaceStore('code');
    applyAnalysis(workspace, 1, analysis);
    const run = createRunStore();
    const fake = recordingRunner();
    const runs = createRunController({ workspace, run, runner: fake.runner, clock: () => 0, refreshAnalysis: async () => undefined });
    updateSettings(run, { breakpoints: ['work'], stepMode: true });

    const first = runs.start();
    await tick();
    expect(fake.requests[0]).toMatchObject({ breakpoints: ['work'], stepMode: true });
    fake.finish();
    await first;

    const again = runs.replay(null);
    await tick();
    expect(fake.requests[1]).toMatchObject({ breakpoints: [], stepMode: false, replay: { fork: null } });
    // A breakpoint toggled while the re-run goes on is for the runs after it, not sent to this one.
    await runs.toggleBreakpoint('gather');
    expect(fake.controls).toEqual([]);
    expect(run.getState().settings.breakpoints).toEqual(['work', 'gather']);
    fake.finish();
    await again;
    expect(run.getState().verdict?.setAside).toEqual({ stepMode: true, breakpoints: ['work'] });

    // The next ordinary run has them all, and a toggle reaches it while it runs.
    const next = runs.start();
    await tick();
    expect(fake.requests[2]).toMatchObject({ breakpoints: ['work', 'gather'], stepMode: true });
    await runs.toggleBreakpoint('gather');
    expect(fake.controls).toEqual([{ kind: 'breakpoints', steps: ['work'] }]);
    fake.finish();
    await next;
  });

  it('a run resumed from a saved one re-runs and forks from the same context and start input, its answer left to the replay', async () => {
    const workspace = createWorkspaceStore('code');
    applyAnalysis(workspace, 1, analysis);
    const run = createRunStore();
    const fake = recordingRunner();
    const runs = createRunController({ workspace, run, runner: fake.runner, clock: () => 0, refreshAnalysis: async () => undefined });
    const context = { version: 1, workflow: 'F', stateType: null, state: { name: 'Ada' }, running: true, awaitingInput: 1, work: [] } as unknown as SavedContext;
    run.setState({ resumable: { context, input: { topic: 'saved' } } });

    const resumed = runs.resumeSaved('yes');
    await tick();
    expect(fake.requests[0]).toMatchObject({ input: { topic: 'saved' }, resume: { context, answer: 'yes' } });
    fake.finish();
    await resumed;
    expect(run.getState().resumedFrom).toEqual({ context, input: { topic: 'saved' } });

    const again = runs.replay(null);
    await tick();
    expect(fake.requests[1]).toMatchObject({ input: { topic: 'saved' }, resume: { context, answer: null }, replay: { fork: null } });
    fake.finish();
    await again;

    // The re-run was itself resumed from that context: a fork of it starts there too, and so does one of the run kept in the history.
    const fork = runs.replay({ change: 'answer', answer: 0, fields: { response: 'no' } }, 'answered "no"');
    await tick();
    expect(fake.requests[2]).toMatchObject({ resume: { context, answer: null }, replay: { fork: { change: 'answer' } } });
    fake.finish();
    await fork;
    expect(run.getState().history.map((p) => p.resumedFrom?.context)).toEqual([context, context]);

    // A fresh run starts fresh.
    const fresh = runs.start();
    await tick();
    expect(fake.requests[3]!.resume).toBeUndefined();
    fake.finish();
    await fresh;
    expect(run.getState().resumedFrom).toBeNull();
  });
});
