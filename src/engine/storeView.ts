/**
 * `ctx.store` as a step sees it (and `ctx.get` / `ctx.set`, which are one-key paths): reads and writes
 * of the run's StateStore that wait while another step's `editState` holds it, and trace records for
 * every change. A whole-state change (`setState`, `editState`, `clear`) is recorded with the key ''.
 */
import { WorkflowRuntimeError } from './errors.ts';
import type { Invocation } from './runCore.ts';
import type { DictState, StorePath, StoreValue } from './statePath.ts';
import type { StateStore } from './stateStore.ts';

/** What a store view needs from its run (or from a context before any run). */
export interface StoreHost {
  readonly store: StateStore;
  stateEditor: Invocation | null;
  setState(path: string[], value: unknown, inv: Invocation | null): void;
  stateReplaced(inv: Invocation | null): void;
  waitingForState(waiting: boolean): void;
}

/** Typed access to the run's state (Python's `ctx.store`). */
export interface ContextStore<S extends object = DictState> {
  /** The value at a dotted path; without a default, a missing path throws. */
  get<P extends StorePath<S>>(path: P): Promise<StoreValue<S, P>>;
  get<P extends StorePath<S>, D>(path: P, defaultValue: D): Promise<StoreValue<S, P> | D>;
  /** Writes at a dotted path, creating missing levels. */
  set<P extends StorePath<S>>(path: P, value: StoreValue<S, P>): Promise<void>;
  /** A shallow copy of the whole state, of the state's class. */
  getState(): Promise<S>;
  /** Replaces the state (or merges an instance of a parent state class onto it). */
  setState(state: S | Partial<S>): Promise<void>;
  /**
   * Runs `edit` on the state itself with the store locked: other steps' store calls wait until it
   * returns (Python's `async with ctx.store.edit_state() as state`).
   */
  editState<R>(edit: (state: S) => R | Promise<R>): Promise<R>;
  /** Back to the state class's defaults (or empty). */
  clear(): Promise<void>;
}

export class StoreView implements ContextStore<DictState> {
  constructor(
    private readonly run: StoreHost,
    private readonly inv: Invocation | null,
  ) {}

  /** Runs `op` now when nobody edits (the common case), else in turn after the edit. */
  private turn<R>(name: string, op: () => R): Promise<R> {
    const lock = this.run.store.lock;
    if (lock.busy === 0) {
      try {
        return Promise.resolve(op());
      } catch (error) {
        return Promise.reject(error);
      }
    }
    if (this.inv !== null && this.run.stateEditor === this.inv) {
      return Promise.reject(
        new WorkflowRuntimeError(`ctx.store.${name} was called inside editState in step ${this.inv.step}; change the state object the edit receives instead.`),
      );
    }
    return lock.run(op, (waiting) => this.run.waitingForState(waiting));
  }

  /**
   * The read done now when nobody edits the state (the common case), or null when it must wait its
   * turn. For hosts whose `await` of a settled promise lets other tasks run first (Python's asyncio):
   * there, an uncontended read must not give another step a turn.
   */
  getPathNow(path: string[], hasDefault: boolean, defaultValue: unknown): { value: unknown } | null {
    if (this.run.store.lock.busy !== 0) return null;
    return { value: this.run.store.get(path, hasDefault, defaultValue) };
  }

  /** The write done now when nobody edits the state; false when it must wait its turn (see getPathNow). */
  setPathNow(path: string[], value: unknown): boolean {
    if (this.run.store.lock.busy !== 0) return false;
    this.run.setState(path, value, this.inv);
    return true;
  }

  /** A copy of the whole state now when nobody edits it, or null when it must wait its turn (see getPathNow). */
  getStateNow(): object | null {
    return this.run.store.lock.busy !== 0 ? null : this.run.store.snapshot();
  }

  /** The whole state replaced now when nobody edits it; false when it must wait its turn (see getPathNow). */
  setStateNow(state: DictState): boolean {
    if (this.run.store.lock.busy !== 0) return false;
    this.run.store.replace(state);
    this.run.stateReplaced(this.inv);
    return true;
  }

  getPath(path: string[], hasDefault: boolean, defaultValue: unknown): Promise<unknown> {
    return this.turn('get', () => this.run.store.get(path, hasDefault, defaultValue));
  }

  setPath(path: string[], value: unknown): Promise<void> {
    return this.turn('set', () => this.run.setState(path, value, this.inv));
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form state reads as any
  get(path: string, ...defaultValue: [unknown?]): Promise<any> {
    return this.getPath(path.split('.'), defaultValue.length > 0, defaultValue[0]);
  }

  set(path: string, value: unknown): Promise<void> {
    return this.setPath(path.split('.'), value);
  }

  getState(): Promise<DictState> {
    return this.turn('getState', () => this.run.store.snapshot() as DictState);
  }

  setState(state: DictState): Promise<void> {
    return this.turn('setState', () => {
      this.run.store.replace(state);
      this.run.stateReplaced(this.inv);
    });
  }

  clear(): Promise<void> {
    return this.turn('clear', () => {
      this.run.store.clear();
      this.run.stateReplaced(this.inv);
    });
  }

  editState<R>(edit: (state: DictState) => R | Promise<R>): Promise<R> {
    if (this.inv !== null && this.run.stateEditor === this.inv) {
      return Promise.reject(new WorkflowRuntimeError(`editState was called inside editState in step ${this.inv.step}; edits do not nest.`));
    }
    return this.run.store.lock.run(
      async () => {
        this.run.stateEditor = this.inv;
        try {
          return await edit(this.run.store.root as DictState);
        } finally {
          this.run.stateEditor = null;
          this.run.stateReplaced(this.inv);
        }
      },
      (waiting) => this.run.waitingForState(waiting),
    );
  }
}
