import type { Point } from './graphLayout.ts';

export interface EdgeCurve {
  /** SVG path data. */
  d: string;
  /** The point at fraction `t` (0..1) of the way along, for placing tokens. */
  at(t: number): Point;
  /** Where a label sits. */
  mid: Point;
  /** Where the line ends, and the direction it arrives in (unit vector), for drawing an arrowhead. */
  end: Point;
  direction: Point;
  /** The corners the line runs through, ends included. */
  points: readonly Point[];
}

/** How far a route's ends may be from where the nodes' handles are drawn and still be used as is. */
const SNAP = 8;
/** Corners of orthogonal routes are rounded with this radius (or less, on short segments). */
const CORNER = 8;
/** How far a detour keeps from the nodes it goes around. */
const CLEARANCE = 18;

/**
 * The line an edge is drawn as, from the source's handle (`s`, right side) to the target's (`t`,
 * left side). The routed polyline from the layout is used when its ends are where the handles are
 * (the nodes have not been dragged since); otherwise the edge is routed anew from the handles: an
 * orthogonal step for a forward edge, and for a back edge a loop out to the right, under both nodes,
 * and in from the left, so it never runs through its own ends and always arrives with its arrowhead.
 * The page and the SVG export both draw with this, so they look the same.
 */
export function edgeRoute(route: readonly Point[] | undefined, s: Point, t: Point, below?: number): EdgeCurve {
  if (route && route.length >= 2 && near(route[0]!, s) && near(route[route.length - 1]!, t)) return polyline(route);
  return polyline(detour(s, t, below));
}

/** A fresh orthogonal route between two handles; `below` is the lowest edge of the two nodes, if known. */
function detour(s: Point, t: Point, below?: number): Point[] {
  if (t.x - s.x >= 2 * CLEARANCE) {
    if (Math.abs(t.y - s.y) < 1) return [s, t];
    const midX = (s.x + t.x) / 2;
    return [s, { x: midX, y: s.y }, { x: midX, y: t.y }, t];
  }
  const under = Math.max(below ?? Math.max(s.y, t.y) + 40, s.y, t.y) + CLEARANCE;
  return [s, { x: s.x + CLEARANCE, y: s.y }, { x: s.x + CLEARANCE, y: under }, { x: t.x - CLEARANCE, y: under }, { x: t.x - CLEARANCE, y: t.y }, t];
}

/** Straight segments joined by rounded corners, with arc-length placement along them. */
function polyline(points: readonly Point[]): EdgeCurve {
  const lengths: number[] = [];
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const len = Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
    lengths.push(len);
    total += len;
  }
  const at = (f: number): Point => {
    let left = Math.min(1, Math.max(0, f)) * total;
    for (let i = 0; i < lengths.length; i++) {
      const len = lengths[i]!;
      if (left <= len || i === lengths.length - 1) {
        const a = points[i]!;
        const b = points[i + 1]!;
        const k = len === 0 ? 0 : Math.min(1, left / len);
        return { x: a.x + (b.x - a.x) * k, y: a.y + (b.y - a.y) * k };
      }
      left -= len;
    }
    return points[0]!;
  };
  const first = points[0]!;
  const parts = [`M ${n(first.x)},${n(first.y)}`];
  for (let i = 1; i < points.length - 1; i++) {
    const prev = points[i - 1]!;
    const here = points[i]!;
    const next = points[i + 1]!;
    const r = Math.min(CORNER, lengths[i - 1]! / 2, lengths[i]! / 2);
    const into = toward(here, prev, r);
    const out = toward(here, next, r);
    parts.push(`L ${n(into.x)},${n(into.y)}`, `Q ${n(here.x)},${n(here.y)} ${n(out.x)},${n(out.y)}`);
  }
  const last = points[points.length - 1]!;
  parts.push(`L ${n(last.x)},${n(last.y)}`);
  const before = points[points.length - 2] ?? first;
  const len = Math.hypot(last.x - before.x, last.y - before.y) || 1;
  return { d: parts.join(' '), at, mid: at(0.5), points, end: last, direction: { x: (last.x - before.x) / len, y: (last.y - before.y) / len } };
}

/** The point `r` away from `from` in the direction of `to`. */
function toward(from: Point, to: Point, r: number): Point {
  const len = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  return { x: from.x + ((to.x - from.x) * r) / len, y: from.y + ((to.y - from.y) * r) / len };
}

const near = (a: Point, b: Point) => Math.abs(a.x - b.x) <= SNAP && Math.abs(a.y - b.y) <= SNAP;
const n = (value: number) => String(Math.round(value * 10) / 10);
