import type { EventField, EventInfo, EventRole, WorkflowInfo } from './model.ts';

/** The module user code imports the engine from. */
export const FLOWPLAY_MODULE = 'flowplay';

/** Event classes the engine exports, with the role each plays in validation and drawing. */
export const BUILTIN_EVENTS: ReadonlyMap<string, EventRole> = new Map<string, EventRole>([
  ['Event', 'event'],
  ['StartEvent', 'start'],
  ['StopEvent', 'stop'],
  ['InputRequiredEvent', 'input-required'],
  ['HumanResponseEvent', 'human-response'],
  ['StepFailedEvent', 'step-failed'],
]);

/** `Event` itself is the abstract base: naming it says nothing about which step receives what. */
export const BASE_EVENT = 'Event';

/** Fields of the engine's own events, as the engine declares them. */
const BUILTIN_FIELDS: Record<string, EventField[]> = {
  StopEvent: [{ name: 'result', type: 'R' }],
  InputRequiredEvent: [{ name: 'prefix', type: 'string' }],
  HumanResponseEvent: [{ name: 'response', type: 'string' }],
  StepFailedEvent: [
    { name: 'stepName', type: 'string' },
    { name: 'inputEvent', type: 'Event | Event[]' },
    { name: 'exception', type: 'unknown' },
    { name: 'attempts', type: 'number' },
    { name: 'elapsedSeconds', type: 'number' },
    { name: 'failedAt', type: 'number' },
  ],
};

export function builtinEventInfo(name: string): EventInfo {
  return {
    name,
    role: BUILTIN_EVENTS.get(name) ?? 'event',
    local: false,
    base: null,
    fields: BUILTIN_FIELDS[name] ?? [],
    range: null,
  };
}

/** The file's own events plus every built-in event a step names, as the graph and validation need them. */
export function eventsInUse(local: ReadonlyMap<string, EventInfo>, workflows: WorkflowInfo[]): Map<string, EventInfo> {
  const events = new Map<string, EventInfo>(local);
  for (const workflow of workflows) {
    for (const step of workflow.steps) {
      for (const type of [...step.accepts, ...step.returns, ...step.sends.map((s) => s.type)]) {
        if (!events.has(type) && BUILTIN_EVENTS.has(type)) events.set(type, builtinEventInfo(type));
      }
    }
  }
  return events;
}
