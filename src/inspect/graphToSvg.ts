import type { EventRole, GraphEdge, GraphModel, GraphNode } from '../compiler/model.ts';
import type { StepView } from '../state/runFold.ts';
import { edgeRoute } from './edgeRoute.ts';
import { nodeSize } from './graphLayout.ts';
import type { Point } from './graphLayout.ts';
import { outcomesText, queuedText, queuedTitle } from './stepText.ts';
import { CHILD_STYLE, EXTERNAL_STYLE, MONO_STACK, SANS_STACK, STATE_COLOR, clip, defaultEventColor, mix, n, xml } from './svgStyle.ts';

/** A node's top-left corner and, when the layout knows them, its size. */
export interface NodeBox {
  x: number;
  y: number;
  width?: number;
  height?: number;
}

/** What the SVG shows of a run at the cursor: a subset of src/state's `RunView`, which fits as is. */
export interface SvgRunState {
  steps?: Readonly<Record<string, SvgStepState | undefined>>;
  /** Events emitted so far, per type. */
  events?: Readonly<Record<string, number | undefined>>;
}

/** What the drawing needs of a step's view (the page's `StepView` fits as it is). */
export type SvgStepState = Pick<StepView, 'state' | 'running' | 'queued' | 'numWorkers' | 'done' | 'failed' | 'cancelled'> & {
  collect: readonly { have: number; need: number }[] | null;
};

export interface GraphSvgOptions {
  /** The graph view's colour rule (src/ui `eventColor`); defaults to the same rule. */
  eventColor?: (type: string, role?: EventRole) => string;
  padding?: number;
  background?: string;
  /** The layout's edge routes (`GraphLayout.edges`): used for edges whose nodes are where the layout put them. */
  routes?: Readonly<Record<string, readonly Point[] | undefined>>;
  title?: string;
}

/**
 * The graph as a standalone SVG document drawn from data: step boxes with their state, worker slots
 * and collect progress, event pills in their colours with counters, edges with arrowheads (dashed for
 * events sent but not declared). Styles are inline, fonts are system stacks and nothing is referenced
 * by URL, so the string can be saved as `.svg` or drawn on a canvas for PNG.
 *
 * @example
 * const svg = graphToSvg(graph, layout.nodes, viewStore.getState().view, { eventColor, routes: layout.edges });
 */
