/**
 * Resolving a step's resource parameters before its code runs. Only steps that declare resources
 * come here; every other invocation starts as before, without a promise or a lookup of its own.
 */
import { Resolution, ResourceManager, type ResolvedResource } from './resource.ts';
import type { Invocation } from './invocation.ts';
import { withFrame } from './scope.ts';

const FALLBACK_MANAGERS = new WeakMap<object, ResourceManager>();

/** The workflow's manager (the library keeps one per workflow instance, shared by its runs). */
export function resourceManagerOf(workflow: object): ResourceManager {
  const own = (workflow as { resourceManager?: unknown }).resourceManager;
  if (own instanceof ResourceManager) return own;
  let manager = FALLBACK_MANAGERS.get(workflow);
  if (!manager) FALLBACK_MANAGERS.set(workflow, (manager = new ResourceManager()));
  return manager;
}

/** The values for `def`'s resource parameters, in order, in one resolution (a non-cached resource is made once in it). */
export async function resolveStepResources(inv: Invocation): Promise<ResolvedResource[]> {
  const resolution = new Resolution(resourceManagerOf(inv.run.workflow), (call) => withFrame(inv, callFactory, call));
  const values: ResolvedResource[] = [];
  for (const { descriptor } of inv.rt.def.resources!) values.push(await resolution.resolve(descriptor));
  return values;
}

function callFactory(factory: () => unknown): unknown {
  return factory();
}
