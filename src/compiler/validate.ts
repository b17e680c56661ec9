import { GRAPH_CHECKS, validationMessages as say } from '../engine/validationMessages.ts';
import type { Diagnostic, EventInfo, Severity, SourceRange, StepInfo, WorkflowInfo } from './model.ts';

/** One event type named in a signature, at the range to mark. */
export interface MentionAt {
  name: string;
  range: SourceRange;
}

/**
 * A step as validation sees it, whatever language it was written in: what it names and where. Both
 * the TypeScript compiler and the Python analyser reduce their syntax to this, so every rule lives once.
 */
export interface StepShape {
  info: StepInfo;
  acceptMentions: MentionAt[];
  returnMentions: MentionAt[];
  /** Annotation parts that are not event classes (e.g. `string`, an interface), as written. */
  nonEvents: { text: string; range: SourceRange }[];
  /** Where to say the step accepts no event: its event parameter's annotation, the parameter, or its name. */
  eventParamRange: SourceRange;
  /** The step says what it returns (an annotation, or an explicit `returns` option). */
  returnDeclared: boolean;
  /**
   * How many parameters are annotated with event classes only (the library wants exactly one), and
   * where the second one is. Null range when the event types were given explicitly.
   */
  eventParams: { count: number; secondRange: SourceRange | null } | null;
  /** A parameter whose annotation mixes event classes with other types (`A | string`). */
  mixedParamRange: SourceRange | null;
  /** A literal `numWorkers` that is not a whole number above 0. */
  invalidNumWorkersRange: SourceRange | null;
}

export interface WorkflowShape {
  info: WorkflowInfo;
  nameRange: SourceRange;
  steps: StepShape[];
  /** Every `skipGraphChecks` list written for the workflow, to check the names. */
  skipGraphChecksLists: { names: string[]; range: SourceRange }[];
}

/** How the user's language spells the things the messages name. */
export interface Spelling {
  sendEvent: string;
  collectEvents: string;
  /** The base event class. */
  baseEvent: string;
  /** The step option that sets the workers. */
  numWorkers: string;
}

export const TYPESCRIPT_SPELLING: Spelling = {
  sendEvent: 'sendEvent',
  collectEvents: 'collectEvents',
  baseEvent: 'Event',
  numWorkers: 'numWorkers',
};

/**
 * The engine's own validation (spec §3), reported where the user can fix it, with the engine's
 * messages; then what the engine only discovers by hanging or failing at run time.
 *
 * The engine throws the first problem, listing every offending type; the editor marks each type at
 * its own annotation instead, with the same sentence naming that type. Exemptions follow the engine
 * exactly: any StartEvent/StopEvent subclass, but only the built-in InputRequiredEvent and
 * HumanResponseEvent themselves.
 */
