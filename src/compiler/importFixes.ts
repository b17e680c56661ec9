import ts from 'typescript';
import { BASE_EVENT, FLOWPLAY_MODULE } from './builtins.ts';
import type { TextEdit } from './edits.ts';
import type { Diagnostic } from './model.ts';
import { rangeOf } from './range.ts';
import type { Scope } from './scope.ts';

/** TypeScript's "Cannot find name 'X'" and "… Did you mean 'Y'?". */
const CANNOT_FIND = new Set([2304, 2552]);
/** What TypeScript says when `Event` is the host's type: "only refers to a type", "is not generic". */
const HOST_EVENT_NOISE = new Set([2693, 2315, 2689, 2422]);

/**
 * The edit that makes `name` an import from `flowplay`: added to the file's named import of it when
 * there is one, else a new import line after the file's last import. Shared by the quick fix on a
 * missing name and by completions of names the file has not imported yet.
 */
export function addImportEdit(sf: ts.SourceFile, name: string): TextEdit {
  let lastImport: ts.ImportDeclaration | null = null;
  for (const statement of sf.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    lastImport = statement;
    const from = ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : '';
    const bindings = statement.importClause?.namedBindings;
    if (from !== FLOWPLAY_MODULE || statement.importClause?.isTypeOnly || !bindings || !ts.isNamedImports(bindings)) continue;
    const last = bindings.elements[bindings.elements.length - 1];
    if (last) return { start: last.end, end: last.end, text: `, ${name}` };
    const open = bindings.getStart(sf) + 1;
    return { start: open, end: open, text: ` ${name} ` };
  }
  const line = `import { ${name} } from "${FLOWPLAY_MODULE}";\n`;
  if (!lastImport) return { start: 0, end: 0, text: line };
  return { start: lastImport.end, end: lastImport.end, text: `\n${line.slice(0, -1)}` };
}

function importFix(sf: ts.SourceFile, name: string): NonNullable<Diagnostic['fix']> {
  return { title: `Import ${name} from "${FLOWPLAY_MODULE}"`, edits: [addImportEdit(sf, name)] };
}

/**
 * Gives TypeScript's "cannot find name" a quick fix when the name is a `flowplay` export, and says in
 * plain words when a class extends the host's `Event` (declared globally, so TypeScript finds it
 * without an import) instead of Flowplay's: TypeScript's own words for that ("only refers to a type")
 * do not point at the missing import, so they are replaced at that spot.
 */
export function withImportHelp(
  sf: ts.SourceFile,
  scope: Scope,
  typeDiagnostics: readonly Diagnostic[],
  exported: ReadonlySet<string>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const hostEvents = hostEventBases(sf, scope);
  const covered = (d: Diagnostic) => hostEvents.some((h) => d.range.start >= h.start && d.range.start < h.end);
  for (const d of typeDiagnostics) {
    if (d.tsCode !== undefined && HOST_EVENT_NOISE.has(d.tsCode) && covered(d)) continue;
    if (d.tsCode !== undefined && CANNOT_FIND.has(d.tsCode)) {
      const name = sf.text.slice(d.range.start, d.range.end);
      if (exported.has(name)) {
        out.push({ ...d, message: `${d.message} It is exported by "${FLOWPLAY_MODULE}": import it.`, fix: importFix(sf, name) });
        continue;
      }
    }
    out.push(d);
  }
  for (const base of hostEvents) {
    out.push({
      severity: 'error',
      message:
        `${base.className} extends the ${BASE_EVENT} type every browser has, not Flowplay's ${BASE_EVENT}, because ` +
        `${BASE_EVENT} is not imported from "${FLOWPLAY_MODULE}". Steps cannot accept or return it; add ${BASE_EVENT} to the import.`,
      range: rangeOf(sf, base.start, base.end),
      code: 'host-event',
      source: 'flowplay',
      fix: importFix(sf, BASE_EVENT),
    });
  }
  return out;
}

interface HostEventBase {
  className: string;
  start: number;
  end: number;
}

/** `class X extends Event…` where `Event` is not a name the file binds itself. */
function hostEventBases(sf: ts.SourceFile, scope: Scope): HostEventBase[] {
  if (scope.named.has(BASE_EVENT) || declaresLocally(sf, BASE_EVENT)) return [];
  const found: HostEventBase[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isClassLike(node)) {
      for (const clause of node.heritageClauses ?? []) {
        if (clause.token !== ts.SyntaxKind.ExtendsKeyword) continue;
        const base = clause.types[0]?.expression;
        if (base && ts.isIdentifier(base) && base.text === BASE_EVENT) {
          found.push({ className: node.name?.text ?? 'This class', start: base.getStart(sf), end: base.getEnd() });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function declaresLocally(sf: ts.SourceFile, name: string): boolean {
  return sf.statements.some(
    (s) =>
      ((ts.isClassDeclaration(s) || ts.isFunctionDeclaration(s) || ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) &&
        s.name?.text === name) ||
      (ts.isVariableStatement(s) && s.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name)) ||
      (ts.isImportDeclaration(s) && importsName(s, name)),
  );
}

function importsName(statement: ts.ImportDeclaration, name: string): boolean {
  const clause = statement.importClause;
  if (!clause) return false;
  if (clause.name?.text === name) return true;
  const bindings = clause.namedBindings;
  if (!bindings) return false;
  return ts.isNamespaceImport(bindings) ? bindings.name.text === name : bindings.elements.some((e) => e.name.text === name);
}
