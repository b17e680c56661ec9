/**
 * The checks a run makes before anything executes, with the Python library's messages. Flowplay's
 * compiler reports the same problems at their source ranges while the user types.
 */
import { eventTypeName, HumanResponseEvent, InputRequiredEvent, isStartClass, isStopClass, type EventClass } from './event.ts';
import { StepFailedEvent } from './catchError.ts';
import type { Plan } from './plan.ts';

function unique(list: EventClass[]): EventClass[] {
  return [...new Set(list)];
}

/** The first problem that would stop the workflow from running, or null. */
export function validationProblem(plan: Plan): string | null {
  if (plan.steps.length === 0) return `Workflow '${plan.workflow}' has no configured steps.`;
  for (const step of plan.steps) {
    if (step.accepts.length === 0) return `Step '${step.name}' must accept at least one Event type.`;
  }
  for (const step of plan.steps) {
    if (step.accepts.some(isStopClass)) return `Step '${step.name}' cannot accept StopEvent.`;
  }
  if (plan.catchProblems.length) return plan.catchProblems.join('\n');
  const accepted = unique(plan.steps.flatMap((s) => s.accepts));
  const produced = unique(plan.steps.flatMap((s) => s.returns));
  if (!accepted.some(isStartClass)) return 'At least one Event of type StartEvent must be received by any step.';
  if (!produced.some(isStopClass)) return 'At least one Event of type StopEvent must be returned by any step.';
  const neverProduced = accepted.filter(
    (cls) => !isStartClass(cls) && cls !== HumanResponseEvent && cls !== StepFailedEvent && !produced.includes(cls),
  );
  if (neverProduced.length) {
    return `The following events are consumed but never produced: ${neverProduced.map(eventTypeName).join(', ')}`;
  }
  const neverConsumed = produced.filter(
    (cls) => !isStopClass(cls) && cls !== InputRequiredEvent && !accepted.includes(cls),
  );
  if (neverConsumed.length) {
    return `The following events are produced but never consumed: ${neverConsumed.map(eventTypeName).join(', ')}`;
  }
  return null;
}
