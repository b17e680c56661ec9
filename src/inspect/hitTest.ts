import type { TimelineBar, TimelineMarker } from './timelineModel.ts';
import type { TimelineView } from './timelineAt.ts';

/** One horizontal lane of the drawing: the UI stacks them top to bottom in this order. */
export interface LaneRef {
  row: string;
  lane: number;
}

export type TimelineHit =
  | { kind: 'marker'; marker: TimelineMarker }
  | { kind: 'bar'; bar: TimelineBar; part: 'waiting' | 'running' };

/** Every lane of the view in drawing order, so a y coordinate maps to `lanes[Math.floor(y / laneHeight)]`. */
export function laneList(view: TimelineView): LaneRef[] {
  const lanes: LaneRef[] = [];
  for (const row of view.rows) for (const lane of row.lanes.length > 0 ? row.lanes : [0]) lanes.push({ row: row.id, lane });
  return lanes;
}

/**
 * What is under the pointer at `time` in `lane`: the nearest marker within `tolerance` (axis units;
 * markers sit on top of bars), else the bar whose waiting or running part contains `time`.
 *
 * @example
 * hitTest(view, laneList(view)[3]!, 1200, 40) // { kind: 'bar', bar, part: 'running' }
 */
export function hitTest(view: TimelineView, lane: LaneRef, time: number, tolerance = 0): TimelineHit | null {
  const row = view.rows.find((r) => r.id === lane.row);
  if (!row) return null;
  let best: TimelineMarker | null = null;
  for (const marker of row.markers) {
    if (marker.lane !== lane.lane) continue;
    const distance = Math.abs(marker.time - time);
    if (distance <= tolerance && (best === null || distance < Math.abs(best.time - time))) best = marker;
  }
  if (best) return { kind: 'marker', marker: best };
  // Later bars are drawn over earlier ones: prefer the latest that contains the point.
  for (let i = row.bars.length - 1; i >= 0; i--) {
    const bar = row.bars[i]!;
    if (bar.lane !== lane.lane) continue;
    const end = bar.end ?? view.cursor.time;
    if (time < bar.waitFrom - tolerance || time > end + tolerance) continue;
    const part = bar.start === null || time < bar.start ? 'waiting' : 'running';
    return { kind: 'bar', bar, part };
  }
  return null;
}
