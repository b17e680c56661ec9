import { useReactFlow, useStore } from '@xyflow/react';
import type { ReactFlowState } from '@xyflow/react';
import type { FlowEdge, FlowNode } from './flowTypes.ts';

type Side = 'left' | 'right' | 'up' | 'down';
const SIDES: readonly Side[] = ['left', 'right', 'up', 'down'];
const ARROW: Record<Side, string> = { left: '←', right: '→', up: '↑', down: '↓' };
const WORD: Record<Side, string> = { left: 'to the left', right: 'to the right', up: 'above', down: 'below' };

/**
 * How many nodes lie (wholly or partly) past each side of the pane, as "left:0,right:3,…": a string,
 * so the hints re-render only when a count changes, not on every frame of a pan.
 */
function hiddenCounts(s: ReactFlowState): string {
  const [tx, ty, zoom] = s.transform;
  const counts: Record<Side, number> = { left: 0, right: 0, up: 0, down: 0 };
  for (const node of s.nodeLookup.values()) {
    const width = node.measured.width;
    const height = node.measured.height;
    if (!width || !height || node.hidden) continue;
    const left = node.internals.positionAbsolute.x * zoom + tx;
    const top = node.internals.positionAbsolute.y * zoom + ty;
    if (left < -1) counts.left++;
    else if (left + width * zoom > s.width + 1) counts.right++;
    else if (top < -1) counts.up++;
    else if (top + height * zoom > s.height + 1) counts.down++;
  }
  return SIDES.map((side) => `${side}:${counts[side]}`).join(',');
}

/**
 * Where the graph runs past the pane, a fade along that side and a button saying how many nodes are
 * there: the first look at a long graph starts readable at its beginning, and this says there is
 * more and takes you there (a pane's worth at a time).
 */
export function MoreHints() {
  const counts = useStore(hiddenCounts);
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const pane = useStore((s) => ({ width: s.width, height: s.height }), (a, b) => a.width === b.width && a.height === b.height);
  const scroll = (side: Side) => {
    const { x, y, zoom } = flow.getViewport();
    const dx = side === 'left' ? 1 : side === 'right' ? -1 : 0;
    const dy = side === 'up' ? 1 : side === 'down' ? -1 : 0;
    void flow.setViewport({ x: x + dx * pane.width * 0.7, y: y + dy * pane.height * 0.7, zoom }, { duration: 250 });
  };
  const shown = counts
    .split(',')
    .map((entry) => entry.split(':') as [Side, string])
    .filter(([, count]) => Number(count) > 0);
  return (
    <>
      {shown.map(([side, count]) => {
        const label = `${count} more ${Number(count) === 1 ? 'node' : 'nodes'} ${WORD[side]}`;
        return (
          <div key={side} className={`graph-more graph-more-${side}`} data-testid={`graph-more-${side}`}>
            <button type="button" className="graph-more-button" aria-label={`${label}: scroll there`} title={`${label}. Scroll there (the wheel and a drag scroll too)`} onClick={() => scroll(side)}>
              {side === 'left' || side === 'up' ? `${ARROW[side]} ${count} more` : `${count} more ${ARROW[side]}`}
            </button>
          </div>
        );
      })}
    </>
  );
}