export function graphToSvg(
  graph: GraphModel,
  boxes: ReadonlyMap<string, NodeBox> | Readonly<Record<string, NodeBox>>,
  run?: SvgRunState | null,
  options: GraphSvgOptions = {},
): string {
  const colorOf = options.eventColor ?? defaultEventColor;
  const pad = options.padding ?? 16;
  const boxOf = (node: GraphNode) => {
    const b = boxes instanceof Map ? boxes.get(node.id) : (boxes as Readonly<Record<string, NodeBox>>)[node.id];
    const size = nodeSize(node);
    return { x: b?.x ?? 0, y: b?.y ?? 0, width: b?.width ?? size.width, height: b?.height ?? size.height };
  };
  const placed = new Map(graph.nodes.map((node) => [node.id, boxOf(node)]));
  // Edges are routed first: a back edge loops around the nodes and the picture must include it.
  const curves: { id: string; curve: ReturnType<typeof edgeRoute>; dashed: boolean; kind: GraphEdge['kind'] }[] = [];
  for (const edge of graph.edges) {
    const s = placed.get(edge.source);
    const t = placed.get(edge.target);
    if (!s || !t) continue;
    const below = Math.max(s.y + s.height, t.y + t.height);
    const curve = edgeRoute(options.routes?.[edge.id], { x: s.x + s.width, y: s.y + s.height / 2 }, { x: t.x, y: t.y + t.height / 2 }, below);
    curves.push({ id: edge.id, curve, dashed: edge.dashed, kind: edge.kind });
  }
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const b of placed.values()) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y - 10); // room for event counters above pills
    maxX = Math.max(maxX, b.x + b.width + 8);
    maxY = Math.max(maxY, b.y + b.height);
  }
  for (const { curve } of curves) {
    for (const p of curve.points) {
      [minX, minY, maxX, maxY] = [Math.min(minX, p.x - 6), Math.min(minY, p.y - 6), Math.max(maxX, p.x + 6), Math.max(maxY, p.y + 6)];
    }
  }
  if (placed.size === 0) [minX, minY, maxX, maxY] = [0, 0, 160, 40];
  const width = maxX - minX + 2 * pad;
  const height = maxY - minY + 2 * pad;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="${n(minX - pad)} ${n(minY - pad)} ${n(width)} ${n(height)}" font-family="${xml(SANS_STACK)}">`,
    `<title>${xml(options.title ?? 'Workflow graph')}</title>`,
    `<rect x="${n(minX - pad)}" y="${n(minY - pad)}" width="${n(width)}" height="${n(height)}" fill="${xml(options.background ?? '#ffffff')}"/>`,
  ];
  if (placed.size === 0) out.push(`<text x="8" y="24" font-size="13" fill="#64748b">No graph</text>`);
  out.push('<g class="edges">');
  for (const { id, curve, dashed, kind } of curves) out.push(edgeSvg(id, curve, dashed, kind));
  out.push('</g>', '<g class="nodes">');
  for (const node of graph.nodes) {
    const b = placed.get(node.id)!;
    if (node.kind === 'step') out.push(stepSvg(node, b, run?.steps?.[node.step?.name ?? node.label]));
    else if (node.kind === 'resource') out.push(resourceSvg(node, b));
    else if (node.kind === 'external') out.push(externalSvg(node, b));
    else if (node.kind === 'child') out.push(childSvg(node, b));
    else out.push(eventSvg(node, b, run?.events?.[node.event?.type ?? node.label] ?? 0, colorOf));
  }
  out.push('</g>', '</svg>');
  return `${out.join('\n')}\n`;
}

/** The same route as the graph view's edges (`edgeRoute`), with an arrowhead along its last segment. */
function edgeSvg(id: string, curve: ReturnType<typeof edgeRoute>, dashed: boolean, kind: GraphEdge['kind']): string {
  const dash = dashed ? ' stroke-dasharray="6 5"' : '';
  const { end, direction: u } = curve;
  const back = { x: end.x - u.x * 8, y: end.y - u.y * 8 };
  const head = `${n(end.x)},${n(end.y)} ${n(back.x - u.y * 4.5)},${n(back.y + u.x * 4.5)} ${n(back.x + u.y * 4.5)},${n(back.y - u.x * 4.5)}`;
  const d = curve.d;
  const why =
    kind === 'uses' || kind === 'depends' ? 'A resource: a value made by a factory, not an event'
    : kind === 'catches' ? 'On failure: the step\'s final error goes to this @catchError step'
    : "Sent with ctx.sendEvent but not declared in the step's return type";
  const title = dashed ? `<title>${why}</title>` : '';
  if (kind === 'catches') {
    const mid = curve.at(0.5);
    const label = `<text x="${n(mid.x)}" y="${n(mid.y - 5)}" text-anchor="middle" font-family="${xml(MONO_STACK)}" font-size="11" fill="#b91c1c" stroke="#ffffff" stroke-width="3" paint-order="stroke">on failure</text>`;
    return `<g data-edge="${xml(id)}" data-kind="catches">${title}<path d="${d}" fill="none" stroke="#dc2626" stroke-width="1.6" stroke-dasharray="3 4"/><polygon points="${head}" fill="#dc2626"/>${label}</g>`;
  }
  return `<g data-edge="${xml(id)}">${title}<path d="${d}" fill="none" stroke="#94a3b8" stroke-width="1.6"${dash}/><polygon points="${head}" fill="#94a3b8"/></g>`;
}

function stepSvg(node: GraphNode, b: { x: number; y: number; width: number; height: number }, step: SvgStepState | undefined): string {
  const state = step?.state ?? 'idle';
  const numWorkers = step?.numWorkers ?? node.step?.numWorkers ?? 1;
  const running = step?.running ?? 0;
  const queued = step?.queued ?? 0;
  const stroke = STATE_COLOR[state];
  const parts: string[] = [
    `<g data-id="${xml(node.id)}" data-state="${state}"><title>${xml(node.label)}</title>`,
    `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" rx="8" fill="${state === 'failed' ? '#fef2f2' : '#ffffff'}" stroke="${stroke}" stroke-width="1.5"${state === 'cancelled' ? ' stroke-dasharray="5 3"' : ''}/>`,
  ];
  const label = state === 'idle' ? '' : state.toUpperCase();
  const nameRoom = Math.floor((b.width - 16 - label.length * 7.5) / 8.2);
  parts.push(`<text x="${n(b.x + 8)}" y="${n(b.y + 20)}" font-family="${xml(MONO_STACK)}" font-size="13.5" font-weight="600" fill="#0f172a">${xml(clip(node.label, nameRoom))}</text>`);
  if (label) parts.push(`<text x="${n(b.x + b.width - 8)}" y="${n(b.y + 20)}" text-anchor="end" font-size="10.5" font-weight="600" letter-spacing="0.5" fill="${state === 'cancelled' ? '#64748b' : stroke}">${label}</text>`);
  // The slots share what the count leaves of the row: narrower for many workers, never past the box.
  const slots = Math.min(numWorkers, 8);
  const slotText = `${running}/${numWorkers}`;
  const pitch = Math.min(17, (b.width - 16 - 6 - slotText.length * 7.3) / slots);
  for (let i = 0; i < slots; i++) {
    parts.push(`<rect x="${n(b.x + 8 + i * pitch)}" y="${n(b.y + 31)}" width="${n(pitch - 3)}" height="8" rx="2" fill="${i < running ? STATE_COLOR.running : '#e2e8f0'}"/>`);
  }
  parts.push(`<text x="${n(b.x + 8 + slots * pitch + 3)}" y="${n(b.y + 39)}" font-family="${xml(MONO_STACK)}" font-size="12" fill="#334155">${xml(slotText)}</text>`);
  if (queued > 0) parts.push(queueBadgeSvg(b, queued));
  parts.push(footerSvg(node, b, step), '</g>');
  return parts.join('');
}