export function validateWorkflow(workflow: WorkflowShape, events: Map<string, EventInfo>, spelling: Spelling): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (severity: Severity, range: SourceRange, code: string, message: string) =>
    out.push({ severity, message, range, code, source: 'flowplay' });
  const error = (range: SourceRange, code: string, message: string) => report('error', range, code, message);
  const warn = (range: SourceRange, code: string, message: string) => report('warning', range, code, message);
  const role = (name: string) => events.get(name)?.role ?? 'event';
  const { steps } = workflow;
  const name = workflow.info.name;

  if (steps.length === 0) {
    error(workflow.nameRange, 'no-steps', say.noSteps(name));
    return out;
  }

  for (const step of steps) {
    for (const type of step.nonEvents) {
      // A union that mixes an event with something else is a signature error (below), not a hint.
      if (step.mixedParamRange && within(type.range, step.mixedParamRange)) continue;
      warn(
        type.range,
        'not-an-event',
        type.text === spelling.baseEvent
          ? `Name a specific event class instead of ${spelling.baseEvent}: the engine routes by exact class, so nothing is delivered as the base ${spelling.baseEvent}.`
          : `'${type.text}' is not an Event class, so the engine cannot route it: step parameters and return types name Event subclasses.`,
      );
    }
    // The library's signature checks, in its order: the event parameter, then the return annotation.
    if (step.eventParams ? step.eventParams.count === 0 : step.info.accepts.length === 0) {
      error(step.mixedParamRange ?? step.eventParamRange, 'no-event-param', say.signatureNoEvent());
    } else if (step.eventParams && step.eventParams.count > 1) {
      error(step.eventParams.secondRange ?? step.eventParamRange, 'event-params', say.signatureManyEvents(step.eventParams.count));
    }
    if (!step.returnDeclared) error(step.info.nameRange, 'missing-return-type', say.signatureNoReturn());
    if (step.invalidNumWorkersRange) error(step.invalidNumWorkersRange, 'num-workers', say.numWorkers().replace('numWorkers', spelling.numWorkers));
    for (const mention of step.acceptMentions) {
      if (role(mention.name) === 'stop') error(mention.range, 'accepts-stop', say.acceptsStop([step.info.name]));
    }
  }

  for (const list of workflow.skipGraphChecksLists) {
    const unknown = list.names.filter((check) => !(GRAPH_CHECKS as readonly string[]).includes(check));
    if (unknown.length > 0) error(list.range, 'unknown-graph-check', say.unknownGraphChecks(unknown));
  }

  const accepted = new Set(steps.flatMap((s) => s.info.accepts));
  const returned = new Set(steps.flatMap((s) => s.info.returns));
  const producedSomehow = new Set([...returned, ...steps.flatMap((s) => s.info.sends.map((site) => site.type))]);

  const startTypes = [...accepted].filter((t) => role(t) === 'start');
  const stopTypes = [...returned].filter((t) => role(t) === 'stop');
  if (startTypes.length === 0) error(workflow.nameRange, 'no-start', say.noStart(name));
  if (stopTypes.length === 0) error(workflow.nameRange, 'no-stop', say.noStop(name));
  // One StartEvent type and one StopEvent type: the extra ones are marked where they are named.
  const extra = (types: string[], mentions: (s: StepShape) => MentionAt[], code: string, message: string) => {
    if (types.length < 2) return;
    for (const step of steps) {
      for (const mention of mentions(step)) {
        if (types.includes(mention.name) && mention.name !== types[0]) error(mention.range, code, message);
      }
    }
  };
  extra(startTypes, (s) => s.acceptMentions, 'many-start-events', say.manyStarts(name, startTypes));
  extra(stopTypes, (s) => s.returnMentions, 'many-stop-events', say.manyStops(name, stopTypes));

  const reported = new Set<string>();
  for (const step of steps) {
    for (const mention of step.acceptMentions) {
      const r = role(mention.name);
      if (returned.has(mention.name) || r === 'start' || mention.name === 'HumanResponseEvent' || r === 'step-failed' || r === 'stop') continue;
      if (reported.has(`c:${mention.name}`)) continue;
      reported.add(`c:${mention.name}`);
      error(mention.range, 'unproduced-event', say.consumedNotProduced([mention.name]));
    }
  }
  for (const step of steps) {
    for (const mention of step.returnMentions) {
      const r = role(mention.name);
      if (accepted.has(mention.name) || r === 'stop' || mention.name === 'InputRequiredEvent') continue;
      if (reported.has(`p:${mention.name}`)) continue;
      reported.add(`p:${mention.name}`);
      error(mention.range, 'unconsumed-event', say.producedNotConsumed([mention.name]));
    }
  }

  const byName = new Map(steps.map((s) => [s.info.name, s]));
  for (const step of steps) {
    const stepName = step.info.name;
    for (const send of step.info.sends) {
      if (!step.info.returns.includes(send.type)) {
        warn(
          send.range,
          'send-undeclared',
          `Step '${stepName}' sends ${send.type}, which its return type does not declare: add ${send.type} to the return annotation so that validation and the graph know it is produced.`,
        );
      }
      if (send.target === null) continue;
      const target = byName.get(send.target);
      if (!target) {
        const known = steps.map((s) => s.info.name).join(', ');
        error(send.range, 'send-unknown-step',
          `Step ${send.target} does not exist: ${spelling.sendEvent} targets a step by method name, and '${name}' has ${known}.`);
      } else if (!target.info.accepts.includes(send.type)) {
        error(send.range, 'send-not-accepted',
          `Step ${send.target} does not accept event ${send.type}: add ${send.type} to the type of its event parameter, or send it to another step.`);
      }
    }
    for (const collect of step.info.collects) {
      for (const { type } of collect.types) {
        if (!step.info.accepts.includes(type)) {
          warn(
            collect.range,
            'collect-unaccepted',
            `Step '${stepName}' collects ${type} but does not accept it, so ${spelling.collectEvents} never completes and the run waits until its timeout: add ${type} to the type of its event parameter.`,
          );
        } else if (!producedSomehow.has(type) && role(type) !== 'start' && role(type) !== 'human-response' && role(type) !== 'step-failed') {
          warn(
            collect.range,
            'collect-unproduced',
            `Step '${stepName}' collects ${type}, which no step returns or sends, so ${spelling.collectEvents} never completes and the run waits until its timeout.`,
          );
        }
      }
    }
  }
  return out;
}

function within(inner: SourceRange, outer: SourceRange): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}
