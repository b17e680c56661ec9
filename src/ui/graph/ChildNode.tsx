import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { eventWidth } from '../../inspect/index.ts';
import type { FlowNode } from './flowTypes.ts';

/**
 * A connector of a child workflow (`calls: Child`, `returns: Child`), as the library's drawing joins
 * a step to the workflow it runs: from the step to the child's StartEvent, and from the child's
 * StopEvent back to the step.
 */
export const ChildNode = memo(function ChildNode({ data }: NodeProps<FlowNode>) {
  const child = data.model.child;
  return (
    <div className="child-node" data-direction={child?.direction} style={{ width: eventWidth(data.model.label) }} title={child ? `Step ${child.step} ${child.direction === 'calls' ? 'runs' : 'gets the result of'} the workflow ${child.workflow}` : undefined}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span className="child-name">{data.model.label}</span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});
