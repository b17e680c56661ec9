import { ControlButton, Controls, ReactFlow, ReactFlowProvider, useReactFlow } from '@xyflow/react';
import type { EdgeTypes, NodeMouseHandler, NodeTypes } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { revealInEditor, selectItem, selectStep } from '../../state/index.ts';
import { ExportMenu } from '../export/index.ts';
import { drawnGraph } from '../../inspect/index.ts';
import { usePlayground } from '../playground.ts';
import { ChildNode } from './ChildNode.tsx';
import { EventNode } from './EventNode.tsx';
import { ExternalNode } from './ExternalNode.tsx';
import { FIT_MARGIN, barMargins, fitReadable, sameView } from './fitReadable.ts';
import type { Viewport } from './fitReadable.ts';
import { MoreHints } from './MoreHints.tsx';
import { FlowEdgeView } from './FlowEdgeView.tsx';
import { tooLargeToDraw } from './graphLimits.ts';
import { GraphText } from './GraphText.tsx';
import type { FlowEdge, FlowNode } from './flowTypes.ts';
import { ResourceNode } from './ResourceNode.tsx';
import { StepNode } from './StepNode.tsx';
import { useFlowNodes } from './useFlowNodes.ts';
import { eventColor } from './eventColors.ts';
import { useDocumentTheme } from '../theme/index.ts';
import { graphDrawn } from './firstGraph.ts';
import { GridBackground } from './GridBackground.tsx';

