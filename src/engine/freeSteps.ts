/**
 * Steps written as free functions and attached to one workflow class: the library's
 * `@step(workflow=W)` on a function and `W.add_step(fn)`. They belong to that class only (a subclass
 * does not inherit them, as in the library, where each class gets its own table), and come after the
 * class's methods in routing order, in the order they were added.
 */
import { WorkflowValidationError } from './errors.ts';

interface FreeSteps {
  readonly fns: Map<string, Function>;
  /** Bumped by every addition, so a plan built before it is known to be stale. */
  version: number;
}

const FREE = new WeakMap<Function, FreeSteps>();

/** The free functions added to this very class, by name, in the order they were added. */
export function freeStepsOf(ctor: Function): ReadonlyMap<string, Function> | undefined {
  return FREE.get(ctor)?.fns;
}

/** How many times steps were added to this class (0 for a class that never had one). */
export function freeStepsVersion(ctor: Function): number {
  return FREE.get(ctor)?.version ?? 0;
}

/** Adds a step-marked function to the class; the caller has checked the mark and the name. */
export function attachFreeStep(ctor: Function, name: string, fn: Function): void {
  let entry = FREE.get(ctor);
  if (!entry) FREE.set(ctor, (entry = { fns: new Map(), version: 0 }));
  entry.fns.set(name, fn);
  entry.version++;
}

/**
 * The name a free function goes by as a step. A step is routed and traced by name, so an arrow
 * function passed straight to `step(…)` (which has none) is refused with the form that works.
 */
export function freeStepName(fn: Function, how: string): string {
  if (!fn.name) {
    throw new WorkflowValidationError(`A step written as a function needs a name: ${how}(async function myStep(ev) { … }), or a named function declared above.`);
  }
  return fn.name;
}
