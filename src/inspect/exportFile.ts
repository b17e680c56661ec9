import type { GraphModel } from '../compiler/model.ts';
import type { TraceRecord } from '../engine/trace.ts';

/** A file to download: the UI turns it into a Blob and a link; nothing here touches the DOM. */
export interface ExportFile {
  name: string;
  mimeType: string;
  text: string;
}

export interface NodePosition {
  x: number;
  y: number;
}

/** `ParallelFlow` -> `parallel-flow`; anything unusable -> `workflow`. */
export function fileBaseName(workflow: string | null | undefined): string {
  const base = (workflow ?? '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 80);
  return base === '' ? 'workflow' : base;
}

/**
 * The graph as JSON: the compiler's model, plus the drawn positions when given (so a re-import or
 * another tool can draw it as it was on screen).
 */
export function graphJsonFile(graph: GraphModel, workflow: string | null, positions?: ReadonlyMap<string, NodePosition> | Readonly<Record<string, NodePosition>>): ExportFile {
  const data: GraphModel & { positions?: Record<string, NodePosition> } = { nodes: graph.nodes, edges: graph.edges };
  if (positions) {
    const entries = positions instanceof Map ? [...positions.entries()] : Object.entries(positions);
    data.positions = Object.fromEntries(entries.map(([id, p]) => [id, { x: p.x, y: p.y }]));
  }
  return { name: `${fileBaseName(workflow)}.graph.json`, mimeType: 'application/json', text: `${JSON.stringify(data, null, 2)}\n` };
}

/**
 * The graph as Mermaid text. The renderer is passed in (`toMermaid` from src/compiler): this layer,
 * like src/state, imports only types from the compiler.
 *
 * @example
 * mermaidFile(graph, 'ParallelFlow', toMermaid)
 */
export function mermaidFile(graph: GraphModel, workflow: string | null, toMermaid: (graph: GraphModel) => string): ExportFile {
  return { name: `${fileBaseName(workflow)}.mmd`, mimeType: 'text/plain', text: toMermaid(graph) };
}

/** The trace alone, as the CLI's `--trace out.json` writes it: a JSON array of records. */
export function traceJsonFile(trace: readonly TraceRecord[], workflow: string | null): ExportFile {
  let text = '';
  for (const part of traceJsonParts(trace)) text += part;
  return { name: traceJsonName(workflow), mimeType: 'application/json', text };
}

/** The name the trace's file gets. */
export function traceJsonName(workflow: string | null): string {
  return `${fileBaseName(workflow)}.trace.json`;
}

/** `traceJsonFile`'s text in pieces of `slice` records, for a page to write between frames (see `runFileParts`). */
export function* traceJsonParts(trace: readonly TraceRecord[], slice = 2_000): Generator<string, void, undefined> {
  if (trace.length === 0) {
    yield '[]\n';
    return;
  }
  yield '[\n';
  const step = Math.max(1, Math.floor(slice));
  for (let from = 0; from < trace.length; from += step) {
    const to = Math.min(trace.length, from + step);
    let piece = '';
    for (let i = from; i < to; i++) piece += `  ${JSON.stringify(trace[i])}${i < trace.length - 1 ? ',' : ''}\n`;
    yield piece;
  }
  yield ']\n';
}

/** The editor's source as a `.ts` file. */
export function codeFile(code: string, workflow: string | null): ExportFile {
  return { name: `${fileBaseName(workflow)}.ts`, mimeType: 'text/plain', text: code.endsWith('\n') ? code : `${code}\n` };
}

/** The name a saved run's file gets (its text: `serializeRunFile`, or `runFileParts` a piece at a time). */
export function runFileName(workflow: string | null): string {
  return `${fileBaseName(workflow)}.run.json`;
}

/** The SVG drawing from `graphToSvg`. */
export function svgFile(svg: string, workflow: string | null): ExportFile {
  return { name: `${fileBaseName(workflow)}.svg`, mimeType: 'image/svg+xml', text: svg };
}
