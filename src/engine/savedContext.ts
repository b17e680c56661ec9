/**
 * A context as JSON (Python's `ctx.to_dict()` / `Context.from_dict()`): the run's state and the work it
 * had in hand (events queued or being handled by a step, events held in collect buffers), so a run
 * waiting for an answer can be saved, the page reloaded, and the run resumed from the file.
 *
 * On resume, every saved event is delivered again to the step that held it: a step that was running
 * (or waiting in `waitForEvent`) runs again from its start, as the library re-runs it. Events are saved
 * as `{ type, fields }` with JSON-safe fields; an event class is found again by name among the classes
 * the workflow's steps declare. The file is treated as untrusted: anything malformed is refused with
 * a message that says what.
 */
import { eventTypeName, HumanResponseEvent, InputRequiredEvent, StartEvent, StopEvent, type Event, type EventClass } from './event.ts';
import { StepFailedEvent } from './catchError.ts';
import { toJsonSafe, type JsonValue } from './jsonSafe.ts';
import type { Plan } from './plan.ts';
import type { StateClass } from './statePath.ts';

export const SAVED_CONTEXT_VERSION = 1;

export interface SavedEvent {
  step: string;
  type: string;
  fields: JsonValue;
}

export interface SavedContext {
  version: typeof SAVED_CONTEXT_VERSION;
  workflow: string;
  /** The state's class name, or null for free-form state. */
  stateType: string | null;
  state: JsonValue;
  /** Whether the run had not ended when it was saved (then resuming continues it). */
  running: boolean;
  /** InputRequiredEvents published and not answered yet. */
  awaitingInput: number;
  /** Events to hand back to their steps on resume. */
  work: SavedEvent[];
}

/** What a resumed run starts from. */
export interface Resumption {
  readonly running: boolean;
  readonly awaitingInput: number;
  readonly work: readonly { step: string; event: Event }[];
}

export function saveEvent(step: string, ev: Event): SavedEvent {
  const json = toJsonSafe({ ...ev });
  return { step, type: eventTypeName(ev.constructor), fields: json };
}

function fail(detail: string): never {
  throw new TypeError(`This is not a saved context Flowplay can resume: ${detail}.`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every event class the workflow can meet, by type name. */
function eventClasses(plan: Plan): Map<string, EventClass> {
  const byName = new Map<string, EventClass>();
  for (const cls of [StartEvent, StopEvent, InputRequiredEvent, HumanResponseEvent, StepFailedEvent, plan.startClass] as EventClass[]) byName.set(eventTypeName(cls), cls);
  for (const step of plan.steps) for (const cls of [...step.accepts, ...step.returns]) byName.set(eventTypeName(cls), cls);
  return byName;
}

/** Copies JSON fields onto a fresh object, skipping the keys that would reach a prototype. */
function plainFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key === '__proto__' || key === 'constructor' || key === '__class') continue;
    out[key] = value;
  }
  return out;
}

/** Rebuilds the state object: an instance of the workflow's state class when it has one. */
export function restoreState(stateClass: StateClass | null, data: unknown): object {
  if (!isRecord(data)) fail('"state" must be an object');
  const fields = plainFields(data);
  return stateClass ? Object.assign(new stateClass(), fields) : fields;
}

/** Reads and checks a saved context against the workflow it is meant for. */
export function readSavedContext(plan: Plan, data: unknown): { state: unknown; resumption: Resumption } {
  if (!isRecord(data)) fail('expected an object');
  if (data.version !== SAVED_CONTEXT_VERSION) fail(`version ${JSON.stringify(data.version)} is not ${SAVED_CONTEXT_VERSION}`);
  if (typeof data.workflow !== 'string') fail('"workflow" is missing');
  if (data.workflow !== plan.workflow) fail(`it was saved from workflow ${data.workflow}, not ${plan.workflow}`);
  const expectedState = plan.stateClass ? plan.stateClass.name : null;
  if (data.stateType !== expectedState) fail(`its state is of type ${String(data.stateType)}, the workflow's is ${String(expectedState)}`);
  if (typeof data.running !== 'boolean') fail('"running" must be true or false');
  const awaitingInput = data.awaitingInput;
  if (typeof awaitingInput !== 'number' || !Number.isInteger(awaitingInput) || awaitingInput < 0) fail('"awaitingInput" must be a whole number');
  if (!Array.isArray(data.work)) fail('"work" must be a list');
  const classes = eventClasses(plan);
  const work = data.work.map((item: unknown, i: number) => {
    if (!isRecord(item) || typeof item.step !== 'string' || typeof item.type !== 'string') fail(`work item ${i} needs "step" and "type"`);
    const step = plan.byName.get(item.step);
    if (!step) fail(`work item ${i} is for step ${item.step}, which the workflow does not have`);
    const cls = classes.get(item.type);
    if (!cls) fail(`work item ${i} is a ${item.type}, an event class the workflow does not use`);
    if (!step.accepts.includes(cls)) fail(`work item ${i}: step ${item.step} does not accept ${item.type}`);
    const fields = item.fields === undefined || item.fields === null ? {} : item.fields;
    if (!isRecord(fields)) fail(`work item ${i} has fields that are not an object`);
    const event = new (cls as unknown as new (f: object) => Event)(plainFields(fields));
    return { step: item.step, event };
  });
  return { state: data.state, resumption: { running: data.running, awaitingInput, work } };
}
