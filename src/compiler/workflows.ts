import ts from 'typescript';
import { readCallSites } from './callSites.ts';
import { classesWithBase } from './events.ts';
import { inheritedSteps } from './inheritedSteps.ts';
import { workflowClassNames } from './workflowClassNames.ts';
import type { StepInfo, WorkflowInfo } from './model.ts';
import { nodeRange } from './range.ts';
import type { Scope } from './scope.ts';
import { isFlowplayName, resolveName } from './scope.ts';
import type { TypeMention } from './typeRefs.ts';
import type { WorkflowShape } from './validate.ts';
import { readEventTypes } from './typeRefs.ts';
import { readResourceGraph, readResourceParams, type ResourceCall } from './resources.ts';
import { readFunctionSteps, type MarkedFunction } from './functionSteps.ts';

/** What a step is written as: a method, or a function marked by `step(…)` / `catchError(…)`. */
export type StepFunctionNode = ts.MethodDeclaration | MarkedFunction['fn'];

/** A step as read from the source, with the nodes diagnostics and code generation need. */
export interface StepSyntax {
  info: StepInfo;
  fn: StepFunctionNode;
  /** What evaluates to the decorator: `step({ … })` or a bare `step` (the expression after `@` on a method). */
  decorator: ts.Expression;
  /** The `@…` of a method, which code generation lowers; null for a function step. */
  methodDecorator: ts.Decorator | null;
  /** The step's name as written (the method's name, or the function's). */
  nameNode: ts.Node;
  /** The options object of `@step({ … })`, when written inline. */
  options: ts.ObjectLiteralExpression | null;
  /** Option keys the user wrote; the compiler never overrides them. */
  explicit: Set<string>;
  /** The class named by `ctx: Context<MyState>` when the file declares it: passed as the `state` option. */
  stateClass: string | null;
  acceptMentions: TypeMention[];
  returnMentions: TypeMention[];
  eventParam: ts.ParameterDeclaration | null;
  /** Parameters annotated with event classes only: the library's signature check wants exactly one. */
  eventParams: ts.ParameterDeclaration[];
  /** A parameter whose annotation mixes event classes with other types (`ev: A | string`). */
  mixedParam: ts.ParameterDeclaration | null;
  /** Annotation parts that are not event classes (e.g. `string`, an interface). */
  nonEvents: ts.TypeNode[];
  /** The `numWorkers` option as written, for checking it. */
  numWorkersOption: ts.Expression | null;
  /** The `Resource(…)` defaults of its resource parameters, in order (passed as the `resources` option). */
  resourceCalls: ResourceCall[];
}

export interface WorkflowSyntax {
  info: WorkflowInfo;
  node: ts.ClassDeclaration;
  nameNode: ts.Node;
  steps: StepSyntax[];
  /** `skipGraphChecks` lists of the file's `new W({ … })` calls. */
  skipGraphChecksOptions: ts.Expression[];
}

const DEFAULT_NUM_WORKERS = 4;

/** The workflow as validation sees it: names and ranges instead of TypeScript nodes. */
export function shapeOf(sf: ts.SourceFile, workflow: WorkflowSyntax): WorkflowShape {
  const mentionsAt = (mentions: TypeMention[]) => mentions.map((m) => ({ name: m.name, range: nodeRange(sf, m.node) }));
  return {
    info: workflow.info,
    nameRange: nodeRange(sf, workflow.nameNode),
    steps: workflow.steps.map((step) => ({
      info: step.info,
      acceptMentions: mentionsAt(step.acceptMentions),
      returnMentions: mentionsAt(step.returnMentions),
      nonEvents: step.nonEvents.map((type) => ({ text: type.getText(sf), range: nodeRange(sf, type) })),
      eventParamRange: nodeRange(sf, step.eventParam?.type ?? step.eventParam ?? step.nameNode),
      returnDeclared: Boolean(step.fn.type) || step.explicit.has('returns'),
      eventParams: step.explicit.has('accepts')
        ? null
        : { count: step.eventParams.length, secondRange: step.eventParams[1] ? nodeRange(sf, step.eventParams[1].type ?? step.eventParams[1]) : null },
      mixedParamRange: step.mixedParam?.type ? nodeRange(sf, step.mixedParam.type) : null,
      invalidNumWorkersRange: step.numWorkersOption && !isValidNumWorkers(step.numWorkersOption) ? nodeRange(sf, step.numWorkersOption) : null,
    })),
    skipGraphChecksLists: workflow.skipGraphChecksOptions.map((option) => ({ names: stringList(option), range: nodeRange(sf, option) })),
  };
}

