import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useStore } from 'zustand';
import { pendingQuestion } from '../../inspect/pendingQuestion.ts';
import { usePlayground } from '../playground.ts';
import type { FlowNode } from './flowTypes.ts';
import { useNodeAttributes } from './useNodeAttributes.ts';

/**
 * The person who answers a human-in-the-loop question: the library's `external_step`, between the
 * InputRequiredEvent a step returns and the HumanResponseEvent that comes back. While the run waits
 * for an answer it says so, so the graph shows where the run is held.
 */
export const ExternalNode = memo(function ExternalNode({ data }: NodeProps<FlowNode>) {
  const { run } = usePlayground();
  const waiting = useStore(run, (s) => s.engine === 'running' && pendingQuestion(s.trace) !== null);
  const ref = useNodeAttributes<HTMLDivElement>({ 'data-waiting': waiting ? 'true' : 'false' });
  return (
    <div ref={ref} className={`external-node${waiting ? ' is-waiting' : ''}`} title="A person answers the question: the InputRequiredEvent goes out on the stream, a HumanResponseEvent comes back">
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <svg className="external-figure" viewBox="0 0 20 22" aria-hidden="true">
        <circle cx="10" cy="6" r="5" />
        <path d="M1 21a9 8 0 0 1 18 0z" />
      </svg>
      <span className="external-text">
        <span className="external-name">{data.model.label}</span>
        <span className="external-caption">{waiting ? 'waiting for you' : 'a person answers'}</span>
      </span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});
