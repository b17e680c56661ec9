import ts from 'typescript';
import { flowplayDiagnostic } from './diagnostic.ts';
import type { Diagnostic } from './model.ts';
import { storeCalls } from './raceCheck.ts';
import type { WorkflowSyntax } from './workflows.ts';

/** The fields of an object in the state, or null where anything goes (an index signature, `any`, a type from elsewhere). */
type Shape = Map<string, Shape | null> | null;

/**
 * A literal path given to `ctx.store.get` / `set` (or `ctx.get` / `set`) in a step whose context
 * names its state class (`ctx: Context<MyState>`) must exist in that class: the library's typed state
 * refuses a field the model does not have. Checked syntactically, so it also works while the file
 * does not type-check; only objects whose fields the file spells out are checked.
 */
export function statePathDiagnostics(sf: ts.SourceFile, workflow: WorkflowSyntax): Diagnostic[] {
  const classes = new Map(sf.statements.filter(ts.isClassDeclaration).flatMap((c) => (c.name ? [[c.name.text, c] as const] : [])));
  const out: Diagnostic[] = [];
  for (const step of workflow.steps) {
    const stateClass = step.stateClass ? classes.get(step.stateClass) : undefined;
    if (!stateClass) continue;
    const shape = classShape(stateClass, classes, new Set());
    for (const call of storeCalls(step)) {
      const problem = missingField(shape, call.key, step.stateClass!);
      if (!problem) continue;
      out.push({ ...flowplayDiagnostic(sf, call.call.arguments[0]!, 'error', 'state-path-unknown', problem), node: `step:${step.info.name}` });
    }
  }
  return out;
}

function missingField(shape: Shape, path: string, className: string): string | null {
  let at: Shape = shape;
  const walked: string[] = [];
  for (const segment of path.split('.')) {
    if (at === null) return null;
    if (!at.has(segment)) {
      const where = walked.length ? `${className}.${walked.join('.')}` : className;
      const fields = [...at.keys()];
      return `'${path}' is not a path of ${className}: ${where} has no field '${segment}'${fields.length ? ` (its fields: ${fields.join(', ')})` : ''}.`;
    }
    walked.push(segment);
    at = at.get(segment) ?? null;
  }
  return null;
}

function classShape(cls: ts.ClassDeclaration, classes: ReadonlyMap<string, ts.ClassDeclaration>, seen: Set<string>): Shape {
  // A class extending something the file does not spell out may have more fields than it shows.
  if (cls.heritageClauses?.length) return null;
  const fields = new Map<string, Shape | null>();
  for (const member of cls.members) {
    if (!ts.isPropertyDeclaration(member) || member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) continue;
    if (!ts.isIdentifier(member.name) && !ts.isStringLiteral(member.name)) return null;
    fields.set(member.name.text, valueShape(member.type, member.initializer, classes, seen));
  }
  return fields;
}

function valueShape(type: ts.TypeNode | undefined, init: ts.Expression | undefined, classes: ReadonlyMap<string, ts.ClassDeclaration>, seen: Set<string>): Shape {
  if (type && ts.isTypeLiteralNode(type)) {
    const fields = new Map<string, Shape | null>();
    for (const member of type.members) {
      if (!ts.isPropertySignature(member) || !member.name || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) return null;
      fields.set(member.name.text, valueShape(member.type, undefined, classes, seen));
    }
    return fields;
  }
  const named = type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) ? type.typeName.text : init && ts.isNewExpression(init) && ts.isIdentifier(init.expression) ? init.expression.text : null;
  if (named && classes.has(named) && !seen.has(named)) return classShape(classes.get(named)!, classes, new Set([...seen, named]));
  if (!type && init && ts.isObjectLiteralExpression(init)) {
    const fields = new Map<string, Shape | null>();
    for (const prop of init.properties) {
      if (ts.isPropertyAssignment(prop) && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name))) fields.set(prop.name.text, valueShape(undefined, prop.initializer, classes, seen));
      else if (ts.isShorthandPropertyAssignment(prop)) fields.set(prop.name.text, null);
      else return null;
    }
    return fields;
  }
  // A leaf (number, string, array, …) or a type the file does not spell out: nothing below it is checked.
  return null;
}
