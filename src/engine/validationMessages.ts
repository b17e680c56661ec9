/**
 * The sentences a workflow's validation speaks, in the Python library's words (only Python spellings
 * are turned into TypeScript ones). The engine throws them; the compiler reports the same sentences at
 * source ranges, so both import them from here.
 */

/** The library's graph checks, by the names its `skip_graph_checks` takes. */
export const GRAPH_CHECKS = ['dead_end', 'reachability', 'terminal_event'] as const;
export type GraphCheck = (typeof GRAPH_CHECKS)[number];

export interface GraphProblem {
  check: GraphCheck;
  message: string;
  hint: string;
  /** The steps the problem is about (empty for `terminal_event`, which is about events). */
  steps: string[];
}

function list(names: readonly string[]): string {
  return names.join(', ');
}

export const validationMessages = {
  noSteps: (workflow: string) =>
    `Workflow '${workflow}' has no configured steps. Did you forget to annotate methods with @step or to register free-function steps via @step({ workflow })?`,
  noStart: (workflow: string) =>
    `At least one Event of type StartEvent must be received by any step. (Workflow '${workflow}' has no @step that accepts StartEvent.)`,
  noStop: (workflow: string) =>
    `At least one Event of type StopEvent must be returned by any step. (Workflow '${workflow}' has no @step that returns StopEvent.)`,
  manyStarts: (workflow: string, found: readonly string[]) =>
    `Only one type of StartEvent is allowed per workflow, found ${found.length}: ${list(found)} in workflow '${workflow}'.`,
  manyStops: (workflow: string, found: readonly string[]) =>
    `Only one type of StopEvent is allowed per workflow, found ${found.length}: ${list(found)} in workflow '${workflow}'.`,
  acceptsStop: (steps: readonly string[]) =>
    `Step${steps.length === 1 ? '' : 's'} '${steps.join("', '")}' cannot accept StopEvent. StopEvent signals the end of the workflow. Use a different Event type instead.`,
  consumedNotProduced: (events: readonly string[]) => `The following events are consumed but never produced: ${list(events)}`,
  producedNotConsumed: (events: readonly string[]) => `The following events are produced but never consumed: ${list(events)}`,
  /** A step without an event parameter (the library says it when the step is decorated). */
  signatureNoEvent: () => 'Step signature must have at least one parameter annotated as type Event',
  signatureManyEvents: (found: number) => `Step signature must contain exactly one parameter of type Event but found ${found}.`,
  signatureNoReturn: () => 'Return types of workflows step functions must be annotated with their type.',
  numWorkers: () => 'numWorkers must be an integer greater than 0',
  unknownGraphChecks: (unknown: readonly string[]) =>
    `Unknown graph check names: ${list([...unknown].sort())}. Valid names are: ${list(GRAPH_CHECKS)}`,
  graphFailed: (problems: readonly GraphProblem[]) =>
    `Graph validation failed:\n${problems.map((p) => `  - [${p.check}] ${p.message}\n    ${p.hint}`).join('\n')}`,
  unreachable: (steps: readonly string[]): GraphProblem => ({
    check: 'reachability',
    message: `Unreachable steps: ${list(steps)}`,
    hint: 'Steps must be reachable from StartEvent or HumanResponseEvent.',
    steps: [...steps],
  }),
  danglingEvents: (events: readonly string[]): GraphProblem => ({
    check: 'terminal_event',
    message: `Events produced but never consumed: ${list(events)}`,
    hint: 'Only StopEvent and InputRequiredEvent may be terminal.',
    steps: [],
  }),
  deadEnds: (steps: readonly string[]): GraphProblem => ({
    check: 'dead_end',
    message: `Dead-end steps: ${list(steps)}`,
    hint: 'Steps must have a path to StopEvent or InputRequiredEvent.',
    steps: [...steps],
  }),
} as const;

/** Messages of a run, as opposed to a workflow's shape. */
export const runMessages = {
  stepReturned: (step: string, what: string) => `Step function ${step} returned ${what} instead of an Event instance.`,
  stepDoesNotExist: (step: string) => `Step ${step} does not exist`,
  stepDoesNotAccept: (step: string, event: string) => `Step ${step} does not accept event of type ${event}`,
  streamConsumed: () => 'All the streamed events have already been consumed.',
  startEventInstance: (expected: string) => `The start event given to run() must be an instance of '${expected}'.`,
  waitTimedOut: (event: string) => `Timed out waiting for ${event}`,
} as const;
