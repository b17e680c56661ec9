import type { EventRole, GraphModel, GraphNode } from './model.ts';

/** Colours of LlamaIndex's `draw_all_possible_flows`, so both drawings read the same. */
const CLASS_DEFS = [
  'classDef stepStyle fill:#ADD8E6,color:#000000,line-height:1.2',
  'classDef startEventStyle fill:#E27AFF,color:#000000',
  'classDef stopEventStyle fill:#FFA07A,color:#000000',
  'classDef defaultEventStyle fill:#90EE90,color:#000000',
];

const EVENT_CLASS: Record<EventRole, string> = {
  start: 'startEventStyle',
  stop: 'stopEventStyle',
  'input-required': 'defaultEventStyle',
  'human-response': 'defaultEventStyle',
  event: 'defaultEventStyle',
};

/**
 * Renders the graph as a Mermaid `flowchart LR`: steps as boxes, events as stadiums, dashed arrows
 * for events sent without being declared. Several workflows become one subgraph each.
 *
 * @example
 * toMermaid(compiler.compile(source).graph)
 */
export function toMermaid(graph: GraphModel): string {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  const idOf = (nodeId: string): string => {
    let id = ids.get(nodeId);
    if (id) return id;
    const base = nodeId.replace(/[^A-Za-z0-9_]/g, '_');
    id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    ids.set(nodeId, id);
    return id;
  };
  const nodeLine = (node: GraphNode): string => {
    const label = escapeLabel(node.label);
    if (node.kind === 'step') return `${idOf(node.id)}["${label}"]:::stepStyle`;
    return `${idOf(node.id)}(["${label}"]):::${EVENT_CLASS[node.event?.role ?? 'event']}`;
  };

  const lines = ['flowchart LR'];
  const workflows = [...new Set(graph.nodes.map((n) => n.workflow))];
  if (workflows.length > 1) {
    for (const workflow of workflows) {
      lines.push(`  subgraph ${idOf(`workflow:${workflow}`)}["${escapeLabel(workflow)}"]`);
      for (const node of graph.nodes) if (node.workflow === workflow) lines.push(`    ${nodeLine(node)}`);
      lines.push('  end');
    }
  } else {
    for (const node of graph.nodes) lines.push(`  ${nodeLine(node)}`);
  }
  for (const edge of graph.edges) {
    lines.push(`  ${idOf(edge.source)} ${edge.dashed ? '-.->' : '-->'} ${idOf(edge.target)}`);
  }
  for (const def of CLASS_DEFS) lines.push(`  ${def}`);
  return `${lines.join('\n')}\n`;
}

/** Mermaid labels in quotes take entity codes; a bare `"` would end the label. */
function escapeLabel(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}
