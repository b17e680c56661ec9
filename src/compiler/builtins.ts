import type { EventRole } from './model.ts';

/** The module user code imports the engine from. */
export const FLOWPLAY_MODULE = 'flowplay';

/** Event classes the engine exports, with the role each plays in validation and drawing. */
export const BUILTIN_EVENTS: ReadonlyMap<string, EventRole> = new Map<string, EventRole>([
  ['Event', 'event'],
  ['StartEvent', 'start'],
  ['StopEvent', 'stop'],
  ['InputRequiredEvent', 'input-required'],
  ['HumanResponseEvent', 'human-response'],
]);

/** `Event` itself is the abstract base: naming it says nothing about which step receives what. */
export const BASE_EVENT = 'Event';
