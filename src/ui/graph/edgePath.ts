export interface EdgeCurve {
  /** SVG path data. */
  d: string;
  /** The point at fraction `t` (0..1) along the curve, for placing tokens. */
  at(t: number): { x: number; y: number };
  /** Where a label sits. */
  mid: { x: number; y: number };
}

/**
 * A left-to-right cubic Bézier from a source handle on the right of a node to a target handle on the
 * left. Computed here rather than measured from the DOM so that tokens can be placed on it cheaply
 * every frame.
 */
export function edgeCurve(sx: number, sy: number, tx: number, ty: number): EdgeCurve {
  const reach = Math.max(48, Math.abs(tx - sx) * 0.5);
  const c1x = sx + reach;
  const c2x = tx - reach;
  const at = (t: number) => {
    const u = 1 - t;
    const a = u * u * u;
    const b = 3 * u * u * t;
    const c = 3 * u * t * t;
    const d = t * t * t;
    return { x: a * sx + b * c1x + c * c2x + d * tx, y: a * sy + b * sy + c * ty + d * ty };
  };
  return { d: `M ${sx},${sy} C ${c1x},${sy} ${c2x},${ty} ${tx},${ty}`, at, mid: at(0.5) };
}