/** The names of the file's workflow classes, bases included. */
export function fileWorkflowNames(sf: ts.SourceFile, scope: Scope, classes = classesWithBase(sf)): Set<string> {
  return workflowClassNames(classes.map((cls) => ({ name: cls.name, base: cls.base ? resolveName(scope, cls.base.expression) : null })));
}

/** Finds `Workflow` subclasses (directly or through another workflow class of the file) and their steps. */
export function readWorkflows(sf: ts.SourceFile, scope: Scope, isEvent: (name: string) => boolean): WorkflowSyntax[] {
  const classes = classesWithBase(sf);
  const workflowNames = fileWorkflowNames(sf, scope, classes);
  const isWorkflowClass = (name: string) => workflowNames.has(name);
  // A workflow class that another one extends is a base: its steps are drawn in each subclass.
  const baseOf = new Map<string, string>();
  for (const cls of classes) {
    const base = cls.base ? resolveName(scope, cls.base.expression) : null;
    if (workflowNames.has(cls.name) && base && !base.builtin && workflowNames.has(base.name)) baseOf.set(cls.name, base.name);
  }
  const bases = new Set(baseOf.values());
  const ownSteps = new Map(
    classes
      .filter((cls) => workflowNames.has(cls.name))
      .map((cls) => [
        cls.name,
        cls.node.members.flatMap((member) => {
          const decorator = ts.isMethodDeclaration(member) ? stepDecorator(member, scope) : null;
          const step = decorator ? readStep(sf, member as ts.MethodDeclaration, decorator.expression, decorator, (member as ts.MethodDeclaration).name, scope, isEvent, isWorkflowClass) : null;
          return step ? [step] : [];
        }),
      ]),
  );
  // Functions added to a class are its own: a subclass does not inherit them, as in the library.
  const functionSteps = new Map<string, StepSyntax[]>();
  for (const { workflow, marked } of readFunctionSteps(sf, scope, isWorkflowClass).joins) {
    const taken = [...inheritedSteps(workflow, baseOf, ownSteps), ...(functionSteps.get(workflow) ?? [])].some((s) => s.info.name === marked.name);
    // The engine refuses the second step of a name; the editor marks it (functionStepDiagnostics).
    if (!marked.name || taken) continue;
    const step = readStep(sf, marked.fn, marked.decorator, null, marked.nameNode, scope, isEvent, isWorkflowClass, marked.name);
    if (step) functionSteps.set(workflow, [...(functionSteps.get(workflow) ?? []), step]);
  }
  const constructions = constructionOptions(sf, scope, isWorkflowClass);
  return classes
    .filter((cls) => workflowNames.has(cls.name) && !bases.has(cls.name))
    .map((cls) => {
      const steps = [...inheritedSteps(cls.name, baseOf, ownSteps), ...(functionSteps.get(cls.name) ?? [])];
      const nameNode = cls.node.name ?? cls.node;
      const made = constructions.get(cls.name) ?? [];
      const lists = made.flatMap((options) => (options ? [options] : []));
      // A check is off only when every construction in the file turns it off.
      const skipGraphChecks =
        made.length === 0 || lists.length < made.length
          ? []
          : stringList(lists[0]).filter((name) => lists.every((o) => stringList(o).includes(name)));
      const factories = [...new Set(steps.flatMap((s) => (s.info.resources ?? []).map((r) => r.factory)))];
      const resources = factories.length ? readResourceGraph(sf, scope, factories).map(({ name, dependsOn, range }) => ({ name, dependsOn, range })) : undefined;
      return {
        info: { name: cls.name, steps: steps.map((s) => s.info), skipGraphChecks, ...(resources ? { resources } : {}), range: nodeRange(sf, cls.node) },
        node: cls.node,
        nameNode,
        steps,
        skipGraphChecksOptions: lists,
      };
    });
}

