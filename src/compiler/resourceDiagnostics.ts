import ts from 'typescript';
import { flowplayDiagnostic } from './diagnostic.ts';
import type { Diagnostic } from './model.ts';
import { cycleFrom, dependencyPath } from './resourceGraph.ts';
import { alwaysThrows, readResourceGraph } from './resources.ts';
import type { Scope } from './scope.ts';
import type { WorkflowSyntax } from './workflows.ts';

/**
 * Resource misuse the editor can see before a run: a factory whose body throws before it can return
 * (every step that takes it would fail), and factories that ask for each other in a circle (the
 * engine would stop at the first step that needs one). Each is marked on the factory, and on the
 * step parameters that use it.
 */
export function resourceDiagnostics(sf: ts.SourceFile, scope: Scope, workflow: WorkflowSyntax): Diagnostic[] {
  const roots = [...new Set(workflow.steps.flatMap((s) => (s.info.resources ?? []).map((r) => r.factory)))];
  if (roots.length === 0) return [];
  const graph = readResourceGraph(sf, scope, roots);
  const byName = new Map(graph.map((r) => [r.name, r]));
  const out: Diagnostic[] = [];
  const throwing = new Set<string>();
  for (const resource of graph) {
    const thrown = resource.decl ? alwaysThrows(resource.decl) : null;
    if (!thrown) continue;
    throwing.add(resource.name);
    out.push(flowplayDiagnostic(sf, thrown, 'error', 'resource-factory-throws',
      `The resource factory ${resource.name} always throws here, so every step that takes ${resource.name} fails before it runs.`));
  }
  for (const step of workflow.steps) {
    for (const use of step.info.resources ?? []) {
      const failing = dependencyPath(use.factory, byName, (name) => throwing.has(name));
      if (failing) {
        out.push({
          ...flowplayDiagnostic(sf, use.range, 'error', 'resource-factory-throws',
            `${step.info.name} cannot run: its resource '${use.param}' comes from ${failing.join(' -> ')}, which always throws.`),
          node: `step:${step.info.name}`,
        });
      }
      const cycle = cycleFrom(use.factory, byName);
      if (cycle) {
        out.push({
          ...flowplayDiagnostic(sf, use.range, 'error', 'resource-cycle', `Circular resource dependency detected: ${cycle.join(' -> ')}`),
          node: `step:${step.info.name}`,
        });
      }
    }
  }
  return out;
}
