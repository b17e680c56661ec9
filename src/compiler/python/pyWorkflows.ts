import type { SyntaxNode } from '@lezer/common';
import type { StepInfo } from '../model.ts';
import { inheritedSteps } from '../inheritedSteps.ts';
import { workflowClassNames } from '../workflowClassNames.ts';
import type { StepShape, WorkflowShape } from '../validate.ts';
import { annotationOf, readPyEventTypes } from './pyAnnotations.ts';
import { readPyCallSites } from './pyCallSites.ts';
import type { PyClass } from './pyEvents.ts';
import type { PyScope } from './pyScope.ts';
import { resolveName } from './pyScope.ts';
import type { PySource } from './pySource.ts';
import type { PyParam } from './pyParams.ts';
import { readParams } from './pyParams.ts';
import { readPyResourceGraph, readResourceUses } from './pyResources.ts';
import { callArguments, childrenOf, itemsOf } from './pySource.ts';

/** The library's default, as in TypeScript. */
const DEFAULT_NUM_WORKERS = 4;

interface StepDecorator {
  keywords: Map<string, SyntaxNode>;
  /** `@catch_error`: the handler of the steps that fail for good. */
  catchError: boolean;
}

/**
 * Finds `Workflow` subclasses (directly or through another workflow class of the file), their `@step`
 * methods, and free functions attached with `@step(workflow=Name)` or `Name.add_step(fn)`. A workflow
 * class that another one extends is a base: its step methods are drawn in each subclass, as in
 * TypeScript; its free functions are not, as the library keeps them per class.
 */
export function readPyWorkflows(
  source: PySource,
  scope: PyScope,
  classes: PyClass[],
  isEvent: (name: string) => boolean,
): WorkflowShape[] {
  const workflowNames = workflowClassNames(classes);
  const workflows = classes.filter((cls) => workflowNames.has(cls.name));
  const ownSteps = new Map<string, StepShape[]>(
    workflows.map((cls) => [
      cls.name,
      (cls.body ? childrenOf(cls.body) : []).flatMap((statement) => {
        const step = readStep(source, scope, statement, true, isEvent);
        return step ? [step.shape] : [];
      }),
    ]),
  );
  const functionSteps = new Map<string, StepShape[]>();
  const addTo = (owner: string, shape: StepShape) => {
    if (workflowNames.has(owner)) functionSteps.set(owner, [...(functionSteps.get(owner) ?? []), shape]);
  };
  // Marked functions not yet given to a workflow, by name, for `W.add_step(fn)` further down.
  const unattached = new Map<string, StepShape>();
  for (const statement of childrenOf(source.top)) {
    const step = readStep(source, scope, statement, false, isEvent);
    const owner = step?.decorator.keywords.get('workflow');
    if (step && owner) addTo(source.textOf(owner), step.shape);
    else if (step) unattached.set(step.shape.info.name, step.shape);
    const added = addStepCall(source, statement);
    const shape = added ? unattached.get(added.fn) : undefined;
    if (added && shape) addTo(added.workflow, shape);
  }
  const baseOf = new Map<string, string>();
  for (const cls of workflows) {
    if (cls.base && !cls.base.builtin && workflowNames.has(cls.base.name)) baseOf.set(cls.name, cls.base.name);
  }
  const bases = new Set(baseOf.values());
  return workflows
    .filter((cls) => !bases.has(cls.name))
    .map((cls) => {
      const steps = [...inheritedSteps(cls.name, baseOf, ownSteps), ...(functionSteps.get(cls.name) ?? [])];
      const resources = readPyResourceGraph(source, scope, steps.map((s) => s.info));
      return {
        // Workflow-wide opt-outs are constructor arguments in Python; only the step ones are read here.
        info: { name: cls.name, steps: steps.map((s) => s.info), skipGraphChecks: [], ...(resources ? { resources } : {}), range: source.range(cls.node) },
        nameRange: source.range(cls.nameNode),
        steps,
        skipGraphChecksLists: [],
      };
    });
}

