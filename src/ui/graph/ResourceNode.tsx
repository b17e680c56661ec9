import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowNode } from './flowTypes.ts';
import { resourceWidth } from '../../inspect/index.ts';

/** A resource factory: a box with a dashed border, feeding the steps that take its value. */
export const ResourceNode = memo(function ResourceNode({ data }: NodeProps<FlowNode>) {
  const resource = data.model.resource!;
  return (
    <div className="resource-node" data-resource={resource.name} style={{ width: resourceWidth(resource.name) }} title={`Resource: the value ${resource.name}() returns`}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span className="resource-kind">resource</span>
      <span className="resource-name">{resource.name}</span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});
