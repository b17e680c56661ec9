import { RUN_ROW, laneList } from '../../inspect/index.ts';
import type { LaneRef, TimelineView } from '../../inspect/index.ts';

export const LANE_HEIGHT = 16;
export const ROW_GAP = 8;
export const AXIS_HEIGHT = 20;

export interface PlacedLane extends LaneRef {
  y: number;
  /** First lane of its row (where the row's name is written). */
  first: boolean;
  /**
   * What the lane is called beside the row's name: a worker (`w1`), the queue (`wait`), or nothing
   * for the run's row and for the placeholder lane of a step's row that nothing has reached yet.
   */
  label: string;
}

/** Where each lane sits vertically, and the time span the width stands for. */
export interface TimelineGeometry {
  lanes: PlacedLane[];
  height: number;
  span: number;
}

export function timelineGeometry(view: TimelineView): TimelineGeometry {
  const lanes: PlacedLane[] = [];
  let y = AXIS_HEIGHT;
  let row: string | null = null;
  const waitRows = new Set(view.rows.filter((r) => r.waitLane).map((r) => r.id));
  const empty = new Set(view.rows.filter((r) => r.lanes.length === 0).map((r) => r.id));
  for (const lane of laneList(view)) {
    const first = lane.row !== row;
    if (first && row !== null) y += ROW_GAP;
    row = lane.row;
    const label = lane.row === RUN_ROW || empty.has(lane.row) ? '' : lane.lane === 0 && waitRows.has(lane.row) ? 'wait' : `w${lane.lane}`;
    lanes.push({ ...lane, y, first, label });
    y += LANE_HEIGHT;
  }
  // The whole recorded run fits the width, so scrubbing moves the cursor rather than the bars.
  const span = Math.max(view.recordedEnd, view.end, view.cursor.time, 1);
  return { lanes, height: y + 6, span };
}

/** The lane under a y coordinate (canvas pixels), if any. */
export function laneAt(geometry: TimelineGeometry, y: number): PlacedLane | null {
  for (const lane of geometry.lanes) if (y >= lane.y && y < lane.y + LANE_HEIGHT) return lane;
  return null;
}
