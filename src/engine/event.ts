/**
 * Events: plain classes whose constructor copies its fields onto the instance, so a port of
 * `class StepTwoEvent(Event): query: str` reads `class StepTwoEvent extends Event<{ query: string }> {}`
 * and `ev.query` is typed.
 */
import { toJsonSafe, type JsonSafeLimits, type JsonValue } from './jsonSafe.ts';

// Built-in classes keep their type names even when an app bundle minifies class names.
const BUILTIN_NAME = Symbol('flowplay.eventTypeName');

class EventBase {
  constructor(fields?: object) {
    if (fields != null) {
      Object.assign(this, fields);
      // A field named `constructor` hides the event's class, and one named `__proto__` (as parsed
      // from JSON: an Input box, a link) replaces it; either way the engine could no longer route
      // the event. One comparison after the copy finds both.
      if (this.constructor !== new.target) throw new TypeError(reservedFieldMessage(new.target.name));
    }
  }

  /**
   * A field's value, or `defaultValue` when the event has no such field: the library's dict-style
   * `ev.get("x", default)`, for fields an event class does not declare.
   */
  get<K extends keyof this & string>(key: K): this[K];
  get<D = undefined>(key: string, defaultValue?: D): unknown;
  get(key: string, defaultValue?: unknown): unknown {
    return Object.prototype.hasOwnProperty.call(this, key) ? (this as unknown as Record<string, unknown>)[key] : defaultValue;
  }

  /** Whether the event has the field (Python's `"x" in ev`). */
  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this, key);
  }

  /** The event's fields as a plain object (a copy: changing it leaves the event alone). */
  toDict(): Record<string, unknown> {
    return { ...(this as unknown as Record<string, unknown>) };
  }
}

function reservedFieldMessage(type: string): string {
  return `An event's fields cannot be named "constructor" or "__proto__" (${type || 'an event'} was given one): a field by that name would hide what the event is. Rename the field.`;
}

type EventArgs<T> = {} extends T ? [fields?: T] : [fields: T];

/** The constructor of some event class. */
export type EventClass<E extends EventBase = EventBase> = abstract new (...args: never[]) => E;

/** An event instance carrying the fields `T`. */
export type Event<T extends object = {}> = EventBase & T;

/**
 * Base class of every event.
 * @example
 * class StepTwoEvent extends Event<{ query: string }> {}
 * const ev = new StepTwoEvent({ query: 'Query 1' });
 */
export const Event = EventBase as unknown as {
  new <T extends object = {}>(...args: EventArgs<T>): EventBase & T;
  readonly prototype: EventBase;
};

/** The run's input: `w.run({ message })` gives `ev.message`. Loosely typed on purpose (tutorial code). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- StartEvent fields are the caller's input, any shape
export class StartEvent extends Event<Record<string, any>> {}

/** Ends the run. Awaiting the run gives `result` for a plain StopEvent, the event itself for a subclass. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- results are whatever the workflow returns
export class StopEvent<R = any> extends EventBase {
  declare result: R;
  constructor(fields?: { result?: R } & Record<string, unknown>) {
    super(fields);
    if (!Object.prototype.hasOwnProperty.call(this, 'result')) (this as { result: R }).result = undefined as R;
  }
}

/** Published on the stream to ask the caller for input; answered with a HumanResponseEvent. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- extra fields allowed, as in the Python library
export class InputRequiredEvent extends Event<{ prefix: string } & Record<string, any>> {}

/** The caller's answer to an InputRequiredEvent, sent with `handler.sendEvent`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- extra fields allowed, as in the Python library
export class HumanResponseEvent extends Event<{ response: string } & Record<string, any>> {}

/**
 * The last event on the stream of a run that failed: a step raised (after its retries) or broke the
 * engine's rules. Awaiting the run rejects with `exception` itself.
 */
export class WorkflowFailedEvent extends StopEvent<undefined> {
  declare stepName: string;
  declare exception: unknown;
  /** Attempts made before giving up. */
  declare attempts: number;
  /** Seconds of workflow time from the first attempt to the final failure. */
  declare elapsedSeconds: number;
  constructor(fields: { stepName: string; exception: unknown; attempts: number; elapsedSeconds: number }) {
    super(fields);
  }
}

