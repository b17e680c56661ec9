import type { GraphModel } from '../compiler/model.ts';
import type { ErrorInfo, TraceRecord } from '../engine/trace.ts';
import type { RunRequest, RunnerClient } from '../worker/protocol.ts';
import type { ForkChange } from '../engine/replay.ts';
import { judgeReplay } from './replayVerdict.ts';
import { clockOf } from './runList.ts';
import { errorsOf, isRunnable, setSource, showSavedGraph } from './workspaceStore.ts';
import { PYTHON_FILE_NAME } from '../inspect/userLocation.ts';
import type { WorkspaceStore } from './workspaceStore.ts';
import { parseInput } from './parseInput.ts';
import { appendTrace, beginRun, endRun, loadRecordedRun, publishTrace, setPlaybackTime, stopPlaybackAt, updateSettings } from './runStore.ts';
import type { RunState, RunStore, SavedStart } from './runStore.ts';
import { runEndRecords } from './runEndRecords.ts';
import { syntheticFinish } from './syntheticRecords.ts';
import { TraceCap } from './traceCap.ts';
import { mainWorkflow } from './mainWorkflow.ts';
import { FamilySplitter, appendChildRecords } from './childRuns.ts';
import { keepInHistory, setRunAside } from './runHistory.ts';
import type { PastRun } from './runHistory.ts';

export interface RunControllerDeps {
  workspace: WorkspaceStore;
  run: RunStore;
  runner: RunnerClient;
  /** Brings the analysis up to date with the text (an edit may be inside its debounce). */
  refreshAnalysis: () => Promise<void>;
  /** Wall clock in ms (performance.now in the page). */
  clock: () => number;
  /**
   * Calls back before the next frame is drawn (requestAnimationFrame in the page). With it, the
   * batches that arrive within one frame reach the stores' subscribers once; without it, each at once.
   */
  nextFrame?: (callback: () => void) => void;
}

export interface RunController {
  /** Runs the current code with the current settings; stops a run in progress first. */
  start(): Promise<void>;
  /** Cancels the run and shows its end at once. Always works, even against `while (true) {}`. */
  /** Stops the run; `shown`: the records on screen, where a run that is only being played back ends. */
  stop(shown?: number): Promise<void>;
  /** Engine controls for the run in progress (step mode and breakpoints); no-ops without one. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Lets one delivery through, then holds the run again. */
  step(): Promise<void>;
  /** Adds or removes a breakpoint on `step`, for the next run and the one in progress. */
  toggleBreakpoint(step: string): Promise<void>;
  /**
   * Runs the code of the run on screen again with its seed, start input and inputs on the virtual
   * clock (`fork` null), or forks it: the same up to the fork's moment, then its change. The run on
   * screen goes to the history; the new run says whether it repeated it, record for record.
   */
  replay(fork: ForkChange | null, change?: string): Promise<void>;
  /**
   * "Same code, another seed": runs the code in the editor (unless the run on screen is of it), then
   * again with the next seed; resolves with the two runs' numbers, to compare them.
   */
  anotherSeed(): Promise<{ first: number; second: number } | null>;
  /**
   * Starts a fork of the code at record `at` of the run on screen: the run is kept, and the editor's
   * code is the change. `continueCodeFork` then runs it with the run's inputs up to there.
   */
  beginCodeFork(at: number): void;
  /** Runs the fork of the code begun: the code in the editor, the recorded inputs up to the moment, checked record by record. */
  continueCodeFork(): Promise<void>;
  cancelCodeFork(): void;
  /**
   * Shows a saved run (its code in the editor, its trace to replay); stops a run in progress first.
   * A run saved before it ended comes with its context and start input, to resume it.
   */
  loadRecorded(run: { code: string; trace: TraceRecord[]; graph: GraphModel | null; resumable?: RunState['resumable'] }): Promise<void>;
  /**
   * Resumes the saved run on screen: a new run of its code goes on from its context, with `answer`
   * (when given) as the HumanResponseEvent it waited for. The saved run stays in the history.
   */
  resumeSaved(answer: string | null): Promise<void>;
  /** The run in progress's context, to save it with the run (null when no run is going on). */
  savedContext(): ReturnType<RunnerClient['savedContext']>;
  /** Shows an earlier run again, with its own code in the editor (the run on screen goes to the history). */
  reopen(past: PastRun): Promise<void>;
  /** Stops following the workspace. */
  dispose(): void;
}

