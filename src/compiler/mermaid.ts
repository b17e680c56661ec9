import type { GraphModel, GraphNode } from './model.ts';

/**
 * The class definitions `draw_all_possible_flows_mermaid` (llama-index-utils-workflow) ends with,
 * in its order, so a drawing pasted next to the library's reads the same.
 */
const CLASS_DEFS = [
  'classDef stepStyle fill:#ADD8E6,color:#000000,line-height:1.2',
  'classDef externalStyle fill:#BEDAE4,color:#000000,line-height:1.2',
  'classDef resourceStyle fill:#DDA0DD,color:#000000,line-height:1.2',
  'classDef resourceConfigStyle fill:#B2DFDB,color:#000000,line-height:1.2',
  'classDef startEventStyle fill:#E27AFF,color:#000000',
  'classDef stopEventStyle fill:#FFA07A,color:#000000',
  'classDef defaultEventStyle fill:#90EE90,color:#000000',
  'classDef reactAgentStyle fill:#E27AFF,color:#000000',
  'classDef codeActAgentStyle fill:#66ccff,color:#000000',
  'classDef defaultAgentStyle fill:#90EE90,color:#000000',
  'classDef toolStyle fill:#ff9966,color:#000000',
  'classDef workflowBaseStyle fill:#90EE90,color:#000000',
  'classDef workflowAgentStyle fill:#66ccff,color:#000000',
  'classDef workflowToolStyle fill:#ff9966,color:#000000',
  'classDef workflowHandoffStyle fill:#E27AFF,color:#000000',
  'classDef childConnectorStyle fill:#E0E0E080,color:#555555,stroke-width:0px',
];

const EXTERNAL = 'external_step';

/** A node as the library's representation has it: its type, its id (a step or class name) and look. */
interface LibraryNode {
  type: 'step' | 'event' | 'external' | 'child_connector';
  id: string;
  label: string;
  style: string;
  /** The event class name, for finding a child's StartEvent and StopEvent. */
  eventType?: string;
}

interface LibraryGraph {
  nodes: LibraryNode[];
  edges: [string, string][];
}

/** With the edges drawn dashed, and the labels of those that carry one (`on failure`), by `source->target`. */
type DrawnGraph = LibraryGraph & { dashed: Set<string>; labels: Map<string, string> };

/**
 * Renders the graph model as `draw_all_possible_flows_mermaid` renders the same workflow: `flowchart
 * TD`, steps in name order as boxes, each followed by the events it accepts and returns as stadiums,
 * ids `step_<name>` / `event_<Type>`, the human-in-the-loop pair joined through an `external_step`
 * box, and a workflow that a step constructs drawn inside it between `calls:` and `returns:`
 * connectors. An event sent without being declared (which the library would not draw) keeps its
 * dashed arrow. A file with several workflows that do not call each other draws each in a subgraph.
 *
 * @example
 * toMermaid(compiler.compile(source).graph)
 */
export function toMermaid(graph: GraphModel): string {
  const workflows = [...new Set(graph.nodes.map((n) => n.workflow))];
  const called = new Set(graph.nodes.flatMap((n) => n.step?.children ?? []));
  const roots = workflows.filter((w) => !called.has(w));
  const drawn = roots.length > 0 ? roots : workflows;
  const lines = ['flowchart TD'];
  for (const workflow of drawn) {
    const full = withChildren(graph, workflow);
    if (drawn.length === 1) {
      lines.push(...render(full, ''));
    } else {
      lines.push(`    subgraph ${cleanId(workflow)}["${escapeLabel(workflow)}"]`, ...render(full, `${cleanId(workflow)}__`), '    end');
    }
  }
  for (const def of CLASS_DEFS) lines.push(`    ${def}`);
  return lines.join('\n');
}

/** The library's node lines and edge lines, each once. */
function render(full: DrawnGraph, prefix: string): string[] {
  const lines: string[] = [];
  const idOf = new Map(full.nodes.map((n) => [n.id, `${prefix}${n.type}_${cleanId(n.id)}`]));
  const seenNodes = new Set<string>();
  for (const node of full.nodes) {
    const id = idOf.get(node.id)!;
    if (seenNodes.has(id)) continue;
    seenNodes.add(id);
    const [open, close] = node.type === 'event' || node.type === 'child_connector' ? ['([', '])'] : ['[', ']'];
    lines.push(`    ${id}${open}"${escapeLabel(node.label)}"${close}:::${node.style}`);
  }
  const seenEdges = new Set<string>();
  for (const [source, target] of full.edges) {
    const from = idOf.get(source);
    const to = idOf.get(target);
    if (!from || !to) continue;
    const key = `${source}->${target}`;
    const label = full.labels.get(key);
    const arrow = full.dashed.has(key) ? '-.->' : '-->';
    const line = `${from} ${arrow}${label ? `|"${escapeLabel(label)}"|` : ''} ${to}`;
    if (seenEdges.has(line)) continue;
    seenEdges.add(line);
    lines.push(`    ${line}`);
  }
  return lines;
}

