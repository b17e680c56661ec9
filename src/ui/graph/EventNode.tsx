import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useStore } from 'zustand';
import { usePlayground } from '../playground.ts';
import { eventColor } from './eventColors.ts';
import type { FlowNode } from './flowTypes.ts';
import { eventWidth } from '../../inspect/index.ts';
import { useNodeAttributes } from './useNodeAttributes.ts';

/** An event type: a rounded pill in its type's colour, counting the events emitted so far. */
export const EventNode = memo(function EventNode({ data }: NodeProps<FlowNode>) {
  const { view, ui } = usePlayground();
  const event = data.model.event!;
  const count = useStore(view, (s) => s.view.events[event.type] ?? 0);
  const color = eventColor(event.type, event.role);
  const compared = useStore(ui, (s) => s.compareMarks?.events[event.type] ?? 'none');
  const ref = useNodeAttributes<HTMLDivElement>({ 'data-count': count, 'data-compare': compared });
  return (
    <div ref={ref} className={`event-node role-${event.role}`} data-count={count} style={{ '--event-color': color, width: eventWidth(event.type) } as React.CSSProperties}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span className="event-name">{event.type}</span>
      <span className={count > 0 ? 'event-count' : 'event-count zero'}>{count}</span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});
