import type { SyntaxNode } from '@lezer/common';
import type { Diagnostic, ResourceInfo, ResourceUse, StepInfo } from '../model.ts';
import { cycleFrom } from '../resourceGraph.ts';
import type { PyParam } from './pyParams.ts';
import { readParams } from './pyParams.ts';
import type { PyScope } from './pyScope.ts';
import { resolveName } from './pyScope.ts';
import type { PySource } from './pySource.ts';
import { callArguments, childrenOf, itemsOf } from './pySource.ts';

/** The `Resource(factory, cache=…)` of an `Annotated[T, Resource(factory)]` annotation, if it has one. */
function resourceCallOf(param: PyParam, source: PySource, scope: PyScope): { factory: string; cache: boolean } | null {
  const annotation = param.annotation;
  if (annotation?.name !== 'MemberExpression' || childrenOf(annotation)[1]?.name !== '[') return null;
  const [head, , ...metadata] = itemsOf(annotation);
  if (!head || source.textOf(head).split('.').pop() !== 'Annotated') return null;
  for (const meta of metadata) {
    if (meta.name !== 'CallExpression') continue;
    const resolved = resolveName(scope, source, meta.firstChild);
    if (!resolved?.builtin || resolved.name !== 'Resource') continue;
    const { positional, keywords } = callArguments(meta.getChild('ArgList'), source);
    const factory = positional[0] ?? keywords.get('factory');
    const cache = keywords.get('cache') ?? positional[1];
    return { factory: factory ? source.textOf(factory) : '?', cache: !(cache && source.textOf(cache) === 'False') };
  }
  return null;
}

/** A step's resource parameters: those annotated `Annotated[T, Resource(factory)]`, in order. */
export function readResourceUses(params: readonly PyParam[], source: PySource, scope: PyScope): ResourceUse[] {
  return params.flatMap((param) => {
    const call = resourceCallOf(param, source, scope);
    return call ? [{ param: param.name, factory: call.factory, cache: call.cache, range: source.range(param.annotation ?? param.node) }] : [];
  });
}

/** Functions defined at the top of the file, decorated or not, by name. */
function topLevelFunctions(source: PySource): Map<string, SyntaxNode> {
  const found = new Map<string, SyntaxNode>();
  for (const statement of childrenOf(source.top)) {
    const fn = statement.name === 'FunctionDefinition' ? statement : statement.name === 'DecoratedStatement' ? statement.getChild('FunctionDefinition') : null;
    const name = fn?.getChild('VariableName');
    if (fn && name) found.set(source.textOf(name), fn);
  }
  return found;
}

/**
 * Every factory the steps reach, with the factories its own `Annotated[..., Resource(...)]` parameters
 * ask for, in the order first met. A factory not defined at the top of the file is listed without a range.
 */
export function readPyResourceGraph(source: PySource, scope: PyScope, steps: readonly StepInfo[]): ResourceInfo[] | undefined {
  const roots = [...new Set(steps.flatMap((s) => (s.resources ?? []).map((r) => r.factory)))];
  if (roots.length === 0) return undefined;
  const functions = topLevelFunctions(source);
  const out = new Map<string, ResourceInfo>();
  const visit = (name: string): void => {
    if (out.has(name)) return;
    const fn = functions.get(name);
    const info: ResourceInfo = { name, dependsOn: [], range: fn ? source.range(fn.getChild('VariableName')!) : null };
    out.set(name, info);
    for (const use of fn ? readResourceUses(readParams(source, fn.getChild('ParamList')), source, scope) : []) {
      info.dependsOn.push(use.factory);
      visit(use.factory);
    }
  };
  for (const root of roots) visit(root);
  return [...out.values()];
}

/** Factories that ask for each other in a circle, marked on each step parameter that would need them. */
export function pyResourceDiagnostics(steps: readonly StepInfo[], resources: readonly ResourceInfo[] | undefined): Diagnostic[] {
  if (!resources) return [];
  const graph = new Map(resources.map((r) => [r.name, r]));
  return steps.flatMap((step) =>
    (step.resources ?? []).flatMap((use) => {
      const cycle = cycleFrom(use.factory, graph);
      return cycle ? [{ severity: 'error' as const, code: 'resource-cycle', source: 'flowplay' as const, range: use.range, message: `Circular resource dependency detected: ${cycle.join(' -> ')}`, node: `step:${step.name}` }] : [];
    }),
  );
}