/** One workflow as the library's representation, then each child workflow a step constructs. */
function withChildren(graph: GraphModel, workflow: string): DrawnGraph {
  const parent = representation(graph, workflow, false);
  const nodes = [...parent.nodes];
  const edges = [...parent.edges];
  const steps = parent.nodes.filter((n) => n.type === 'step');
  for (const step of steps) {
    const model = graph.nodes.find((n) => n.workflow === workflow && n.step?.name === step.id);
    for (const child of model?.step?.children ?? []) {
      if (child === workflow) continue;
      const prefix = `${step.id}_${child}_`;
      const sub = representation(graph, child, true);
      nodes.push(...sub.nodes.map((n) => ({ ...n, id: `${prefix}${n.id}` })));
      edges.push(...sub.edges.map(([s, t]): [string, string] => [`${prefix}${s}`, `${prefix}${t}`]));
      for (const d of sub.dashed) parent.dashed.add(d.split('->').map((part) => `${prefix}${part}`).join('->'));
      for (const [key, label] of sub.labels) parent.labels.set(key.split('->').map((part) => `${prefix}${part}`).join('->'), label);
      const start = sub.nodes.find((n) => n.eventType === 'StartEvent');
      if (start) {
        nodes.push({ type: 'child_connector', id: `${prefix}calls`, label: `calls: ${child}`, style: 'childConnectorStyle' });
        edges.push([step.id, `${prefix}calls`], [`${prefix}calls`, `${prefix}${start.id}`]);
      }
      const stop = sub.nodes.find((n) => n.eventType === 'StopEvent');
      if (stop) {
        nodes.push({ type: 'child_connector', id: `${prefix}returns`, label: `returns: ${child}`, style: 'childConnectorStyle' });
        edges.push([`${prefix}${stop.id}`, `${prefix}returns`], [`${prefix}returns`, step.id]);
      }
    }
  }
  return { nodes, edges, dashed: parent.dashed, labels: parent.labels };
}

/**
 * `get_workflow_representation` over the graph model: steps in the library's order (Python sorts
 * them by name), each followed by the events it accepts and then those it returns. A child's events
 * lose their start/stop colours, as they do when the library merges a child in.
 */
function representation(graph: GraphModel, workflow: string, asChild: boolean): DrawnGraph {
  const mine = graph.nodes.filter((n) => n.workflow === workflow);
  const byId = new Map(mine.map((n) => [n.id, n]));
  const steps = mine.filter((n) => n.step).sort((a, b) => compare(a.step!.name, b.step!.name));
  const edges = graph.edges.filter((e) => byId.has(e.source) && byId.has(e.target));
  const nodes: LibraryNode[] = [];
  const out: [string, string][] = [];
  const dashed = new Set<string>();
  const seen = new Set<string>();
  const add = (node: LibraryNode) => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    nodes.push(node);
  };
  const eventNode = (n: GraphNode): LibraryNode => {
    const role = n.event?.role ?? 'event';
    const style = asChild ? 'defaultEventStyle' : role === 'start' ? 'startEventStyle' : role === 'stop' ? 'stopEventStyle' : 'defaultEventStyle';
    return { type: 'event', id: n.label, label: n.label, style, eventType: n.event?.type ?? n.label };
  };
  const accepted = (step: GraphNode) => edges.filter((e) => e.target === step.id && byId.get(e.source)?.event).map((e) => byId.get(e.source)!);
  const returned = (step: GraphNode) => edges.filter((e) => e.source === step.id && byId.get(e.target)?.event);
  const asksHuman = steps.some((s) => returned(s).some((e) => byId.get(e.target)?.event?.role === 'input-required'));
  for (const step of steps) {
    add({ type: 'step', id: step.step!.name, label: step.step!.name, style: 'stepStyle' });
    for (const event of accepted(step)) add(eventNode(event));
    for (const edge of returned(step)) {
      const event = byId.get(edge.target)!;
      add(eventNode(event));
      if (event.event?.role === 'input-required') add({ type: 'external', id: EXTERNAL, label: EXTERNAL, style: 'externalStyle' });
    }
  }
  for (const step of steps) {
    const name = step.step!.name;
    for (const edge of returned(step)) {
      const event = byId.get(edge.target)!;
      out.push([name, event.label]);
      if (edge.dashed) dashed.add(`${name}->${event.label}`);
      if (event.event?.role === 'input-required') out.push([event.label, EXTERNAL]);
    }
    for (const event of accepted(step)) {
      out.push([event.label, name]);
      if (event.event?.role === 'human-response' && asksHuman) out.push([EXTERNAL, event.label]);
    }
  }
  // Flowplay's addition to the library's drawing: where each step's final failure goes.
  const labels = new Map<string, string>();
  for (const edge of edges.filter((e) => e.kind === 'catches')) {
    const [from, to] = [byId.get(edge.source)!.step!.name, byId.get(edge.target)!.step!.name];
    out.push([from, to]);
    dashed.add(`${from}->${to}`);
    labels.set(`${from}->${to}`, edge.label ?? 'on failure');
  }
  return { nodes, edges: out, dashed, labels };
}

/** Python's string order (by code point), which is how the library lists a class's steps. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The library's id cleaning (spaces, dashes, dots and slashes become underscores), extended to every
 * character that is not a letter, digit or underscore: a quoted method name can hold anything, and an
 * id is outside any quotes, where `%%{init…}%%` or a line break would be read as Mermaid.
 */
function cleanId(name: string): string {
  return name.replace(/[^\w]/g, '_');
}

/**
 * Mermaid labels in quotes take entity codes. Names come from the user's code, which may quote a
 * method name with anything in it: a `"` would end the label, a line break would start a new
 * statement, `%%{init: …}%%` is a directive (restyling, loading fonts) wherever it appears, `#`
 * starts an entity and a backtick a Markdown string. All of them become entity codes, so the
 * label is only ever text.
 */
function escapeLabel(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[#"<>%{}`&]/g, (c) => `#${c.charCodeAt(0)};`);
}