/** Collect progress when the step collects, else its outcomes so far, else what it collects. */
function footerSvg(node: GraphNode, b: { x: number; y: number; width: number; height: number }, step: SvgStepState | undefined): string {
  const y = b.y + b.height - 14;
  if (step?.collect && step.collect.length > 0) {
    const have = step.collect.reduce((sum, c) => sum + c.have, 0);
    const need = step.collect.reduce((sum, c) => sum + c.need, 0);
    const barWidth = b.width - 16 - 48;
    const filled = need === 0 ? 0 : (barWidth * Math.min(have, need)) / need;
    return (
      `<rect x="${n(b.x + 8)}" y="${n(y - 4)}" width="${n(barWidth)}" height="8" rx="4" fill="#e2e8f0"/>` +
      `<rect x="${n(b.x + 8)}" y="${n(y - 4)}" width="${n(filled)}" height="8" rx="4" fill="#7c3aed"/>` +
      `<text x="${n(b.x + b.width - 8)}" y="${n(y + 4)}" text-anchor="end" font-family="${xml(MONO_STACK)}" font-size="12" font-weight="600" fill="#5b21b6">${have}/${need}</text>`
    );
  }
  const outcomes = outcomesText(step);
  const collects = node.step?.collects ?? [];
  const text = outcomes ? outcomes : collects.length > 0 ? `collects ${collects.join(', ')}` : step && step.running + step.queued > 0 ? '' : 'idle';
  const color = outcomes ? '#334155' : '#64748b';
  return `<text x="${n(b.x + 8)}" y="${n(y + 4)}" font-size="11" fill="${color}">${xml(clip(text, Math.floor((b.width - 16) / 6)))}</text>`;
}

/** The queue's count as a pill on the box's top edge, as the page draws it. */
function queueBadgeSvg(b: { x: number; y: number; width: number }, queued: number): string {
  const text = queuedText(queued);
  const width = Math.min(b.width - 20, text.length * 6.7 + 12);
  return (
    `<g data-queued="${queued}"><title>${xml(queuedTitle(queued))}</title>` +
    `<rect x="${n(b.x + 10)}" y="${n(b.y - 9)}" width="${n(width)}" height="18" rx="9" fill="#b45309" stroke="#ffffff" stroke-width="1.5"/>` +
    `<text x="${n(b.x + 16)}" y="${n(b.y + 4)}" font-family="${xml(MONO_STACK)}" font-size="11" font-weight="600" fill="#ffffff">${xml(text)}</text></g>`
  );
}

function resourceSvg(node: GraphNode, b: { x: number; y: number; width: number; height: number }): string {
  return (
    `<g data-id="${xml(node.id)}"><title>${xml(`Resource: the value ${node.label}() returns`)}</title>` +
    `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" rx="6" fill="#fffbeb" stroke="#b45309" stroke-width="1.5" stroke-dasharray="5 3"/>` +
    `<text x="${n(b.x + 10)}" y="${n(b.y + 15)}" font-size="9.5" font-weight="600" letter-spacing="0.5" fill="#b45309">RESOURCE</text>` +
    `<text x="${n(b.x + 10)}" y="${n(b.y + 31)}" font-family="${xml(MONO_STACK)}" font-size="12" font-weight="600" fill="#78350f">${xml(clip(node.label, Math.floor((b.width - 20) / 7.3)))}</text>` +
    `</g>`
  );
}

