/**
 * The context a saved run file carries when the run was saved while it waited (the engine's
 * `ctx.toDict()`), for Resume. A file is hostile until checked: the context's shape and size are
 * checked here, on load; whether it fits the code's workflow (its steps, event classes and state type)
 * is checked by the engine's `Context.fromDict` when the run resumes.
 */
import type { SavedContext } from '../engine/savedContext.ts';
import { ShapeError, checkJson, isPlainObject } from './checkShape.ts';

/** Characters of JSON a context may take: a waiting run's state and events, not a data set. */
export const MAX_CONTEXT_CHARS = 4 * 1024 * 1024;
/** Events a context may hand back to its steps. */
export const MAX_CONTEXT_WORK = 10_000;
const MAX_CONTEXT_VALUES = 200_000;

const FIELDS = new Set(['version', 'workflow', 'stateType', 'state', 'running', 'awaitingInput', 'work']);
const WORK_FIELDS = new Set(['step', 'type', 'fields']);
/** What the engine writes; a context of another version is not one this page can resume. */
const VERSION: SavedContext['version'] = 1;

/** Returns the context as the engine's type, or throws a ShapeError that says what is wrong. */
export function checkSavedContext(value: unknown, maxDepth: number): SavedContext {
  if (!isPlainObject(value)) throw new ShapeError('"context" must be an object');
  // Bounded before anything walks it deeper: a context is as hostile as the rest of the file.
  checkJson(value, '"context"', maxDepth, MAX_CONTEXT_VALUES);
  const chars = JSON.stringify(value).length;
  if (chars > MAX_CONTEXT_CHARS) throw new ShapeError(`"context" takes ${chars.toLocaleString('en-US')} characters; the limit is ${MAX_CONTEXT_CHARS.toLocaleString('en-US')}`);
  for (const key of Object.keys(value)) if (!FIELDS.has(key)) throw new ShapeError(`"context" has an unknown field "${key}"`);
  if (value.version !== VERSION) throw new ShapeError(`"context" has version ${JSON.stringify(value.version)}; this Flowplay resumes version ${VERSION}`);
  if (typeof value.workflow !== 'string' || value.workflow === '') throw new ShapeError('"context.workflow" must name the workflow');
  if (value.stateType !== null && typeof value.stateType !== 'string') throw new ShapeError('"context.stateType" must be a class name or null');
  if (!isPlainObject(value.state)) throw new ShapeError('"context.state" must be an object');
  if (typeof value.running !== 'boolean') throw new ShapeError('"context.running" must be true or false');
  const waiting = value.awaitingInput;
  if (typeof waiting !== 'number' || !Number.isSafeInteger(waiting) || waiting < 0) throw new ShapeError('"context.awaitingInput" must be a whole number');
  if (!Array.isArray(value.work)) throw new ShapeError('"context.work" must be a list');
  if (value.work.length > MAX_CONTEXT_WORK) throw new ShapeError(`"context.work" holds ${value.work.length} events; the limit is ${MAX_CONTEXT_WORK}`);
  value.work.forEach((item: unknown, i: number) => {
    const path = `"context.work" item ${i + 1}`;
    if (!isPlainObject(item)) throw new ShapeError(`${path} must be an object`);
    for (const key of Object.keys(item)) if (!WORK_FIELDS.has(key)) throw new ShapeError(`${path} has an unknown field "${key}"`);
    if (typeof item.step !== 'string' || typeof item.type !== 'string') throw new ShapeError(`${path} needs "step" and "type" as text`);
    if (item.fields !== undefined && item.fields !== null && !isPlainObject(item.fields)) throw new ShapeError(`${path} has "fields" that are not an object`);
  });
  return value as unknown as SavedContext;
}