/** The `skipGraphChecks` value (or null) of every `new W(…)` of a workflow class of the file. */
function constructionOptions(sf: ts.SourceFile, scope: Scope, isWorkflowClass: (name: string) => boolean): Map<string, (ts.Expression | null)[]> {
  const out = new Map<string, (ts.Expression | null)[]>();
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node)) {
      const resolved = resolveName(scope, node.expression);
      if (resolved && !resolved.builtin && isWorkflowClass(resolved.name)) {
        const options = node.arguments?.[0];
        const list = out.get(resolved.name) ?? [];
        list.push((options && ts.isObjectLiteralExpression(options) ? optionsOf(options).get('skipGraphChecks') : undefined) ?? null);
        out.set(resolved.name, list);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Property name -> value of an options object literal (`{ a: 1, b }`). */
function optionsOf(options: ts.ObjectLiteralExpression | null): Map<string, ts.Expression> {
  const props = new Map<string, ts.Expression>();
  for (const prop of options?.properties ?? []) {
    if (ts.isPropertyAssignment(prop) && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name))) {
      props.set(prop.name.text, prop.initializer);
    } else if (ts.isShorthandPropertyAssignment(prop)) {
      props.set(prop.name.text, prop.name);
    }
  }
  return props;
}

/** `['a', "b"]` -> `['a', 'b']`; anything that is not a literal list of strings reads as empty. */
function stringList(expr: ts.Expression | null | undefined): string[] {
  if (!expr || !ts.isArrayLiteralExpression(expr)) return [];
  return expr.elements.flatMap((e) => (ts.isStringLiteralLike(e) ? [e.text] : []));
}

/**
 * The workflow classes of the file a step starts, in order: those its body constructs (`new Child()`)
 * and those held in a field of the workflow that the body reads (`this.child`, where the field is
 * initialised with `new Child()`, typed `Child`, or assigned a `new Child()` in the constructor).
 */
function childWorkflows(method: StepFunctionNode, scope: Scope, isWorkflowClass: (name: string) => boolean): string[] {
  const found: string[] = [];
  const add = (expr: ts.Node | undefined) => {
    if (!expr) return;
    const resolved = resolveName(scope, expr as ts.Expression);
    if (resolved && !resolved.builtin && isWorkflowClass(resolved.name) && !found.includes(resolved.name)) found.push(resolved.name);
  };
  const fields = ts.isClassLike(method.parent) ? fieldWorkflows(method.parent) : new Map<string, ts.Node[]>();
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node)) add(node.expression);
    else if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
      for (const name of fields.get(node.name.text) ?? []) add(name);
    }
    ts.forEachChild(node, visit);
  };
  if (method.body) visit(method.body);
  return found;
}

/** Field name -> the class names (as written) a field of the class may hold: its type, its `new X()`. */
function fieldWorkflows(cls: ts.ClassLikeDeclaration): Map<string, ts.Node[]> {
  const out = new Map<string, ts.Node[]>();
  const note = (name: string, node: ts.Node | undefined) => {
    if (!node) return;
    const target = ts.isNewExpression(node) ? node.expression : ts.isTypeReferenceNode(node) ? node.typeName : null;
    if (target) out.set(name, [...(out.get(name) ?? []), target]);
  };
  for (const member of cls.members) {
    if (ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name)) {
      note(member.name.text, member.type);
      note(member.name.text, member.initializer);
    } else if (ts.isConstructorDeclaration(member)) {
      for (const param of member.parameters) {
        // `constructor(private child: Child)`: a parameter property is a field.
        if (ts.isIdentifier(param.name) && ts.getModifiers(param)?.length) note(param.name.text, param.type);
      }
      const assign = (node: ts.Node): void => {
        if (
          ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
          ts.isPropertyAccessExpression(node.left) && node.left.expression.kind === ts.SyntaxKind.ThisKeyword
        ) note(node.left.name.text, node.right);
        ts.forEachChild(node, assign);
      };
      if (member.body) assign(member.body);
    }
  }
  return out;
}

