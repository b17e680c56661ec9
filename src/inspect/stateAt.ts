import type { JsonValue } from '../engine/jsonSafe.ts';
import type { StateChangedRecord } from '../engine/trace.ts';
import type { TraceIndex } from './traceIndex.ts';
import { upToSeq } from './traceIndex.ts';

export type StateObject = { [key: string]: JsonValue };

export interface RunState {
  /** The run's context state at the cursor: `ctx.set` keys and `ctx.store` dot paths, nested. */
  values: StateObject;
  /** Per key as written (`a.b.c`), the last change at or before the cursor. */
  changes: Record<string, StateChangedRecord>;
}

/**
 * The context state after every `state.changed` record with `seq <= cursorSeq`, rebuilt from the
 * changes alone (cost: the number of changes up to the cursor, never the whole trace).
 *
 * Dot paths nest as `ctx.store.set` does; the key '' replaces the whole state. The trace writes `ctx.set("a.b", v)` with the same key, so a
 * flat key with a dot in it shows nested too.
 *
 * @example
 * stateAt(TraceIndex.of(trace), 12).values // { num_events: 4 }
 */
export function stateAt(index: TraceIndex, cursorSeq: number): RunState {
  let values: StateObject = {};
  const changes: Record<string, StateChangedRecord> = {};
  for (const change of upToSeq(index.stateChanges, cursorSeq)) {
    // The key '' stands for the whole state (setState, editState, clear, a typed state's defaults).
    if (change.key === '') values = isObject(change.value) ? { ...change.value } : {};
    else setPath(values, pathOf(change.key), change.value);
    define(changes, change.key, change);
  }
  return { values, changes };
}

/**
 * Levels a key's dots may open: past them the rest of the key is one name. A run or a file may write
 * a key of thousands of dots, and every level is an object copied here and a fold drawn in the page.
 */
export const MAX_STATE_PATH_DEPTH = 32;

function pathOf(key: string): string[] {
  const path = key.split('.', MAX_STATE_PATH_DEPTH);
  if (path.length === MAX_STATE_PATH_DEPTH) {
    const head = path.slice(0, -1);
    return [...head, key.slice(head.join('.').length + 1)];
  }
  return path;
}

/**
 * Writes like the engine's `setState` (a missing or non-object level becomes `{}`), but copies each
 * level it passes through: values are the trace's own objects, which must stay as recorded.
 */
function setPath(root: StateObject, path: string[], value: JsonValue): void {
  let node: StateObject | JsonValue[] = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const next: JsonValue | undefined = read(node, key);
    const copy: StateObject | JsonValue[] = Array.isArray(next) ? [...next] : isObject(next) ? { ...next } : {};
    write(node, key, copy);
    node = copy;
  }
  write(node, path[path.length - 1]!, value);
}

function isObject(value: JsonValue | undefined): value is StateObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function read(node: StateObject | JsonValue[], key: string): JsonValue | undefined {
  return Object.prototype.hasOwnProperty.call(node, key) ? (node as Record<string, JsonValue>)[key] : undefined;
}

function write(node: StateObject | JsonValue[], key: string, value: JsonValue): void {
  if (Array.isArray(node) && /^\d+$/.test(key)) node[Number(key)] = value;
  else define(node as Record<string, unknown>, key, value);
}

/** Plain assignment would treat a key named `__proto__` as the prototype. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
