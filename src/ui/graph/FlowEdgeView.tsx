import type { EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useStore } from 'zustand';
import { selectItem } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';
import { edgeRoute } from '../../inspect/index.ts';
import { eventColor } from './eventColors.ts';
import type { FlowEdge } from './flowTypes.ts';
import type { GraphEdge } from '../../compiler/model.ts';
import { useReducedMotion } from './useReducedMotion.ts';

/**
 * An edge and the tokens travelling on it. Token positions come from the playback clock through the
 * view store (no CSS or SMIL animation), so a paused or scrubbed frame is exact.
 */
export const FlowEdgeView = memo(function FlowEdgeView(props: EdgeProps<FlowEdge>) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, data } = props;
  const { view, ui } = usePlayground();
  const tokens = useStore(view, (s) => s.view.tokens[id]);
  const reduced = useReducedMotion();
  const curve = edgeRoute(data?.route, { x: sourceX, y: sourceY }, { x: targetX, y: targetY });
  const dashed = data?.model.dashed ?? false;
  const kind = data?.model.kind;
  return (
    <g className={`flow-edge${dashed ? ' dashed' : ''}${kind === 'catches' ? ' catches' : ''}${tokens ? ' active' : ''}`} data-kind={kind} data-source={source} data-target={target} data-tokens={tokens?.reduce((n, t) => n + t.count, 0) ?? 0}>
      <path className="flow-edge-path" d={curve.d} markerEnd="url(#flowplay-arrow)" />
      {dashed ? <title>{edgeTitle(data?.model)}</title> : null}
      {data?.model.label ? <text className="flow-edge-label" x={curve.at(0.5).x} y={curve.at(0.5).y - 5} textAnchor="middle">{data.model.label}</text> : null}
      {tokens?.map((token) => {
        // With reduced motion a token waits at the middle of its edge instead of travelling.
        const point = curve.at(reduced ? 0.5 : token.progress);
        const color = eventColor(token.type);
        // A single token is one event (`<event id>:<hop>`): clicking it inspects that event.
        const event = token.count === 1 ? Number.parseInt(token.key, 10) : Number.NaN;
        return (
          <g
            key={token.key}
            className={Number.isNaN(event) ? 'token' : 'token selectable'}
            data-token={token.type}
            data-count={token.count}
            data-event={Number.isNaN(event) ? undefined : event}
            transform={`translate(${point.x},${point.y})`}
            onClick={Number.isNaN(event) ? undefined : () => selectItem(ui, { kind: 'event', id: event })}
          >
            <circle className="token-shadow" r={(token.count > 1 ? 9 : 6) + 2} cy={1} />
            <circle className="token-dot" r={token.count > 1 ? 9 : 6} fill={color} />
            {token.count > 1 ? (
              <text className="token-count" textAnchor="middle" dy="3.5">
                {token.count > 99 ? '99+' : token.count}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
});

/** Why an edge is dashed: a resource's value, or an event sent without being declared. */
function edgeTitle(edge: GraphEdge | undefined): string {
  if (edge?.kind === 'uses') return `${edge.label ?? 'A parameter'} is filled from this resource`;
  if (edge?.kind === 'depends') return 'The factory asks for this resource in a parameter default';
  if (edge?.kind === 'catches') return "On failure: when this step fails for good, the engine hands its error to this @catchError step as a StepFailedEvent";
  return "Sent with ctx.sendEvent but not declared in the step's return type";
}
