import type { GraphModel } from '../compiler/model.ts';
import { ShapeError, checkFields, isPlainObject } from './checkShape.ts';
import type { FieldType } from './recordSchema.ts';

const NODE = { id: 'string', kind: ['step', 'event', 'resource'], label: 'string', workflow: 'string' } as const satisfies Record<string, FieldType>;
const STEP = { name: 'string', numWorkers: 'id', gather: 'boolean', fanOut: 'boolean', collects: 'strings', 'skipGraphChecks?': 'strings', 'children?': 'strings' } as const satisfies Record<string, FieldType>;
const EVENT = { type: 'string', role: ['start', 'stop', 'input-required', 'human-response', 'step-failed', 'event'] } as const satisfies Record<string, FieldType>;
const RANGE = { start: 'id', end: 'id', line: 'id', column: 'id', endLine: 'id', endColumn: 'id' } as const satisfies Record<string, FieldType>;
const RESOURCE = { name: 'string' } as const satisfies Record<string, FieldType>;
const EDGE = { id: 'string', source: 'string', target: 'string', kind: ['returns', 'sends', 'accepts', 'uses', 'depends', 'catches'], dashed: 'boolean', 'label?': 'string' } as const satisfies Record<string, FieldType>;

/** Checks a saved graph as strictly as the records: the UI lays it out and draws it as it is. */
export function checkGraph(value: unknown, path: string, maxNodes: number, maxDepth: number): asserts value is GraphModel {
  if (!isPlainObject(value)) throw new ShapeError(`${path} must be an object`);
  checkFieldsOnly(value, ['nodes', 'edges'], path);
  const { nodes, edges } = value;
  if (!Array.isArray(nodes) || !Array.isArray(edges)) throw new ShapeError(`${path} must have "nodes" and "edges" lists`);
  if (nodes.length > maxNodes || edges.length > maxNodes * 4) throw new ShapeError(`${path} has more than ${maxNodes} nodes or ${maxNodes * 4} edges`);
  const ids = new Set<string>();
  nodes.forEach((node: unknown, i) => {
    const at = `${path}.nodes[${i}]`;
    checkFields(node, NODE, at, maxDepth, new Set(['step', 'event', 'resource']));
    const n = node as Record<string, unknown>;
    if (ids.has(n.id as string)) throw new ShapeError(`${at}.id "${String(n.id)}" is used twice`);
    ids.add(n.id as string);
    if (n.kind === 'step') {
      if (n.step === undefined) throw new ShapeError(`${at} is a step node without "step"`);
      checkFields(n.step, STEP, `${at}.step`, maxDepth, new Set(['range', 'nameRange']));
      checkFields((n.step as Record<string, unknown>).range, RANGE, `${at}.step.range`, maxDepth);
      const nameRange = (n.step as Record<string, unknown>).nameRange;
      if (nameRange !== undefined) checkFields(nameRange, RANGE, `${at}.step.nameRange`, maxDepth);
    }
    if (n.kind === 'event') {
      if (n.event === undefined) throw new ShapeError(`${at} is an event node without "event"`);
      checkFields(n.event, EVENT, `${at}.event`, maxDepth, new Set(['range']));
      const range = (n.event as Record<string, unknown>).range;
      if (range !== null) checkFields(range, RANGE, `${at}.event.range`, maxDepth);
    }
    if (n.kind === 'resource') {
      if (n.resource === undefined) throw new ShapeError(`${at} is a resource node without "resource"`);
      checkFields(n.resource, RESOURCE, `${at}.resource`, maxDepth, new Set(['range']));
      const range = (n.resource as Record<string, unknown>).range;
      if (range !== null && range !== undefined) checkFields(range, RANGE, `${at}.resource.range`, maxDepth);
    }
  });
  edges.forEach((edge: unknown, i) => {
    const at = `${path}.edges[${i}]`;
    checkFields(edge, EDGE, at, maxDepth);
    const e = edge as Record<string, string>;
    if (!ids.has(e.source!) || !ids.has(e.target!)) throw new ShapeError(`${at} connects a node that is not in the graph`);
  });
}

function checkFieldsOnly(value: Record<string, unknown>, names: string[], path: string): void {
  for (const name of Object.keys(value)) if (!names.includes(name)) throw new ShapeError(`${path} has an unknown field "${name}"`);
}