/**
 * `numWorkers` written as a literal must be a whole number above 0, as the library checks it; a value
 * computed at run time is left to the engine.
 */
function isValidNumWorkers(expr: ts.Expression): boolean {
  let value: unknown;
  if (ts.isNumericLiteral(expr)) value = Number(expr.text);
  else if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(expr.operand)) {
    value = -Number(expr.operand.text);
  } else if (ts.isStringLiteralLike(expr)) value = expr.text;
  else if ([ts.SyntaxKind.TrueKeyword, ts.SyntaxKind.FalseKeyword, ts.SyntaxKind.NullKeyword].includes(expr.kind)) value = null;
  else return true;
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function stepDecorator(method: ts.MethodDeclaration, scope: Scope): ts.Decorator | null {
  for (const decorator of ts.getDecorators(method) ?? []) {
    const expr = decorator.expression;
    const callee = ts.isCallExpression(expr) ? expr.expression : expr;
    // `@catchError` steps are steps too: they accept StepFailedEvent and return what they recover with.
    if (isFlowplayName(scope, callee, 'step') || isFlowplayName(scope, callee, 'catchError')) return decorator;
  }
  return null;
}

function readStep(
  sf: ts.SourceFile,
  method: StepFunctionNode,
  decorator: ts.Expression,
  methodDecorator: ts.Decorator | null,
  nameNode: ts.Node,
  scope: Scope,
  isEvent: (name: string) => boolean,
  isWorkflowClass: (name: string) => boolean,
  name: string = nameNode.getText(sf),
): StepSyntax | null {
  const call = ts.isCallExpression(decorator) ? decorator : null;
  const options = call?.arguments[0] && ts.isObjectLiteralExpression(call.arguments[0]) ? call.arguments[0] : null;
  const props = optionsOf(options);

  const declared = method.parameters.filter((p) => !(ts.isIdentifier(p.name) && p.name.text === 'this'));
  // Resource parameters (`memory = Resource(getMemory)`) follow the event and are not part of the signature's shape.
  const resources = readResourceParams(declared, scope, sf);
  const params = declared.filter((p) => !resources.calls.some((c) => c.call === p.initializer));
  const isContextType = (p: ts.ParameterDeclaration): boolean =>
    !!p.type && ts.isTypeReferenceNode(p.type) && isFlowplayName(scope, p.type.typeName, 'Context');
  let eventParam: ts.ParameterDeclaration | null = null;
  let withContext = false;
  if (params.length >= 2) {
    withContext = true;
    eventParam = params[1] ?? null;
  } else if (params.length === 1 && params[0]) {
    if (isContextType(params[0])) withContext = true;
    else eventParam = params[0];
  }

  const contextParam = params.find(isContextType);
  const stateArg = contextParam?.type && ts.isTypeReferenceNode(contextParam.type) ? contextParam.type.typeArguments?.[0] : undefined;
  const stateName = stateArg && ts.isTypeReferenceNode(stateArg) && ts.isIdentifier(stateArg.typeName) ? stateArg.typeName.text : null;
  // Only a class declared above the workflow: the decorator reads it when the workflow class is defined.
  const stateClass = stateName && sf.statements.some((s) => ts.isClassDeclaration(s) && s.name?.text === stateName && s.end <= method.pos) ? stateName : null;

  const accepted = readEventTypes(eventParam?.type, scope, isEvent, false);
  const returned = readEventTypes(method.type, scope, isEvent, true);
  const explicitAccepts = props.get('accepts');
  const explicitReturns = props.get('returns');
  const acceptMentions = explicitAccepts ? classList(explicitAccepts, scope) : accepted.mentions;
  const returnMentions = explicitReturns ? classList(explicitReturns, scope) : returned.mentions;
  const sites = readCallSites(sf, method.body, scope, isEvent);
  // As the library reads a signature: a parameter is the event parameter when every type its
  // annotation names is an event class (the base Event included); a Context is not one.
  const eventParams: ts.ParameterDeclaration[] = [];
  let mixedParam: ts.ParameterDeclaration | null = null;
  for (const param of params) {
    if (isContextType(param) || !param.type) continue;
    const read = readEventTypes(param.type, scope, isEvent, false);
    const others = read.others.filter((t) => !isBaseEvent(t, scope));
    if (others.length === 0 && read.others.length + read.mentions.length > 0) eventParams.push(param);
    else if (read.mentions.length > 0) mixedParam ??= param;
  }

  const info: StepInfo = {
    name,
    accepts: unique(acceptMentions.map((m) => m.name)),
    returns: unique(returnMentions.map((m) => m.name)),
    fanOut: returned.array,
    gather: props.has('gather') ? props.get('gather')?.kind === ts.SyntaxKind.TrueKeyword : accepted.array,
    withContext,
    numWorkers: numberOf(props.get('numWorkers')) ?? DEFAULT_NUM_WORKERS,
    retry: readRetry(props.get('retry')),
    sends: sites.sends,
    collects: sites.collects,
    skipGraphChecks: stringList(props.get('skipGraphChecks')),
    children: childWorkflows(method, scope, isWorkflowClass),
    ...(resources.uses.length ? { resources: resources.uses } : {}),
    ...(isFlowplayName(scope, call ? call.expression : decorator, 'catchError') ? { catchError: { forSteps: props.has('forSteps') ? stringList(props.get('forSteps')) : null } } : {}),
    range: nodeRange(sf, method),
    nameRange: nodeRange(sf, nameNode),
  };
  return {
    info,
    fn: method,
    decorator,
    methodDecorator,
    nameNode,
    options,
    explicit: new Set(props.keys()),
    stateClass,
    acceptMentions,
    returnMentions,
    eventParam,
    eventParams,
    mixedParam,
    nonEvents: [...(explicitAccepts ? [] : accepted.others), ...(explicitReturns ? [] : returned.others)],
    numWorkersOption: props.get('numWorkers') ?? null,
    resourceCalls: resources.calls,
  };
}