export function createRunController(deps: RunControllerDeps): RunController {
  const { workspace, run, runner, clock, refreshAnalysis, nextFrame } = deps;

  // The view belongs to the code in the editor: when the code changes (an edit, an example, a
  // chapter, a link), the run made from other code is set aside, and a live one is stopped.
  const unsubscribe = workspace.subscribe((state, previous) => {
    if (state.source === previous.source) return;
    const wasLive = run.getState().engine === 'running';
    if (setRunAside(run, state.source) && wasLive) void runner.stop();
  });

  async function stop(shown?: number): Promise<void> {
    const state = run.getState();
    if (state.engine === 'running') {
      const trace = state.trace;
      await runner.stop();
      // A big virtual-clock run can still be worked out when Stop comes, far ahead of its playback:
      // it stops where the user sees it too, as it does once the engine is done (below), instead of
      // jumping to wherever the engine had got to. The run's own clock decides, not the Clock setting,
      // which may have been changed while it played.
      if (clockOf(trace) === 'virtual' && shown !== undefined && (await engineDone(trace))) return stopAtShown(shown, replacedRunner(trace));
      skipToEnd();
      return;
    }
    // A virtual-clock run is computed at once and played back: the user stops what they see.
    if (shown !== undefined) stopAtShown(shown, null);
  }

  /**
   * Ends the run at the `shown`th record. When the runner had to be replaced to stop it (`replaced`,
   * its account of that), the ending keeps that account: a step stuck in a loop is still named.
   */
  function stopAtShown(shown: number, replaced: ErrorInfo | null): void {
    const ending: ErrorInfo = replaced
      ? { ...replaced, message: `${replaced.message} The run ends where the playback was.` }
      : {
          name: 'Stopped',
          message: 'The run ends where the playback was. (With the virtual clock the run is worked out first and then played; what came after this moment is dropped.)',
        };
    stopPlaybackAt(run, shown, (kept) => syntheticFinish(kept, 'cancelled', ending));
  }

  /** The page's account of a runner replaced to stop the run of `trace`, or null when the run stopped on its own terms. */
  function replacedRunner(trace: readonly TraceRecord[]): ErrorInfo | null {
    const last = trace[trace.length - 1];
    return last?.kind === 'run.finished' && last.error?.name === 'RunnerRestarted' ? last.error : null;
  }

  /** Resolves true once the run of `trace` has its end recorded (the runner's stop settles it first), false if it is replaced or 2 s pass. */
  function engineDone(trace: TraceRecord[]): Promise<boolean> {
    const done = () => run.getState().trace === trace && run.getState().engine === 'done';
    if (done() || run.getState().trace !== trace) return Promise.resolve(done());
    return new Promise((resolve) => {
      const finish = (value: boolean) => {
        clearTimeout(timer);
        stopListening();
        resolve(value);
      };
      const timer = setTimeout(() => finish(false), 2_000);
      const stopListening = run.subscribe(() => {
        if (done()) finish(true);
        else if (run.getState().trace !== trace) finish(false);
      });
    });
  }

  function skipToEnd(): void {
    // Everything recorded so far is shown, tokens included, instead of replaying the rest slowly.
    const latest = run.getState();
    if (latest.trace.length > 0) setPlaybackTime(run, Number.POSITIVE_INFINITY);
  }

  async function start(): Promise<void> {
    const input = parseInput(run.getState().settings.inputText);
    if (!input.ok) {
      run.setState({ inputError: input.message });
      return;
    }
    // The run on screen stays in the history: it can be shown, compared and forked again.
    keepInHistory(run);
    run.setState({ codeFork: null });
    await launch(input.value, null);
  }

  async function resumeSaved(answer: string | null): Promise<void> {
    const saved = run.getState().resumable;
    if (!saved || live()) return;
    keepInHistory(run);
    run.setState({ codeFork: null });
    await launch(saved.input, null, { context: saved.context, answer });
  }

  async function anotherSeed(): Promise<{ first: number; second: number } | null> {
    if (live()) return null;
    const { source } = workspace.getState();
    if (run.getState().trace.length === 0 || run.getState().code !== source) await start();
    const first = run.getState();
    if (first.trace.length === 0 || first.code !== source) return null;
    const started = first.trace.find((r) => r.kind === 'run.started');
    const seed = (started?.kind === 'run.started' ? started.seed : null) ?? first.settings.seed;
    updateSettings(run, { seed: seed + 1 });
    await start();
    const second = run.getState();
    return second.runNumber === first.runNumber ? null : { first: first.runNumber, second: second.runNumber };
  }

  async function replay(fork: ForkChange | null, change = ''): Promise<void> {
    const state = run.getState();
    if (state.trace.length === 0 || state.engine === 'running') return;
    keepInHistory(run);
    await replayOf({ number: state.runNumber, trace: state.trace, resumedFrom: state.resumedFrom }, fork, change);
  }

  /** Runs the code in the editor as a re-run or fork of `original`, and says whether it repeated it. */
  async function replayOf(original: { number: number; trace: TraceRecord[]; resumedFrom: SavedStart | null }, fork: ForkChange | null, change: string): Promise<void> {
    // A re-run reproduces the recorded run: it is held where that run was held (its recorded pauses)
    // and nowhere else, so the page's step mode and breakpoints sit this run out, and the note says so.
    const { stepMode, breakpoints } = run.getState().settings;
    // A run resumed from a saved one starts again from that context; the answer it was resumed with
    // is one of its recorded inputs, so the replay sends it at its moment.
    const from = original.resumedFrom;
    const trace = await launch(from?.input ?? {}, { trace: original.trace, fork }, from ? { context: from.context, answer: null } : null);
    if (trace && run.getState().trace === trace) {
      const verdict = judgeReplay(original, trace, fork, fork ? change : null, { stepMode, breakpoints: [...breakpoints] });
      run.setState({ verdict });
    }
  }

  function beginCodeFork(at: number): void {
    const state = run.getState();
    if (state.trace.length === 0 || live()) return;
    keepInHistory(run);
    const trace = state.openedFrom.at(-1)?.trace ?? state.trace;
    run.setState({ codeFork: { of: state.runNumber, trace, at: Math.min(at, trace.length), resumedFrom: state.resumedFrom } });
  }

  async function continueCodeFork(): Promise<void> {
    const pending = run.getState().codeFork;
    if (!pending || live()) return;
    run.setState({ codeFork: null });
    keepInHistory(run);
    await replayOf({ number: pending.of, trace: pending.trace, resumedFrom: pending.resumedFrom }, { change: 'code', at: pending.at }, `the code changed at record ${pending.at}`);
  }

  /** Starts a run of the code in the editor; resolves with its trace once it has ended. */
  async function launch(input: Record<string, unknown>, replaying: RunRequest['replay'] | null, resume: RunRequest['resume'] | null = null): Promise<TraceRecord[] | null> {
    const { settings } = run.getState();
    const launched = performance.now();
    if (run.getState().engine === 'running') await runner.stop();
    await refreshAnalysis();
    const { analysis, graph, source, lang } = workspace.getState();
    const trace = beginRun(run, graph, clock(), source);
    if (resume) run.setState({ resumedFrom: { context: resume.context, input: input as SavedStart['input'] } });
    if (!analysis || !isRunnable(analysis, lang)) {
      const first = errorsOf(analysis)[0];
      const message = first
        ? `The code has errors; fix them to run it. Line ${first.range.line}: ${first.message}`
        : 'The code has not been analysed yet; try again in a moment.';
      appendTrace(run, trace, [syntheticFinish(trace, 'failed', { name: 'CompileError', message })], clock());
      endRun(run, trace);
      return trace;
    }
    const cap = new TraceCap();
    const family = new FamilySplitter();
    replayingNow = replaying !== null;
    // How long the page took to hand the run over (analysis, the run's start), for the benchmarks.
    performance.measure('flowplay:run-handed-over', { start: launched, end: performance.now() });
    const end = await runner.run(
      {
        js: analysis.js ?? '',
        ...(lang === 'python' ? { python: { source, fileName: PYTHON_FILE_NAME } } : {}),
        workflow: mainWorkflow(analysis.workflows),
        input,
        seed: settings.seed,
        clock: settings.clock,
        speed: settings.speed,
        stepMode: settings.stepMode,
        breakpoints: settings.breakpoints,
        ...(replaying ? { replay: replaying, stepMode: false, breakpoints: [] } : {}),
        ...(resume ? { resume } : {}),
      },
      (batch) => {
        const { own, children } = family.split(batch);
        appendChildRecords(run, trace, children);
        receive(trace, cap.take(own));
      },
    );
    appendTrace(run, trace, runEndRecords(trace, end, cap, lang), clock());
    endRun(run, trace);
    if (run.getState().trace === trace) replayingNow = false;
    return trace;
  }

  /** Whether the run in progress is a re-run or a fork: it takes no breakpoints of its own (see `replayOf`). */
  let replayingNow = false;

  let publishing: { trace: TraceRecord[]; wallNow: number } | null = null;

  /** A live batch: into the trace at once, to subscribers once per frame (see `appendTrace`). */
  function receive(trace: TraceRecord[], batch: readonly TraceRecord[]): void {
    const wallNow = clock();
    if (!nextFrame) {
      appendTrace(run, trace, batch, wallNow);
      return;
    }
    appendTrace(run, trace, batch, wallNow, false);
    if (publishing) {
      publishing.trace = trace;
      publishing.wallNow = wallNow;
      return;
    }
    const pending = (publishing = { trace, wallNow });
    nextFrame(() => {
      publishing = null;
      publishTrace(run, pending.trace, pending.wallNow);
    });
  }

  const live = () => run.getState().engine === 'running';

  async function toggleBreakpoint(step: string): Promise<void> {
    const current = run.getState().settings.breakpoints;
    const breakpoints = current.includes(step) ? current.filter((s) => s !== step) : [...current, step];
    updateSettings(run, { breakpoints });
    if (live() && !replayingNow) await runner.control({ kind: 'breakpoints', steps: breakpoints });
  }

  async function loadRecorded(file: { code: string; trace: TraceRecord[]; graph: GraphModel | null; resumable?: RunState['resumable'] }): Promise<void> {
    if (live()) await runner.stop();
    keepInHistory(run);
    setSource(workspace, file.code);
    if (file.graph) showSavedGraph(workspace, file.graph);
    loadRecordedRun(run, file.trace, file.graph, file.code);
    if (file.resumable) run.setState({ resumable: file.resumable });
    if (file.graph) return;
    // Without a saved graph the run is drawn on its code's own, once that has been analysed.
    const revision = workspace.getState().revision;
    const unsubscribe = workspace.subscribe((state) => {
      if (state.analysedRevision < revision) return;
      unsubscribe();
      if (run.getState().trace === file.trace) run.setState({ graph: state.graph });
    });
  }

  async function reopen(past: PastRun): Promise<void> {
    if (live()) await runner.stop();
    // The run on screen stays listed, whether or not its code is the one coming back.
    keepInHistory(run);
    setSource(workspace, past.code);
    if (past.graph) showSavedGraph(workspace, past.graph);
    run.setState({ history: run.getState().history.filter((p) => p.trace !== past.trace) });
    loadRecordedRun(run, past.trace, past.graph, past.code, past.number);
    run.setState({ origin: past.origin, verdict: past.verdict ?? null, resumedFrom: past.resumedFrom ?? null });
  }

  return {
    start,
    replay,
    anotherSeed,
    beginCodeFork,
    continueCodeFork,
    cancelCodeFork: () => run.setState({ codeFork: null }),
    stop,
    reopen,
    dispose: unsubscribe,
    pause: async () => void (live() && (await runner.control({ kind: 'pause' }))),
    resume: async () => void (live() && (await runner.control({ kind: 'resume' }))),
    step: async () => void (live() && (await runner.control({ kind: 'step' }))),
    toggleBreakpoint,
    loadRecorded,
    resumeSaved,
    savedContext: async () => (live() ? runner.savedContext() : { ok: true, context: null }),
  };
}
