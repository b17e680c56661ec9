import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { ViewDeriver, deriveView } from './deriveView.ts';
import type { RunView } from './deriveView.ts';
import { PlaybackSchedule } from './playbackSchedule.ts';
import { markPlaybackDone, setPlaybackTime } from './runStore.ts';
import type { RunStore } from './runStore.ts';

export interface ViewState {
  view: RunView;
  /**
   * The playback schedule of the run shown, extended in place as records arrive (a new run gets a
   * new one): the scrubber and the timeline place records with its times.
   */
  schedule: PlaybackSchedule;
}

export type ViewStore = StoreApi<ViewState>;

export function createViewStore(): ViewStore {
  return createStore<ViewState>(() => ({ view: deriveView(null, [], 0), schedule: new PlaybackSchedule() }));
}

export interface PlaybackLoopDeps {
  run: RunStore;
  view: ViewStore;
  requestFrame: (callback: (time: number) => void) => number;
  cancelFrame: (handle: number) => void;
}

/**
 * The playback clock: each animation frame it advances the playback time by the elapsed wall time
 * times the speed, bounded by what has been recorded, and publishes the derived view. The view is a
 * function of (graph, trace, time) only; this loop merely decides which time to show.
 */
export function startPlaybackLoop(deps: PlaybackLoopDeps): () => void {
  const { run, view, requestFrame, cancelFrame } = deps;
  const deriver = new ViewDeriver();
  let last: number | null = null;
  let handle = requestFrame(frame);

  function frame(wall: number): void {
    const dt = last === null ? 0 : Math.min(wall - last, 100);
    last = wall;
    const state = run.getState();
    const schedule = deriver.scheduleFor(state.trace);
    const hop = schedule.timing.hop;
    let limit: number;
    if (state.engine === 'running') {
      // A real-clock run is followed as it happens: time keeps going between batches.
      const sinceBatch = state.settings.clock === 'real' ? Math.max(0, wall - state.lastBatchAt) * state.settings.speed : 0;
      limit = schedule.end + Math.min(sinceBatch, 60_000);
    } else {
      limit = schedule.end + hop;
    }
    // A paused view stays where it is while a live run goes on recording.
    const now = state.viewPaused ? state.now : Math.min(state.now + dt * state.settings.speed, limit);
    if (now !== state.now) setPlaybackTime(run, now);
    if (state.engine === 'done' && (state.cursor === null ? now >= limit : state.cursor >= state.trace.length)) markPlaybackDone(run);
    publish();
    handle = requestFrame(frame);
  }

  function publish(): void {
    const state = run.getState();
    const schedule = deriver.scheduleFor(state.trace);
    const current = view.getState();
    const next = deriver.derive(state.graph, state.trace, state.now, state.cursor);
    if (changed(current.view, next) || current.schedule !== schedule) view.setState({ view: next, schedule });
  }

  // A scrubber move or a record step on a held view is shown at once, not a frame later: scrubbing
  // then keeps up with the pointer.
  const unsubscribe = run.subscribe((state, previous) => {
    if (state.viewPaused && (state.now !== previous.now || state.cursor !== previous.cursor)) publish();
  });

  return () => {
    unsubscribe();
    cancelFrame(handle);
  };
}

/** Frames where nothing visible changed publish nothing, so an idle page costs no renders. */
function changed(a: RunView, b: RunView): boolean {
  if (a.cursor !== b.cursor || a.total !== b.total || a.status !== b.status) return true;
  // A held frame (paused view) looks the same however often it is drawn.
  if (a.now === b.now) return false;
  const aTokens = Object.keys(a.tokens).length;
  const bTokens = Object.keys(b.tokens).length;
  if (aTokens === 0 && bTokens === 0) return false;
  return true;
}