/** The last event on the stream of a run that ran out of time. */
export class WorkflowTimedOutEvent extends StopEvent<undefined> {
  declare timeout: number;
  /** Steps that were still running or waiting. */
  declare activeSteps: string[];
  constructor(fields: { timeout: number; activeSteps: string[] }) {
    super(fields);
  }
}

/** The last event on the stream of a run cancelled with `handler.cancel()`. */
export class WorkflowCancelledEvent extends StopEvent<undefined> {}

/**
 * Published on `streamEvents({ exposeInternal: true })` each time the run goes idle: nothing queued,
 * nothing running, the run not over, so it waits for something from outside (a human's answer).
 */
export class WorkflowIdleEvent extends EventBase {}

for (const [cls, name] of [
  [EventBase, 'Event'],
  [StartEvent, 'StartEvent'],
  [StopEvent, 'StopEvent'],
  [InputRequiredEvent, 'InputRequiredEvent'],
  [HumanResponseEvent, 'HumanResponseEvent'],
  [WorkflowFailedEvent, 'WorkflowFailedEvent'],
  [WorkflowTimedOutEvent, 'WorkflowTimedOutEvent'],
  [WorkflowCancelledEvent, 'WorkflowCancelledEvent'],
  [WorkflowIdleEvent, 'WorkflowIdleEvent'],
] as const) {
  Object.defineProperty(cls, BUILTIN_NAME, { value: name });
}

/** Keeps a built-in event class's type name when bundles minify class names. */
export function nameBuiltinEvent(cls: Function, name: string): void {
  Object.defineProperty(cls, BUILTIN_NAME, { value: name });
}

/** An event's type name is its class name. */
export function eventTypeName(cls: Function): string {
  return Object.prototype.hasOwnProperty.call(cls, BUILTIN_NAME)
    ? (cls as unknown as Record<symbol, string>)[BUILTIN_NAME]
    : cls.name || 'AnonymousEvent';
}

export function isEvent(value: unknown): value is EventBase {
  return value instanceof EventBase;
}

export function isEventClass(value: unknown): value is EventClass {
  return typeof value === 'function' && (value === EventBase || value.prototype instanceof EventBase);
}

export function isStopClass(cls: Function): boolean {
  return cls === StopEvent || cls.prototype instanceof StopEvent;
}

export function isStartClass(cls: Function): boolean {
  return cls === StartEvent || cls.prototype instanceof StartEvent;
}


export function typeOf(ev: EventBase): string {
  return eventTypeName(ev.constructor);
}

/** JSON-safe fields of an event, for the trace and for display. */
export function eventFields(ev: EventBase, limits?: JsonSafeLimits): JsonValue {
  // Most events hold a few numbers and short strings: copy those directly, which keeps a traced run
  // cheap; anything else takes the careful path.
  const flat: Record<string, JsonValue> = {};
  let n = 0;
  for (const key in ev) {
    const value = (ev as unknown as Record<string, unknown>)[key];
    const kind = typeof value;
    if (++n > 16 || !(kind === 'number' ? Number.isFinite(value) : kind === 'boolean' || (kind === 'string' && (value as string).length <= 200))) {
      return toJsonSafe({ ...ev }, limits);
    }
    flat[key] = value as JsonValue;
  }
  return flat;
}

// Events whose fields a fork replaced as they were emitted, until a host that mirrors events in
// another language (Python's twins) has read the new fields; a WeakSet, so the run keeps nothing alive.
const fieldsReplaced = new WeakSet<EventBase>();

/** Notes that `ev`'s fields were replaced from outside the program (a fork's change). */
export function markFieldsReplaced(ev: EventBase): void {
  fieldsReplaced.add(ev);
}

/**
 * Whether `ev`'s fields were replaced from outside since the last time this was asked: a host that
 * keeps its own copy of an event (Python keeps the Python object a twin stands for) refreshes it then.
 */
export function takeFieldsReplaced(ev: object): boolean {
  return fieldsReplaced.delete(ev as EventBase);
}

/** `{ type, fields }`, the shape every event takes in exports. */
export function eventToJson(ev: EventBase, limits?: JsonSafeLimits): { type: string; fields: JsonValue } {
  return { type: typeOf(ev), fields: eventFields(ev, limits) };
}
