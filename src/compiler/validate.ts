import ts from 'typescript';
import { flowplayDiagnostic } from './diagnostic.ts';
import type { Diagnostic, EventInfo } from './model.ts';
import type { WorkflowSyntax } from './workflows.ts';

/**
 * The engine's own validation (spec §3), reported where the user can fix it, with the engine's
 * messages; then what the engine only discovers by hanging or failing at run time.
 *
 * The engine throws the first problem, listing every offending type; the editor marks each type at
 * its own annotation instead, with the same sentence naming that type. Exemptions follow the engine
 * exactly: any StartEvent/StopEvent subclass, but only the built-in InputRequiredEvent and
 * HumanResponseEvent themselves.
 */
export function validateWorkflow(sf: ts.SourceFile, workflow: WorkflowSyntax, events: Map<string, EventInfo>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const error = (at: ts.Node, code: string, message: string) => out.push(flowplayDiagnostic(sf, at, 'error', code, message));
  const warn = (at: ts.Node | Diagnostic['range'], code: string, message: string) =>
    out.push(flowplayDiagnostic(sf, at, 'warning', code, message));
  const role = (name: string) => events.get(name)?.role ?? 'event';
  const { steps } = workflow;
  const name = workflow.info.name;

  if (steps.length === 0) {
    error(workflow.nameNode, 'no-steps', `Workflow '${name}' has no configured steps.`);
    return out;
  }

  for (const step of steps) {
    for (const type of step.nonEvents) {
      const text = type.getText(sf);
      warn(
        type,
        'not-an-event',
        text === 'Event'
          ? `Name a specific event class instead of Event: the engine routes by exact class, so nothing is delivered as the base Event.`
          : `'${text}' is not an Event class, so the engine cannot route it: step parameters and return types name Event subclasses.`,
      );
    }
    if (step.info.accepts.length === 0) {
      const at = step.eventParam?.type ?? step.eventParam ?? step.method.name;
      error(at, 'no-event-param', `Step '${step.info.name}' must accept at least one Event type.`);
    }
    if (!step.method.type && !step.explicit.has('returns')) {
      warn(
        step.method.name,
        'missing-return-type',
        `Step '${step.info.name}' has no return type annotation, so nothing it returns is routed or drawn: annotate it, e.g. Promise<StopEvent>.`,
      );
    }
    for (const mention of step.acceptMentions) {
      if (role(mention.name) === 'stop') error(mention.node, 'accepts-stop', `Step '${step.info.name}' cannot accept StopEvent.`);
    }
  }

  const accepted = new Set(steps.flatMap((s) => s.info.accepts));
  const returned = new Set(steps.flatMap((s) => s.info.returns));
  const producedSomehow = new Set([...returned, ...steps.flatMap((s) => s.info.sends.map((site) => site.type))]);

  if (![...accepted].some((t) => role(t) === 'start')) {
    error(workflow.nameNode, 'no-start', 'At least one Event of type StartEvent must be received by any step.');
  }
  if (![...returned].some((t) => role(t) === 'stop')) {
    error(workflow.nameNode, 'no-stop', 'At least one Event of type StopEvent must be returned by any step.');
  }

  const reported = new Set<string>();
  for (const step of steps) {
    for (const mention of step.acceptMentions) {
      const r = role(mention.name);
      if (returned.has(mention.name) || r === 'start' || mention.name === 'HumanResponseEvent' || r === 'stop') continue;
      if (reported.has(`c:${mention.name}`)) continue;
      reported.add(`c:${mention.name}`);
      error(mention.node, 'unproduced-event', `The following events are consumed but never produced: ${mention.name}`);
    }
  }
  for (const step of steps) {
    for (const mention of step.returnMentions) {
      const r = role(mention.name);
      if (accepted.has(mention.name) || r === 'stop' || mention.name === 'InputRequiredEvent') continue;
      if (reported.has(`p:${mention.name}`)) continue;
      reported.add(`p:${mention.name}`);
      error(mention.node, 'unconsumed-event', `The following events are produced but never consumed: ${mention.name}`);
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
        out.push(
          flowplayDiagnostic(sf, send.range, 'error', 'send-unknown-step',
            `Step ${send.target} does not exist: sendEvent targets a step by method name, and '${name}' has ${known}.`),
        );
      } else if (!target.info.accepts.includes(send.type)) {
        out.push(
          flowplayDiagnostic(sf, send.range, 'error', 'send-not-accepted',
            `Step ${send.target} does not accept event ${send.type}: add ${send.type} to the type of its event parameter, or send it to another step.`),
        );
      }
    }
    for (const collect of step.info.collects) {
      for (const { type } of collect.types) {
        if (!step.info.accepts.includes(type)) {
          warn(
            collect.range,
            'collect-unaccepted',
            `Step '${stepName}' collects ${type} but does not accept it, so collectEvents never completes and the run waits until its timeout: add ${type} to the type of its event parameter.`,
          );
        } else if (!producedSomehow.has(type) && role(type) !== 'start' && role(type) !== 'human-response') {
          warn(
            collect.range,
            'collect-unproduced',
            `Step '${stepName}' collects ${type}, which no step returns or sends, so collectEvents never completes and the run waits until its timeout.`,
          );
        }
      }
    }
  }
  return out;
}
