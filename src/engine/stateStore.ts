/**
 * A run's state (Python's `InMemoryStateStore`): free-form keys by default, or an instance of the
 * state class the workflow's steps declare. Dotted paths read and write into it; `editState` runs an
 * edit with the store locked, and every other store call waits for the edit to end. The lock costs
 * nothing until an edit takes it: reads and writes stay synchronous while nobody edits.
 */
import { describeValue } from './describe.ts';
import { RunState } from './runState.ts';
import type { StateClass } from './statePath.ts';

/** Keeps calls in order while an edit holds the store; `busy` is 0 when nothing holds or waits. */
class StoreLock {
  busy = 0;
  private tail: Promise<void> = Promise.resolve();

  /** Runs `fn` once everything queued before it has finished; `onWait` tells whether it had to wait. */
  async run<R>(fn: () => R | Promise<R>, onWait: (waiting: boolean) => void): Promise<R> {
    const before = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    const waited = this.busy++ > 0;
    try {
      if (waited) {
        onWait(true);
        try {
          await before;
        } finally {
          onWait(false);
        }
      }
      return await fn();
    } finally {
      this.busy--;
      release();
    }
  }
}

export class StateStore {
  readonly lock = new StoreLock();
  private values: RunState;

  constructor(readonly stateClass: StateClass | null) {
    this.values = new RunState(stateClass ? StateStore.fresh(stateClass) : {});
  }

  private static fresh(stateClass: StateClass): object {
    try {
      return new stateClass();
    } catch (error) {
      throw new TypeError(`State must have defaults for all fields: new ${stateClass.name}() threw ${describeValue(error)}.`, { cause: error });
    }
  }

  get root(): object {
    return this.values.root;
  }

  get(path: readonly string[], hasDefault: boolean, defaultValue: unknown): unknown {
    return this.values.get(path, hasDefault, defaultValue);
  }

  set(path: readonly string[], value: unknown): void {
    this.values.set(path, value);
  }

  /** A shallow copy that keeps the state's class (Python's `model_copy()`). */
  snapshot(): object {
    const root = this.values.root;
    return Object.assign(Object.create(Object.getPrototypeOf(root)) as object, root);
  }

  /**
   * Replaces the state with `state` (same class or a subclass), or merges `state`'s fields onto it
   * when `state` is of a parent class, so a base workflow's step keeps a subclass's extra fields.
   */
  replace(state: unknown): void {
    if (typeof state !== 'object' || state === null) throw new TypeError(`setState expects the state object, got ${describeValue(state)}.`);
    const current = this.values.root;
    const currentClass = current.constructor;
    if (!this.stateClass || state instanceof currentClass) {
      this.values = new RunState(state as Record<string, unknown>);
    } else if (current instanceof (state.constructor as Function)) {
      this.values = new RunState(Object.assign(Object.create(Object.getPrototypeOf(current)) as object, current, state));
    } else {
      throw new TypeError(`State must be of type ${currentClass.name} or a parent type, got ${(state.constructor as Function).name || 'Object'}`);
    }
  }

  /** Back to the state class's defaults (or empty). */
  clear(): void {
    this.values = new RunState(this.stateClass ? StateStore.fresh(this.stateClass) : {});
  }
}

/** The most derived of the state classes the steps declare; they must form one line of inheritance. */
export function mostDerivedState(classes: readonly StateClass[]): StateClass | null {
  const unique = [...new Set(classes)];
  if (unique.length === 0) return null;
  const derived = unique.find((candidate) => unique.every((other) => candidate === other || candidate.prototype instanceof other));
  if (!derived) {
    throw new TypeError(
      `Multiple state types are not in a compatible inheritance hierarchy. All state types must share a common inheritance chain. Found: ${unique.map((c) => c.name).join(', ')}`,
    );
  }
  return derived;
}