/** `W.add_step(fn)` as a statement of its own: the workflow's and the function's names. */
function addStepCall(source: PySource, statement: SyntaxNode): { workflow: string; fn: string } | null {
  if (statement.name !== 'ExpressionStatement') return null;
  const call = statement.firstChild;
  if (call?.name !== 'CallExpression') return null;
  const callee = call.firstChild;
  if (callee?.name !== 'MemberExpression' || callee.firstChild?.name !== 'VariableName' || callee.lastChild?.name !== 'PropertyName') return null;
  if (source.textOf(callee.lastChild) !== 'add_step') return null;
  const { positional, keywords } = callArguments(call.getChild('ArgList'), source);
  if (positional.length !== 1 || keywords.size > 0 || positional[0]!.name !== 'VariableName') return null;
  return { workflow: source.textOf(callee.firstChild), fn: source.textOf(positional[0]!) };
}

/** The `@step` / `@step(...)` / `@catch_error` / `@catch_error(...)` decorator of a function, or null. */
function stepDecorator(source: PySource, scope: PyScope, statement: SyntaxNode): StepDecorator | null {
  for (const decorator of statement.getChildren('Decorator')) {
    const target = childrenOf(decorator).find((c) => c.name === 'VariableName' || c.name === 'MemberExpression');
    const resolved = resolveName(scope, source, target);
    if (resolved?.builtin && (resolved.name === 'step' || resolved.name === 'catch_error')) {
      return { keywords: callArguments(decorator.getChild('ArgList'), source).keywords, catchError: resolved.name === 'catch_error' };
    }
  }
  return null;
}

