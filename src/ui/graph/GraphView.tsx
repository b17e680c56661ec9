import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow } from '@xyflow/react';
import type { EdgeTypes, NodeMouseHandler, NodeTypes } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { revealInEditor, selectItem, selectStep } from '../../state/index.ts';
import { ExportMenu } from '../export/index.ts';
import { latestEventOfType } from '../inspect/index.ts';
import { usePlayground } from '../playground.ts';
import { EventNode } from './EventNode.tsx';
import { FlowEdgeView } from './FlowEdgeView.tsx';
import type { FlowEdge, FlowNode } from './flowTypes.ts';
import { StepNode } from './StepNode.tsx';
import { useFlowNodes } from './useFlowNodes.ts';

const nodeTypes: NodeTypes = { step: StepNode, event: EventNode };
const edgeTypes: EdgeTypes = { flow: FlowEdgeView };

/** The workflow graph: step boxes and event pills, laid out left to right, with tokens in flight. */
export function GraphView() {
  return (
    <ReactFlowProvider>
      <GraphCanvas />
    </ReactFlowProvider>
  );
}

function GraphCanvas() {
  const { workspace, ui, run, view } = usePlayground();
  const graph = useStore(workspace, (s) => s.graph);
  const stale = useStore(workspace, (s) => s.stale);
  const analysed = useStore(workspace, (s) => s.analysedRevision > 0);
  const selectedStep = useStore(ui, (s) => s.selectedStep);
  const { nodes, onNodesChange, layoutVersion } = useFlowNodes(graph);
  const flow = useReactFlow();

  const shown = useMemo(
    () => nodes.map((node) => ({ ...node, selected: node.type === 'step' && node.data.model.step?.name === selectedStep })),
    [nodes, selectedStep],
  );
  const edges = useMemo<FlowEdge[]>(
    () => (graph ? graph.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target, type: 'flow', data: { model: edge } })) : []),
    [graph],
  );

  useEffect(() => {
    if (layoutVersion === 0) return;
    // Wait a frame so React Flow has measured the new nodes before fitting them.
    const handle = requestAnimationFrame(() => void flow.fitView({ padding: 0.08, maxZoom: 1.2 }));
    return () => cancelAnimationFrame(handle);
  }, [layoutVersion, flow]);

  // Fit again when the pane is resized (the splitter, the window), a moment after it settles.
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let first = true;
    const observer = new ResizeObserver(() => {
      if (first) return void (first = false);
      clearTimeout(timer);
      timer = setTimeout(() => void flow.fitView({ padding: 0.08, maxZoom: 1.2 }), 150);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [flow]);

  const onNodeClick: NodeMouseHandler<FlowNode> = (_, node) => {
    const step = node.data.model.step;
    if (step) {
      selectStep(ui, step.name, 'graph');
      revealInEditor(ui, step.range.start, step.range.end);
    } else if (node.data.model.event) {
      selectStep(ui, null, 'graph');
      // The latest event of this type at the playback cursor goes to the inspector.
      const latest = latestEventOfType(run.getState().trace, view.getState().view.cursor, node.data.model.event.type);
      if (latest !== null) selectItem(ui, { kind: 'event', id: latest });
      if (node.data.model.event.range) revealInEditor(ui, node.data.model.event.range.start, node.data.model.event.range.end);
    }
  };

  return (
    <div className="graph" data-testid="graph" ref={container}>
      <svg className="graph-defs" aria-hidden="true">
        <defs>
          <marker id="flowplay-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#94a3b8" />
          </marker>
        </defs>
      </svg>
      <ReactFlow<FlowNode, FlowEdge>
        nodes={shown}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeClick={onNodeClick}
        onPaneClick={() => selectStep(ui, null, 'graph')}
        nodesConnectable={false}
        elementsSelectable={false}
        minZoom={0.2}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
        fitView
        fitViewOptions={{ padding: 0.08, maxZoom: 1.2 }}
      >
        <Background gap={20} size={1} color="#e2e8f0" />
        <Controls showInteractive={false} position="bottom-right" />
      </ReactFlow>
      {stale ? <div className="graph-notice" role="status">{stale}</div> : null}
      {!graph && analysed && !stale ? <div className="graph-empty">No workflow to draw yet.</div> : null}
      {!analysed ? <div className="graph-empty">Reading the code…</div> : null}
      <GraphLegend />
      <ExportMenu />
    </div>
  );
}

function GraphLegend() {
  return (
    <div className="graph-legend" aria-hidden="true">
      <span><i className="lg-step" /> step</span>
      <span><i className="lg-start" /> StartEvent</span>
      <span><i className="lg-stop" /> StopEvent</span>
      <span><i className="lg-event" /> event</span>
      <span><i className="lg-dashed" /> sent, undeclared</span>
    </div>
  );
}
