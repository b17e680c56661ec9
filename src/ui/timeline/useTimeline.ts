import { useRef } from 'react';
import { useStore } from 'zustand';
import { TimelineBuilder, timelineAt } from '../../inspect/index.ts';
import type { TimelineView } from '../../inspect/index.ts';
import type { PlaybackSchedule } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';

/**
 * Each run's builder, kept while its schedule lives: reading a 100,000-event run into one takes the
 * page about a second, which reopening the tab on the same run then skips. Keyed weakly, so a builder
 * goes with its run: when another run is shown (a new schedule), the last one's is collected whether
 * or not the timeline's tab was opened again meanwhile.
 */
const builders = new WeakMap<PlaybackSchedule, TimelineBuilder>();

function builderFor(schedule: PlaybackSchedule): TimelineBuilder {
  let builder = builders.get(schedule);
  if (!builder) {
    builder = new TimelineBuilder();
    builders.set(schedule, builder);
  }
  return builder;
}

/**
 * The timeline of the run shown, clipped to the view's cursor, in workflow time: the axis is the
 * clock's, so a 5 s run spans 5 s and an instant step is an instant, whatever the animation took.
 * The cursor's time is the clock's reading. The builder is extended, never rebuilt, while a run
 * grows; a scrubber move costs only the clipping.
 */
export function useTimeline(): TimelineView {
  const { run, view } = usePlayground();
  const trace = useStore(run, (s) => s.trace);
  const schedule = useStore(view, (s) => s.schedule);
  const cursor = useStore(view, (s) => s.view.cursor);
  const clock = useStore(view, (s) => s.view.t);
  const total = useStore(view, (s) => s.view.total);
  const held = useRef<{ schedule: PlaybackSchedule; builder: TimelineBuilder; view: TimelineView | null; length: number } | null>(null);
  if (held.current?.schedule !== schedule) held.current = { schedule, builder: builderFor(schedule), view: null, length: 0 };
  const builder = held.current.builder;
  // Only records the schedule has placed (the trace may have grown since the last frame).
  const placed = Math.min(schedule.length, trace.length, Math.max(total, cursor));
  if (builder.length < placed) builder.extend(placed === trace.length ? trace : trace.slice(0, placed));
  // The same view while nothing moved (a hover re-renders): what it made on demand is kept.
  const last = held.current.view;
  if (last !== null && held.current.length === builder.length && last.cursor.count === Math.max(0, Math.min(cursor, builder.length)) && last.cursor.time === clock) return last;
  held.current.view = timelineAt(builder, { count: cursor, time: clock });
  held.current.length = builder.length;
  return held.current.view;
}
