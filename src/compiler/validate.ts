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
}

export interface WorkflowShape {
  info: WorkflowInfo;
  nameRange: SourceRange;
  steps: StepShape[];
}

/** How the user's language spells the things the messages name. */
export interface Spelling {
  /** A return annotation to suggest, e.g. `Promise<StopEvent>`. */
  returnExample: string;
  sendEvent: string;
  collectEvents: string;
  /** The base event class. */
  baseEvent: string;
}

export const TYPESCRIPT_SPELLING: Spelling = {
  returnExample: 'Promise<StopEvent>',
  sendEvent: 'sendEvent',
  collectEvents: 'collectEvents',
  baseEvent: 'Event',
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
    error(workflow.nameRange, 'no-steps', `Workflow '${name}' has no configured steps.`);
    return out;
  }

  for (const step of steps) {
    for (const type of step.nonEvents) {
      warn(
        type.range,
        'not-an-event',
        type.text === spelling.baseEvent
          ? `Name a specific event class instead of ${spelling.baseEvent}: the engine routes by exact class, so nothing is delivered as the base ${spelling.baseEvent}.`
          : `'${type.text}' is not an Event class, so the engine cannot route it: step parameters and return types name Event subclasses.`,
      );
    }
    if (step.info.accepts.length === 0) {
      error(step.eventParamRange, 'no-event-param', `Step '${step.info.name}' must accept at least one Event type.`);
    }
    if (!step.returnDeclared) {
      warn(
        step.info.nameRange,
        'missing-return-type',
        `Step '${step.info.name}' has no return type annotation, so nothing it returns is routed or drawn: annotate it, e.g. ${spelling.returnExample}.`,
      );
    }
    for (const mention of step.acceptMentions) {
      if (role(mention.name) === 'stop') error(mention.range, 'accepts-stop', `Step '${step.info.name}' cannot accept StopEvent.`);
    }
  }

  const accepted = new Set(steps.flatMap((s) => s.info.accepts));
  const returned = new Set(steps.flatMap((s) => s.info.returns));
  const producedSomehow = new Set([...returned, ...steps.flatMap((s) => s.info.sends.map((site) => site.type))]);

  if (![...accepted].some((t) => role(t) === 'start')) {
    error(workflow.nameRange, 'no-start', 'At least one Event of type StartEvent must be received by any step.');
  }
  if (![...returned].some((t) => role(t) === 'stop')) {
    error(workflow.nameRange, 'no-stop', 'At least one Event of type StopEvent must be returned by any step.');
  }

  const reported = new Set<string>();
  for (const step of steps) {
    for (const mention of step.acceptMentions) {
      const r = role(mention.name);
      if (returned.has(mention.name) || r === 'start' || mention.name === 'HumanResponseEvent' || r === 'stop') continue;
      if (reported.has(`c:${mention.name}`)) continue;
      reported.add(`c:${mention.name}`);
      error(mention.range, 'unproduced-event', `The following events are consumed but never produced: ${mention.name}`);
    }
  }
  for (const step of steps) {
    for (const mention of step.returnMentions) {
      const r = role(mention.name);
      if (accepted.has(mention.name) || r === 'stop' || mention.name === 'InputRequiredEvent') continue;
      if (reported.has(`p:${mention.name}`)) continue;
      reported.add(`p:${mention.name}`);
      error(mention.range, 'unconsumed-event', `The following events are produced but never consumed: ${mention.name}`);
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
        } else if (!producedSomehow.has(type) && role(type) !== 'start' && role(type) !== 'human-response') {
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
