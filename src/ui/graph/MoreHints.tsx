import { useReactFlow, useStore } from '@xyflow/react';
import type { ReactFlowState } from '@xyflow/react';
import { useCallback } from 'react';
import type { CSSProperties } from 'react';
import type { FlowEdge, FlowNode } from './flowTypes.ts';
import { buttonSize, freeSpot } from './hintSpot.ts';

type Side = 'left' | 'right' | 'up' | 'down';
const SIDES: readonly Side[] = ['left', 'right', 'up', 'down'];
const ARROW: Record<Side, string> = { left: '←', right: '→', up: '↑', down: '↓' };
const WORD: Record<Side, string> = { left: 'to the left', right: 'to the right', up: 'above', down: 'below' };

/** The button's words: `3 more →`, `← 2 more`. */
const buttonText = (side: Side, count: number) => (side === 'left' || side === 'up' ? `${ARROW[side]} ${count} more` : `${count} more ${ARROW[side]}`);

/** Where the right and bottom buttons sit from the pane's corner (the stylesheet's `6px`). */
const INSET = 6;

/**
 * How many nodes lie (wholly or partly) past each side of the pane, and where the right and bottom
 * buttons can sit with no node under them (their top, and their left; -1 for their usual place), as
 * "left:0,right:3@212,…": a string, so the hints re-render only when one of these changes, not on
 * every frame of a pan. `top` is where the bar along the pane's top ends.
 */
function hintPlaces(s: ReactFlowState, top: number): string {
  const [tx, ty, zoom] = s.transform;
  const counts: Record<Side, number> = { left: 0, right: 0, up: 0, down: 0 };
  const boxes: { left: number; top: number; right: number; bottom: number }[] = [];
  for (const node of s.nodeLookup.values()) {
    const width = node.measured.width;
    const height = node.measured.height;
    if (!width || !height || node.hidden) continue;
    const left = node.internals.positionAbsolute.x * zoom + tx;
    const top = node.internals.positionAbsolute.y * zoom + ty;
    boxes.push({ left, top, right: left + width * zoom, bottom: top + height * zoom });
    if (left < -1) counts.left++;
    else if (left + width * zoom > s.width + 1) counts.right++;
    else if (top < -1) counts.up++;
    else if (top + height * zoom > s.height + 1) counts.down++;
  }
  const place: Record<Side, number> = { left: -1, right: -1, up: -1, down: -1 };
  if (counts.right > 0) {
    const { width, height } = buttonSize(buttonText('right', counts.right));
    const strip = [s.width - INSET - width, s.width - INSET];
    const taken = boxes.filter((b) => b.right > strip[0]! && b.left < strip[1]!).map((b) => [b.top, b.bottom] as const);
    const corner = s.height - INSET - height;
    const y = freeSpot(taken, top, s.height - INSET, height, corner);
    if (y !== null && Math.round(y) !== Math.round(corner)) place.right = Math.round(y);
  }
  if (counts.down > 0) {
    const { width, height } = buttonSize(buttonText('down', counts.down));
    const strip = [s.height - INSET - height, s.height - INSET];
    const taken = boxes.filter((b) => b.bottom > strip[0]! && b.top < strip[1]!).map((b) => [b.left, b.right] as const);
    // Clear of the right side's fade and button, which sit in the corner.
    const end = counts.right > 0 ? s.width - INSET - buttonSize(buttonText('right', counts.right)).width - INSET : s.width - INSET;
    const middle = (s.width - width) / 2;
    const x = freeSpot(taken, INSET, end, width, middle);
    if (x !== null && Math.round(x) !== Math.round(middle)) place.down = Math.round(x);
  }
  return SIDES.map((side) => `${side}:${counts[side]}@${place[side]}`).join(',');
}

/**
 * Where the graph runs past the pane, a fade along that side and a button saying how many nodes are
 * there: the first look at a long graph starts readable at its beginning, and this says there is
 * more and takes you there (a pane's worth at a time).
 */
export function MoreHints({ top }: { top: number }) {
  const select = useCallback((s: ReactFlowState) => hintPlaces(s, top), [top]);
  const places = useStore(select);
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const pane = useStore((s) => ({ width: s.width, height: s.height }), (a, b) => a.width === b.width && a.height === b.height);
  const scroll = (side: Side) => {
    const { x, y, zoom } = flow.getViewport();
    const dx = side === 'left' ? 1 : side === 'right' ? -1 : 0;
    const dy = side === 'up' ? 1 : side === 'down' ? -1 : 0;
    void flow.setViewport({ x: x + dx * pane.width * 0.7, y: y + dy * pane.height * 0.7, zoom }, { duration: 250 });
  };
  const shown = places
    .split(',')
    .map((entry) => {
      const [side, rest] = entry.split(':') as [Side, string];
      const [count, at] = rest.split('@').map(Number) as [number, number];
      return { side, count, at };
    })
    .filter(({ count }) => count > 0);
  return (
    <>
      {shown.map(({ side, count, at }) => {
        const label = `${count} more ${count === 1 ? 'node' : 'nodes'} ${WORD[side]}`;
        // Moved off its corner only when a node would be under it there.
        const style: CSSProperties | undefined = at < 0 ? undefined : side === 'right' ? { top: at, bottom: 'auto' } : side === 'down' ? { position: 'absolute', left: at, bottom: INSET } : undefined;
        return (
          <div key={side} className={`graph-more graph-more-${side}`} data-testid={`graph-more-${side}`}>
            <button type="button" className="graph-more-button" style={style} aria-label={`${label}: scroll there`} title={`${label}. Scroll there (the wheel and a drag scroll too)`} onClick={() => scroll(side)}>
              {buttonText(side, count)}
            </button>
          </div>
        );
      })}
    </>
  );
}