function eventSvg(node: GraphNode, b: { x: number; y: number; width: number; height: number }, count: number, colorOf: (type: string, role?: EventRole) => string): string {
  const type = node.event?.type ?? node.label;
  const color = colorOf(type, node.event?.role);
  const r = b.height / 2;
  const badge = String(count);
  const badgeWidth = Math.max(20, badge.length * 7 + 10);
  const bx = b.x + b.width + 6 - badgeWidth;
  const by = b.y - 9;
  return (
    `<g data-id="${xml(node.id)}" data-count="${count}"><title>${xml(node.label)}</title>` +
    `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" rx="${n(r)}" fill="${mix(color, 0.09, '#ffffff')}" stroke="${color}" stroke-width="1.5"/>` +
    `<text x="${n(b.x + b.width / 2)}" y="${n(b.y + r + 4)}" text-anchor="middle" font-family="${xml(MONO_STACK)}" font-size="12" font-weight="600" fill="${mix(color, 0.7, '#000000')}">${xml(clip(node.label, Math.floor((b.width - 24) / 7.3)))}</text>` +
    `<rect x="${n(bx)}" y="${n(by)}" width="${n(badgeWidth)}" height="20" rx="10" fill="${count > 0 ? color : '#ffffff'}" stroke="${count > 0 ? '#ffffff' : '#e2e8f0'}" stroke-width="1.5"/>` +
    `<text x="${n(bx + badgeWidth / 2)}" y="${n(by + 14)}" text-anchor="middle" font-family="${xml(MONO_STACK)}" font-size="11" font-weight="600" fill="${count > 0 ? '#ffffff' : '#64748b'}">${badge}</text>` +
    `</g>`
  );
}

/** The person who answers a human-in-the-loop question: a dashed box with a figure, as on the page. */
function externalSvg(node: GraphNode, b: { x: number; y: number; width: number; height: number }): string {
  const cx = b.x + 20;
  const cy = b.y + b.height / 2;
  return (
    `<g data-id="${xml(node.id)}" data-kind="external"><title>${xml(node.label)}: a person answers the question</title>` +
    `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" rx="6" fill="${EXTERNAL_STYLE.fill}" stroke="${EXTERNAL_STYLE.stroke}" stroke-width="1.5" stroke-dasharray="5 3"/>` +
    `<circle cx="${n(cx)}" cy="${n(cy - 7)}" r="5" fill="${EXTERNAL_STYLE.stroke}"/>` +
    `<path d="M ${n(cx - 9)} ${n(cy + 11)} a 9 8 0 0 1 18 0 z" fill="${EXTERNAL_STYLE.stroke}"/>` +
    `<text x="${n(b.x + 36)}" y="${n(cy - 2)}" font-family="${xml(MONO_STACK)}" font-size="12" font-weight="600" fill="${EXTERNAL_STYLE.text}">${xml(clip(node.label, Math.floor((b.width - 44) / 7.3)))}</text>` +
    `<text x="${n(b.x + 36)}" y="${n(cy + 13)}" font-size="10.5" fill="${EXTERNAL_STYLE.text}">a person answers</text>` +
    `</g>`
  );
}

/** A `calls:` / `returns:` connector of a child workflow: a grey pill, as the library draws it. */
function childSvg(node: GraphNode, b: { x: number; y: number; width: number; height: number }): string {
  return (
    `<g data-id="${xml(node.id)}" data-kind="child"><title>${xml(node.label)}</title>` +
    `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" rx="${n(b.height / 2)}" fill="${CHILD_STYLE.fill}" stroke="${CHILD_STYLE.stroke}" stroke-width="1" stroke-dasharray="3 3"/>` +
    `<text x="${n(b.x + b.width / 2)}" y="${n(b.y + b.height / 2 + 4)}" text-anchor="middle" font-family="${xml(MONO_STACK)}" font-size="11.5" fill="${CHILD_STYLE.text}">${xml(clip(node.label, Math.floor((b.width - 16) / 7)))}</text>` +
    `</g>`
  );
}
