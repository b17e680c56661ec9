/**
 * The checks a workflow passes before it can run, in the Python library's order and words. They work on
 * any representation of event types (`E`): the engine passes classes, the compiler type names, a
 * Python host its own classes; only the role of each type matters.
 */
import { validationMessages as say, type GraphCheck, type GraphProblem } from './validationMessages.ts';

/** What an event type is to validation (a subclass has its base's role). */
export type ValidationRole = 'start' | 'stop' | 'input-required' | 'human-response' | 'step-failed' | 'event';

export interface CheckedStep<E> {
  readonly name: string;
  readonly accepts: readonly E[];
  readonly returns: readonly E[];
  /** Graph checks this step opts out of. */
  readonly skipGraphChecks?: readonly GraphCheck[];
}

export interface EventTypes<E> {
  name(type: E): string;
  role(type: E): ValidationRole;
}

export interface ValidationOptions {
  skipGraphChecks?: readonly GraphCheck[];
  /** What is wrong with the workflow's error handlers, if it has any (checked after the events). */
  handlerProblems?: readonly string[];
  /** Error-handling steps: the engine routes failures to them, so they are reachable without an event. */
  handlerSteps?: readonly string[];
}

function unique<E>(list: readonly E[]): E[] {
  return [...new Set(list)];
}

/**
 * The first problem that keeps the workflow from being built, or null. Each problem names every
 * offending type or step at once, as the library does.
 */
export function workflowProblem<E>(
  workflow: string,
  steps: readonly CheckedStep<E>[],
  types: EventTypes<E>,
  options: ValidationOptions = {},
): string | null {
  if (steps.length === 0) return say.noSteps(workflow);
  const shape = startStopProblem(workflow, steps, types);
  if (shape) return shape;
  for (const step of steps) {
    if (step.accepts.length === 0) return `${say.signatureNoEvent()} (step '${step.name}')`;
  }
  const connectivity = connectivityProblem(steps, types);
  if (connectivity) return connectivity;
  if (options.handlerProblems?.length) return options.handlerProblems.join('\n');
  const graph = graphProblems(steps, types, options.skipGraphChecks, options.handlerSteps);
  return graph.length ? say.graphFailed(graph) : null;
}

/** Exactly one StartEvent type accepted and one StopEvent type returned: checked when a workflow is built. */
export function startStopProblem<E>(workflow: string, steps: readonly CheckedStep<E>[], types: EventTypes<E>): string | null {
  const starts = unique(steps.flatMap((s) => s.accepts.filter((t) => types.role(t) === 'start')));
  if (starts.length === 0) return say.noStart(workflow);
  if (starts.length > 1) return say.manyStarts(workflow, starts.map(types.name));
  const stops = unique(steps.flatMap((s) => s.returns.filter((t) => types.role(t) === 'stop')));
  if (stops.length === 0) return say.noStop(workflow);
  if (stops.length > 1) return say.manyStops(workflow, stops.map(types.name));
  return null;
}

function connectivityProblem<E>(steps: readonly CheckedStep<E>[], types: EventTypes<E>): string | null {
  const acceptsStop = steps.filter((s) => s.accepts.some((t) => types.role(t) === 'stop')).map((s) => s.name);
  if (acceptsStop.length) return say.acceptsStop(acceptsStop);
  const accepted = unique(steps.flatMap((s) => s.accepts));
  const produced = new Set(steps.flatMap((s) => s.returns));
  // The run's input and the person's answer come from outside, a step's failure from the engine; a
  // stop event ends the run.
  const neverProduced = accepted.filter((t) => !produced.has(t) && !['start', 'stop', 'input-required', 'human-response', 'step-failed'].includes(types.role(t)));
  if (neverProduced.length) return say.consumedNotProduced(neverProduced.map(types.name));
  const consumed = new Set(accepted);
  const neverConsumed = [...produced].filter((t) => !consumed.has(t) && !['stop', 'input-required', 'human-response'].includes(types.role(t)));
  if (neverConsumed.length) return say.producedNotConsumed(neverConsumed.map(types.name));
  return null;
}

type Node<E> = { step: string } | { event: E };

/**
 * The library's graph checks: every step reachable from the run's input or a person's answer, every
 * event consumed unless it leaves the run, and every producing step with a path to a StopEvent or an
 * InputRequiredEvent.
 */
export function graphProblems<E>(
  steps: readonly CheckedStep<E>[],
  types: EventTypes<E>,
  skip: readonly GraphCheck[] = [],
  handlerSteps: readonly string[] = [],
): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const consumers = new Map<E, string[]>();
  const producers = new Map<E, string[]>();
  for (const step of steps) {
    for (const t of step.accepts) consumers.set(t, [...(consumers.get(t) ?? []), step.name]);
    for (const t of step.returns) producers.set(t, [...(producers.get(t) ?? []), step.name]);
  }
  const byName = new Map(steps.map((s) => [s.name, s]));
  const allTypes = unique([...consumers.keys(), ...producers.keys()]);
  const walk = (seeds: Node<E>[], next: (node: Node<E>) => Node<E>[]): Set<string> => {
    const seenSteps = new Set<string>();
    const seenEvents = new Set<E>();
    const stack = [...seeds];
    while (stack.length) {
      const node = stack.pop()!;
      if ('step' in node) {
        if (seenSteps.has(node.step)) continue;
        seenSteps.add(node.step);
      } else {
        if (seenEvents.has(node.event)) continue;
        seenEvents.add(node.event);
      }
      stack.push(...next(node));
    }
    return seenSteps;
  };
  const skipFor = (check: GraphCheck) => new Set(steps.filter((s) => s.skipGraphChecks?.includes(check)).map((s) => s.name));

  if (!skip.includes('reachability')) {
    const seeds: Node<E>[] = [
      ...allTypes.filter((t) => types.role(t) === 'start' || types.role(t) === 'human-response').map((event) => ({ event })),
      ...handlerSteps.map((step) => ({ step })),
    ];
    const reached = walk(seeds, (node) =>
      'step' in node ? byName.get(node.step)!.returns.map((event) => ({ event })) : (consumers.get(node.event) ?? []).map((step) => ({ step })),
    );
    const skipped = skipFor('reachability');
    const unreachable = steps.map((s) => s.name).filter((name) => !reached.has(name) && !skipped.has(name)).sort();
    if (unreachable.length) problems.push(say.unreachable(unreachable));
  }
  if (!skip.includes('terminal_event')) {
    const dangling = allTypes
      .filter((t) => !consumers.has(t) && types.role(t) !== 'stop' && types.role(t) !== 'input-required')
      .map(types.name)
      .sort();
    if (dangling.length) problems.push(say.danglingEvents(dangling));
  }
  if (!skip.includes('dead_end')) {
    const seeds = allTypes.filter((t) => types.role(t) === 'stop' || types.role(t) === 'input-required').map((event) => ({ event }));
    const leadsOut = walk(seeds, (node) =>
      'step' in node ? byName.get(node.step)!.accepts.map((event) => ({ event })) : (producers.get(node.event) ?? []).map((step) => ({ step })),
    );
    const skipped = skipFor('dead_end');
    const deadEnds = steps
      .filter((s) => s.returns.length > 0 && !leadsOut.has(s.name) && !skipped.has(s.name))
      .map((s) => s.name)
      .sort();
    if (deadEnds.length) problems.push(say.deadEnds(deadEnds));
  }
  return problems;
}