const nodeTypes: NodeTypes = { step: StepNode, event: EventNode, resource: ResourceNode, external: ExternalNode, child: ChildNode };
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
  const { workspace, ui, run, layouts } = usePlayground();
  const model = useStore(workspace, (s) => s.graph);
  // A graph past the drawing limits is never laid out: it is shown as text instead.
  const tooLarge = useMemo(() => (model ? tooLargeToDraw(model) : null), [model]);
  // What is drawn adds the person who answers questions and child-workflow connectors to the model.
  const latest = useMemo(() => (tooLarge || !model ? null : drawnGraph(model)), [model, tooLarge]);
  const stale = useStore(workspace, (s) => s.stale);
  const analysed = useStore(workspace, (s) => s.analysedRevision > 0);
  const selectedStep = useStore(ui, (s) => s.selectedStep);
  const theme = useDocumentTheme();
  const { nodes, drawn, onNodesChange, layoutVersion, resetLayout, moved } = useFlowNodes(latest, layouts);
  // The graph on screen is the one whose layout is ready (the newest once its layout arrives).
  const graph = drawn?.graph ?? null;
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const container = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  // Where the bar on top ends (the "N more" button on the right keeps below it), as the last fit measured.
  const [barBottom, setBarBottom] = useState(FIT_MARGIN.top);
  // The view the last readable fit set: the fit button pressed while the view is still there shows the whole graph.
  const fitted = useRef<Viewport | null>(null);
  const fit = useCallback(
    (whole = false) => {
      // Tried again on the next frames until React Flow has measured every node (a second at most).
      let tries = 0;
      const attempt = () => {
        const el = container.current;
        if (!el) return;
        // Clear of the bar on top: its legend wraps onto a second line in a narrow pane.
        const items = [...(bar.current?.querySelectorAll(':scope > :not(.export-menu), [data-testid="export-button"]') ?? [])];
        const margin = barMargins(el.getBoundingClientRect(), items.map((item) => item.getBoundingClientRect()));
        setBarBottom(margin.top);
        const view = fitReadable(flow, { width: el.clientWidth, height: el.clientHeight }, margin, whole);
        if (view === 'unmeasured') {
          if (++tries < 60) requestAnimationFrame(attempt);
          return;
        }
        fitted.current = whole ? null : view;
      };
      attempt();
    },
    [flow],
  );
  // The zoom bar's fit: the readable first look; pressed again with the view still there, all of the graph.
  const fitButton = () => {
    const last = fitted.current;
    fit(last !== null && sameView(flow.getViewport(), last));
  };

  const shown = useMemo(
    () => nodes.map((node) => ({ ...node, selected: node.type === 'step' && node.data.model.step?.name === selectedStep })),
    [nodes, selectedStep],
  );
  const edges = useMemo<FlowEdge[]>(
    () =>
      drawn
        ? drawn.graph.edges.map((edge) => {
            const route = drawn.layout.edges[edge.id];
            // Above the nodes: a token just leaving a step sits on the node's border and must stay
            // visible and clickable there. Routes go around nodes, so no path is drawn over one.
            return { id: edge.id, source: edge.source, target: edge.target, type: 'flow', focusable: false, zIndex: 1, data: route ? { model: edge, route } : { model: edge } };
          })
        : [],
    [drawn],
  );

  // Drawn once a node is in the page, a frame after the layout arrived or later: React Flow renders
  // nodes a commit after it is given them.
  useEffect(() => {
    if (!drawn) return;
    let handle = 0;
    const check = () => {
      if (container.current?.querySelector('.react-flow__node')) graphDrawn();
      else handle = requestAnimationFrame(check);
    };
    handle = requestAnimationFrame(check);
    return () => cancelAnimationFrame(handle);
  }, [drawn]);

  useEffect(() => {
    if (layoutVersion === 0) return;
    // Wait a frame so React Flow has measured the new nodes before fitting them.
    const handle = requestAnimationFrame(() => fit());
    return () => cancelAnimationFrame(handle);
  }, [layoutVersion, fit]);

  // Fit again when the pane is resized (the splitter, the window), a moment after it settles.
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let first = true;
    const observer = new ResizeObserver(() => {
      if (first) return void (first = false);
      clearTimeout(timer);
      timer = setTimeout(() => fit(), 150);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [fit]);

  // The bar on top grows when a notice joins the legend ("Showing the last good graph …") and shrinks
  // when it goes: the graph moves with it, unless the person has moved the view since the last fit.
  useEffect(() => {
    const el = bar.current;
    if (!el) return;
    let height = el.offsetHeight;
    const observer = new ResizeObserver(() => {
      if (el.offsetHeight === height) return;
      height = el.offsetHeight;
      const last = fitted.current;
      if (last !== null && sameView(flow.getViewport(), last)) fit();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [fit, flow]);

  const onNodeClick: NodeMouseHandler<FlowNode> = (_, node) => openNode(node);

  /** Selects what a node stands for and shows it in the code: a click, or Enter or Space on the focused node. */
  const openNode = (node: FlowNode) => {
    const step = node.data.model.step;
    if (step) {
      selectStep(ui, step.name, 'graph');
      revealInEditor(ui, step.range.start, step.range.end, true);
    } else if (node.data.model.event) {
      selectStep(ui, null, 'graph');
      // An event node stands for every event of its type: the inspector lists them once the run has any.
      if (run.getState().trace.length > 0) selectItem(ui, { kind: 'eventType', type: node.data.model.event.type });
      if (node.data.model.event.range) revealInEditor(ui, node.data.model.event.range.start, node.data.model.event.range.end, true);
    } else if (node.data.model.resource?.range) {
      revealInEditor(ui, node.data.model.resource.range.start, node.data.model.resource.range.end, true);
    }
  };

  return (
    <div className="graph" data-testid="graph" data-layout={drawn && drawn.graph === latest ? 'ready' : 'pending'} ref={container}>
      <svg className="graph-defs" aria-hidden="true">
        <defs>
          <marker id="flowplay-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" style={{ fill: 'var(--edge)' }} />
          </marker>
        </defs>
      </svg>
      {tooLarge && model ? <GraphText graph={model} message={tooLarge} /> : null}
      {tooLarge ? null : <ReactFlow<FlowNode, FlowEdge>
        nodes={shown}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeClick={onNodeClick}
        onKeyDown={(e) => {
          // A node takes the focus (Tab reaches it), and what a click does Enter and Space do; a
          // control inside the node (the breakpoint dot) keeps its own keys.
          const target = e.target as HTMLElement;
          if ((e.key !== 'Enter' && e.key !== ' ') || !target.classList.contains('react-flow__node')) return;
          const node = flow.getNode(target.getAttribute('data-id') ?? '');
          if (!node) return;
          e.preventDefault();
          openNode(node);
        }}
        onPaneClick={() => selectStep(ui, null, 'graph')}
        nodesConnectable={false}
        elementsSelectable={false}
        minZoom={0.2}
        maxZoom={2}
        // A graph longer than the pane at a readable zoom scrolls: the wheel pans, Ctrl+wheel zooms.
        panOnScroll
        proOptions={{ hideAttribution: true }}
        colorMode={theme}
      >
        <GridBackground gap={20} size={1} />
        <MoreHints top={barBottom} />
      </ReactFlow>}
      {!model && analysed && !stale ? <div className="graph-empty">No workflow to draw yet.</div> : null}
      {!analysed ? <div className="graph-empty">Reading the code…</div> : null}
      {/* One bar along the top: the legend (or, in its place, the notice about the graph shown), the
          zoom controls and Export. The graph is fitted below it, so nothing covers a node at first. */}
      <div className="graph-top" ref={bar}>
        {/* The notice about the graph shown goes above the legend: the last good graph still needs its key. */}
        {stale || !tooLarge ? (
          <div className="graph-top-text">
            {stale ? <div className="graph-notice" role="status">{stale}</div> : null}
            {tooLarge || (stale && !graph) ? null : (
              <GraphLegend external={!!graph?.nodes.some((n) => n.kind === 'external')} child={!!graph?.nodes.some((n) => n.kind === 'child')} catches={!!graph?.edges.some((e) => e.kind === 'catches')} />
            )}
          </div>
        ) : null}
        {tooLarge ? null : (
          <Controls showInteractive={false} showFitView={false} orientation="horizontal" position="top-right">
            <ControlButton
              onClick={fitButton}
              title="Fit: the graph at a readable size from its start; press again to see all of it"
              aria-label="Fit view"
              data-testid="fit-view"
            >
              <FitIcon />
            </ControlButton>
            <ControlButton
              onClick={() => {
                resetLayout();
                requestAnimationFrame(() => fit());
              }}
              disabled={!moved}
              title="Reset layout: put dragged nodes back"
              aria-label="Reset layout"
              data-testid="reset-layout"
            >
              <ResetIcon />
            </ControlButton>
          </Controls>
        )}
        <ExportMenu />
      </div>
    </div>
  );
}

/** What the shapes mean, drawn with the graph's own shapes and colours. */
function GraphLegend({ external, child, catches }: { external: boolean; child: boolean; catches: boolean }) {
  const pill = (type: string) => ({ '--event-color': eventColor(type) }) as React.CSSProperties;
  return (
    <div className="graph-legend" aria-hidden="true">
      <span><i className="lg-step" /> step</span>
      <span><i className="lg-pill" style={pill('StartEvent')} /> StartEvent</span>
      <span><i className="lg-pill" style={pill('StopEvent')} /> StopEvent</span>
      <span><i className="lg-pill lg-other" /> other events, a colour each</span>
      <span><i className="lg-dashed" /> sent, undeclared</span>
      {external ? <span><i className="lg-external" /> a person answers</span> : null}
      {child ? <span><i className="lg-child" /> child workflow</span> : null}
      {catches ? <span><i className="lg-catches" /> on failure, to an error step</span> : null}
    </div>
  );
}

function FitIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true">
      <path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function ResetIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true">
      <path d="M3 8a5 5 0 1 0 1.6-3.7M3 2.5v2.8h2.8" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