function readStep(
  source: PySource,
  scope: PyScope,
  statement: SyntaxNode,
  isMethod: boolean,
  isEvent: (name: string) => boolean,
): { shape: StepShape; decorator: StepDecorator } | null {
  if (statement.name !== 'DecoratedStatement') return null;
  const fn = statement.getChild('FunctionDefinition');
  const nameNode = fn?.getChild('VariableName');
  if (!fn || !nameNode) return null;
  const decorator = stepDecorator(source, scope, statement);
  if (!decorator) return null;

  const declared = readParams(source, fn.getChild('ParamList')).slice(isMethod ? 1 : 0);
  // Resource parameters are filled by the engine; the others are the context and the event.
  const resources = readResourceUses(declared, source, scope);
  const params = declared.filter((p) => !resources.some((r) => r.param === p.name));
  const isContext = (p: PyParam) => {
    // `Context` or `Context[MyState]` (a typed state), also as a string annotation.
    if (p.annotation?.name === 'String') {
      const head = /^[rRuU]?(['"])\s*(\w+)\s*(\[.*\])?\s*\1$/.exec(source.textOf(p.annotation))?.[2];
      return head !== undefined && scope.names.get(head) === 'Context';
    }
    const annotation = p.annotation?.name === 'MemberExpression' && childrenOf(p.annotation)[1]?.name === '[' ? p.annotation.firstChild : p.annotation;
    const resolved = resolveName(scope, source, annotation);
    return resolved?.builtin === true && resolved.name === 'Context';
  };
  const contextParam = params.find(isContext) ?? null;
  const eventParam = params.find((p) => p !== contextParam) ?? null;
  const accepted = readPyEventTypes(eventParam?.annotation, source, scope, isEvent);
  // As the library reads a signature: the event parameter is one whose annotation names event
  // classes only; a union with anything else does not count.
  const eventParams: PyParam[] = [];
  let mixedParam: PyParam | null = null;
  for (const param of params) {
    if (param === contextParam || !param.annotation) continue;
    const read = readPyEventTypes(param.annotation, source, scope, isEvent);
    const others = read.others.filter((o) => o.text !== 'Event');
    if (others.length === 0 && read.mentions.length + read.others.length > 0) eventParams.push(param);
    else if (read.mentions.length > 0) mixedParam ??= param;
  }
  const numWorkersNode = decorator.keywords.get('num_workers');
  const returnAnnotation = annotationOf(childrenOf(fn).find((c) => c.name === 'TypeDef'));
  const returned = readPyEventTypes(returnAnnotation, source, scope, isEvent);
  const sites = readPyCallSites(source, fn.getChild('Body'), scope, isEvent);
  const info: StepInfo = {
    name: source.textOf(nameNode),
    accepts: unique(accepted.mentions.map((m) => m.name)),
    returns: unique(returned.mentions.map((m) => m.name)),
    fanOut: false,
    gather: false,
    withContext: contextParam !== null,
    // A handler runs one at a time, as in the library.
    numWorkers: decorator.catchError ? 1 : (integerOf(source, decorator.keywords.get('num_workers')) ?? DEFAULT_NUM_WORKERS),
    retry: readRetryPolicy(source, decorator.keywords.get('retry_policy')),
    sends: sites.sends,
    collects: sites.collects,
    skipGraphChecks: stringsOf(source, decorator.keywords.get('skip_graph_checks')),
    children: [],
    ...(decorator.catchError ? { catchError: { forSteps: decorator.keywords.has('for_steps') ? stringsOf(source, decorator.keywords.get('for_steps')) : null } } : {}),
    ...(resources.length ? { resources } : {}),
    range: source.range(statement),
    nameRange: source.range(nameNode),
  };
  const eventAt = eventParam?.annotation ?? eventParam?.node ?? nameNode;
  return {
    decorator,
    shape: {
      info,
      acceptMentions: accepted.mentions,
      returnMentions: returned.mentions,
      nonEvents: [...accepted.others, ...returned.others],
      eventParamRange: source.range(eventAt),
      returnDeclared: returnAnnotation !== null,
      eventParams: {
        count: eventParams.length,
        secondRange: eventParams[1] ? source.range(eventParams[1].annotation ?? eventParams[1].node) : null,
      },
      mixedParamRange: mixedParam?.annotation ? source.range(mixedParam.annotation) : null,
      invalidNumWorkersRange: numWorkersNode && isInvalidNumWorkers(source, numWorkersNode) ? source.range(numWorkersNode) : null,
    },
  };
}

/** A literal `num_workers` that is not a whole number above 0; an expression is left to run time. */
function isInvalidNumWorkers(source: PySource, node: SyntaxNode): boolean {
  if (node.name === 'Number') return integerOf(source, node) === null || integerOf(source, node) === 0;
  if (node.name === 'UnaryExpression') return /^-\s*\d/.test(source.textOf(node));
  return ['String', 'None', 'Boolean'].includes(node.name);
}

/** `["a", 'b']` as strings; anything else reads as empty. */
function stringsOf(source: PySource, node: SyntaxNode | undefined): string[] {
  if (node?.name !== 'ArrayExpression') return [];
  return itemsOf(node).flatMap((item) => (item.name === 'String' ? [source.textOf(item).slice(1, -1)] : []));
}

function integerOf(source: PySource, node: SyntaxNode | undefined): number | null {
  return node?.name === 'Number' && /^\d+$/.test(source.textOf(node)) ? Number(source.textOf(node)) : null;
}

function numberOf(source: PySource, node: SyntaxNode | undefined): number | null {
  if (node?.name !== 'Number') return null;
  const value = Number(source.textOf(node).replace(/_/g, ''));
  return Number.isFinite(value) ? value : null;
}

/**
 * `ConstantDelayRetryPolicy(maximum_attempts=3, delay=1)` and
 * `ExponentialBackoffRetryPolicy(maximum_attempts=…, initial_delay=…, multiplier=…)`, as the engine's
 * attempts/delay/backoff. Anything else is known only at run time.
 */
function readRetryPolicy(source: PySource, node: SyntaxNode | undefined): StepInfo['retry'] {
  if (node?.name !== 'CallExpression') return null;
  const name = source.textOf(node.firstChild!).split('.').pop();
  const { keywords } = callArguments(node.getChild('ArgList'), source);
  const value = (key: string) => numberOf(source, keywords.get(key));
  if (name === 'ConstantDelayRetryPolicy') {
    return { maxAttempts: value('maximum_attempts') ?? 3, delay: value('delay') ?? 5 };
  }
  if (name === 'ExponentialBackoffRetryPolicy') {
    return { maxAttempts: value('maximum_attempts') ?? 5, delay: value('initial_delay') ?? 1, backoff: value('multiplier') ?? 2 };
  }
  return null;
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
