import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { useStore } from 'zustand';
import { codeFile, drawnGraph, fileBaseName, graphJsonFile, graphToSvg, mermaidFile, svgFile, traceJsonName, traceJsonParts } from '../../inspect/index.ts';
import type { NodeBox } from '../../inspect/index.ts';
import { eventColor } from '../graph/eventColors.ts';
import type { FlowEdge, FlowNode } from '../graph/flowTypes.ts';
import { mainWorkflow } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';
import { download } from './download.ts';
import { slicedBlob } from './slicedBlob.ts';
import { downloadProject } from './downloadProject.ts';
import { svgToPng } from './svgToPng.ts';

type Format = 'png' | 'svg' | 'mermaid' | 'graph-json' | 'trace-json' | 'code' | 'project';

const ITEMS: { id: Format; label: string; needs: 'graph' | 'trace' | 'code' }[] = [
  { id: 'png', label: 'Graph as PNG', needs: 'graph' },
  { id: 'svg', label: 'Graph as SVG', needs: 'graph' },
  { id: 'mermaid', label: 'Graph as Mermaid', needs: 'graph' },
  { id: 'graph-json', label: 'Graph as JSON', needs: 'graph' },
  { id: 'trace-json', label: 'Trace as JSON', needs: 'trace' },
  { id: 'code', label: 'Code as .ts', needs: 'code' },
  { id: 'project', label: 'Download project (.zip, runs with Node)', needs: 'code' },
];

/**
 * Downloads of the graph (drawn as it looks now: positions the user dragged, run state at the cursor),
 * the trace and the code. Lives inside the graph's React Flow provider to read the drawn positions.
 */
export function ExportMenu() {
  const { workspace, run, view, toMermaid } = usePlayground();
  const graph = useStore(workspace, (s) => s.graph);
  const length = useStore(run, (s) => s.length);
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const workflow = () => mainWorkflow(workspace.getState().analysis?.workflows ?? []);

  const svgOfGraph = (): string => {
    const boxes = new Map<string, NodeBox>();
    for (const node of flow.getNodes()) {
      boxes.set(node.id, { x: node.position.x, y: node.position.y, width: node.measured?.width, height: node.measured?.height });
    }
    const routes = Object.fromEntries(flow.getEdges().flatMap((edge) => (edge.data?.route ? [[edge.id, edge.data.route]] : [])));
    return graphToSvg(drawnGraph(graph!), boxes, view.getState().view, { eventColor, routes, title: workflow() ?? 'Workflow graph' });
  };

  const exportAs = async (format: Format) => {
    setOpen(false);
    setError(null);
    try {
      const name = workflow();
      if (format === 'png') download({ name: `${fileBaseName(name)}.png`, blob: await svgToPng(svgOfGraph()) });
      else if (format === 'svg') download(svgFile(svgOfGraph(), name));
      else if (format === 'mermaid' && toMermaid) download(mermaidFile(graph!, name, toMermaid));
      else if (format === 'graph-json') download(graphJsonFile(graph!, name, new Map(flow.getNodes().map((n) => [n.id, n.position]))));
      // Written between frames: a big run's trace is tens of megabytes.
      else if (format === 'trace-json') download({ name: traceJsonName(name), blob: await slicedBlob(traceJsonParts(run.getState().trace.slice(), 500), 'application/json') });
      else if (format === 'code') download(codeFile(workspace.getState().source, name));
      else if (format === 'project') await downloadProject({ workspace, run });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  const disabled = (needs: 'graph' | 'trace' | 'code') => (needs === 'graph' ? graph === null : needs === 'trace' ? length === 0 : false);
  return (
    <div className="export-menu" data-testid="export-menu">
      <button type="button" className="btn-small" data-testid="export-button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Export ▾
      </button>
      {open ? (
        <ul className="export-list" role="menu">
          {ITEMS.map((item) => (
            <li key={item.id} role="none">
              <button
                type="button"
                role="menuitem"
                data-testid={`export-${item.id}`}
                disabled={disabled(item.needs) || (item.id === 'mermaid' && !toMermaid)}
                onClick={() => void exportAs(item.id)}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error && !open ? <p className="export-error" role="alert">{error}</p> : null}
    </div>
  );
}