function isBaseEvent(type: ts.TypeNode, scope: Scope): boolean {
  if (!ts.isTypeReferenceNode(type)) return false;
  const resolved = resolveName(scope, type.typeName);
  return resolved !== null && resolved.builtin && resolved.name === 'Event';
}

/** `[A, B]` in explicit `accepts` / `returns` options. */
function classList(expr: ts.Expression, scope: Scope): TypeMention[] {
  if (!ts.isArrayLiteralExpression(expr)) return [];
  return expr.elements.flatMap((element) => {
    const resolved = resolveName(scope, element);
    return resolved ? [{ name: resolved.name, node: element }] : [];
  });
}

function numberOf(expr: ts.Expression | undefined): number | null {
  return expr && ts.isNumericLiteral(expr) ? Number(expr.text) : null;
}

function readRetry(expr: ts.Expression | undefined): StepInfo['retry'] {
  if (!expr || !ts.isObjectLiteralExpression(expr)) return null;
  const values: Record<string, number> = {};
  for (const prop of expr.properties) {
    if (ts.isPropertyAssignment(prop) && ts.isIdentifier(prop.name)) {
      const value = numberOf(prop.initializer);
      if (value !== null) values[prop.name.text] = value;
    }
  }
  const retry: NonNullable<StepInfo['retry']> = { maxAttempts: values.maxAttempts ?? 1, delay: values.delay ?? 0 };
  if (values.backoff !== undefined) retry.backoff = values.backoff;
  return retry;
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
