import ts from 'typescript';
import type { TextEdit } from './edits.ts';
import { blank } from './edits.ts';
import { singleLine } from './stepMetadata.ts';

export interface Lowering {
  edits: TextEdit[];
  /** False when the file uses decorators this lowering does not handle (the caller falls back). */
  ok: boolean;
}

/**
 * Lowers member decorators of class declarations the way TypeScript's `experimentalDecorators` emit
 * does (`__decorate([d], C.prototype, "m", null)` after the class), but blanks the decorator in place
 * and appends the calls on the line of the class's closing brace, so no line of the user's code moves.
 * `replacement` gives the expression to use for a decorator (e.g. a `@step` with injected metadata).
 */
export function lowerDecorators(
  sf: ts.SourceFile,
  textOf: (node: ts.Node) => string,
  replacement: (decorator: ts.Decorator) => string | undefined,
): Lowering {
  const edits: TextEdit[] = [];
  let ok = true;

  const visit = (node: ts.Node): void => {
    if (!ok) return;
    if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) lowerClass(node);
    if (ts.isParameter(node) && ts.getDecorators(node)?.length) ok = false;
    ts.forEachChild(node, visit);
  };

  const lowerClass = (cls: ts.ClassLikeDeclaration): void => {
    if (ts.getDecorators(cls)?.length) {
      ok = false;
      return;
    }
    const calls: string[] = [];
    for (const member of cls.members) {
      const decorators = ts.canHaveDecorators(member) ? ts.getDecorators(member) : undefined;
      if (!decorators?.length) continue;
      const name = member.name;
      if (!ts.isClassDeclaration(cls) || !cls.name || !name || !(ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name))) {
        ok = false;
        return;
      }
      const isStatic = (ts.canHaveModifiers(member) ? ts.getModifiers(member) : undefined)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) ?? false;
      const target = isStatic ? cls.name.text : `${cls.name.text}.prototype`;
      const descriptor = ts.isPropertyDeclaration(member) ? 'void 0' : 'null';
      const exprs = decorators.map((d) => replacement(d) ?? singleLine(textOf(d.expression)));
      for (const d of decorators) edits.push(blank(sf.text, d.getStart(sf), d.getEnd()));
      calls.push(`__decorate([${exprs.join(', ')}], ${target}, ${JSON.stringify(name.text)}, ${descriptor});`);
    }
    if (calls.length) edits.push({ start: cls.getEnd(), end: cls.getEnd(), text: ` ;${calls.join(' ')}` });
  };

  visit(sf);
  return { edits, ok };
}

/**
 * TypeScript's `__decorate` helper, as a function declaration: it is appended after the user's code
 * (where it adds no line before theirs) and hoisted, so the calls above it can use it.
 */
export const DECORATE_HELPER =
  'function __decorate(decorators, target, key, desc) { var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d; if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc); else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r; return c > 3 && r && Object.defineProperty(target, key, r), r; }';
