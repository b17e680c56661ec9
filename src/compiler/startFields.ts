import ts from 'typescript';
import type { FieldKind, FieldSpec } from '../engine/declaredFields.ts';
import type { TextEdit } from './edits.ts';
import { classesWithBase } from './events.ts';
import type { EventInfo } from './model.ts';

/**
 * A field's type annotation as the kinds of JSON value it accepts. Named types other than arrays and
 * records (aliases, interfaces, classes) are not followed: they accept anything, so the check never
 * refuses what TypeScript would accept.
 */
export function fieldSpecOf(type: ts.TypeNode | undefined, optional: boolean): FieldSpec {
  const kinds = new Set<FieldKind>();
  const literals: (string | number | boolean)[] = [];
  let maybeUndefined = optional;
  const read = (node: ts.TypeNode | undefined): void => {
    if (!node) return void kinds.add('unknown');
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword: return void kinds.add('string');
      case ts.SyntaxKind.NumberKeyword: return void kinds.add('number');
      case ts.SyntaxKind.BooleanKeyword: return void kinds.add('boolean');
      case ts.SyntaxKind.UndefinedKeyword:
      case ts.SyntaxKind.VoidKeyword: maybeUndefined = true; return;
      case ts.SyntaxKind.ObjectKeyword:
      case ts.SyntaxKind.TypeLiteral: return void kinds.add('object');
      case ts.SyntaxKind.ArrayType:
      case ts.SyntaxKind.TupleType: return void kinds.add('array');
    }
    if (ts.isParenthesizedTypeNode(node)) return read(node.type);
    if (ts.isUnionTypeNode(node)) return node.types.forEach(read);
    if (ts.isLiteralTypeNode(node)) {
      const lit = node.literal;
      if (lit.kind === ts.SyntaxKind.NullKeyword) kinds.add('null');
      else if (ts.isStringLiteral(lit) || ts.isNoSubstitutionTemplateLiteral(lit)) literals.push(lit.text);
      else if (ts.isNumericLiteral(lit)) literals.push(Number(lit.text));
      else if (lit.kind === ts.SyntaxKind.TrueKeyword || lit.kind === ts.SyntaxKind.FalseKeyword) literals.push(lit.kind === ts.SyntaxKind.TrueKeyword);
      else kinds.add('unknown');
      return;
    }
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
      const name = node.typeName.text;
      if (name === 'Array' || name === 'ReadonlyArray') return void kinds.add('array');
      if (name === 'Record') return void kinds.add('object');
    }
    if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword) return read(node.type);
    kinds.add('unknown');
  };
  read(type);
  if (kinds.size === 0 && literals.length === 0) kinds.add('unknown');
  return { kinds: [...kinds], ...(literals.length ? { literals } : {}), ...(maybeUndefined ? { optional: true } : {}) };
}

/** The fields a class declares itself: those of `extends StartEvent<{ … }>`, then its property declarations. */
function ownFieldSpecs(cls: ts.ClassDeclaration, base: ts.ExpressionWithTypeArguments | null): Record<string, FieldSpec> {
  const out: Record<string, FieldSpec> = {};
  const arg = base?.typeArguments?.[0];
  if (arg && ts.isTypeLiteralNode(arg)) {
    for (const member of arg.members) {
      if (ts.isPropertySignature(member) && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) {
        out[member.name.text] = fieldSpecOf(member.type, Boolean(member.questionToken));
      }
    }
  }
  for (const member of cls.members) {
    if (!ts.isPropertyDeclaration(member) || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) continue;
    if (member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) continue;
    // A field with an initializer always has a value, so it may be left out of the input.
    out[member.name.text] = fieldSpecOf(member.type, Boolean(member.questionToken) || Boolean(member.initializer));
  }
  return out;
}

/**
 * `;flowplay.declareFields(MyStart, { … })` after each start event class of the file that declares
 * fields, on the line of its closing brace (no line moves), so `run()` can check its input as the
 * library's pydantic model does.
 */
export function startFieldEdits(sf: ts.SourceFile, events: ReadonlyMap<string, EventInfo>): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const cls of classesWithBase(sf)) {
    const info = events.get(cls.name);
    if (!info?.local || info.role !== 'start') continue;
    const fields = ownFieldSpecs(cls.node, cls.base);
    if (!Object.keys(fields).length) continue;
    edits.push({ start: cls.node.getEnd(), end: cls.node.getEnd(), text: ` ;flowplay.declareFields(${cls.name}, ${JSON.stringify(fields)});` });
  }
  return edits;
}
