import { describe, expect, it } from 'vitest';
import { createCompiler } from '../../../src/compiler/index.ts';
import { analysePython } from '../../../src/compiler/python/index.ts';
import type { CompileResult } from '../../../src/compiler/index.ts';
import { example } from './shapes.ts';

/** `stepTwo` -> `step_two`: the one way the TypeScript twins spell names differently. */
const snake = (name: string) => name.replace(/[A-Z]/g, (c, at: number) => (at > 0 && /[a-z]/.test(name[at - 1]!) ? `_${c.toLowerCase()}` : c));
const snakeStep = (id: string) => (id.startsWith('step:') ? snake(id) : id);

/** The graph without source ranges, step ids in Python spelling. */
function shape(result: CompileResult, rename: (id: string) => string) {
  return {
    nodes: result.graph.nodes.map((n) => ({
      id: rename(n.id),
      label: n.kind === 'step' ? rename(`step:${n.label}`).slice('step:'.length) : n.label,
      role: n.event?.role ?? null,
      workers: n.step?.numWorkers ?? null,
      collects: n.step?.collects ?? null,
    })),
    edges: result.graph.edges.map((e) => `${rename(e.source)} -${e.kind}${e.dashed ? ' dashed' : ''}-> ${rename(e.target)}`),
    events: result.events.map((e) => `${e.name}:${e.role}:${e.fields.map((f) => f.name).join(',')}`),
  };
}

describe("the reference chapter's programs draw the same graph as their TypeScript twins", () => {
  const compiler = createCompiler();
  it.each(['parallel', 'collect', 'collect-different-types', 'map-reduce'])('%s', (name) => {
    const typescript = compiler.compile(example(`concurrency/${name}.ts`), { typeCheck: false, emit: false });
    const python = analysePython(example(`concurrency/${name}.py`));
    expect(python.diagnostics).toEqual([]);
    expect(shape(python, (id) => id)).toEqual(shape(typescript, snakeStep));
  });
});
