import ts from 'typescript';
import { blankSourceFile } from 'ts-blank-space';
import { FLOWPLAY_MODULE } from './builtins.ts';
import type { TextEdit } from './edits.ts';
import { applyEdits, blank, replaceKeepingLines } from './edits.ts';
import { DECORATE_HELPER, lowerDecorators } from './lowerDecorators.ts';
import type { EventInfo } from './model.ts';
import { stepCallWithMetadata } from './stepMetadata.ts';
import { startFieldEdits } from './startFields.ts';
import type { WorkflowSyntax } from './workflows.ts';

/**
 * Turns the user's module into the body of `async function (flowplay) { … }` (see `CompileResult.js`).
 *
 * Types are blanked out rather than re-printed, so every line and column of the user's code stays
 * where it was and a stack trace points at the line they wrote. Code the blanking cannot express
 * (enums, namespaces, parameter properties, class or parameter decorators) goes through
 * `transpileModule` instead, where lines may shift.
 */
export function emitRunnable(sf: ts.SourceFile, workflows: WorkflowSyntax[], events: Map<string, EventInfo>): string {
  const moduleEdits = [...importEdits(sf), ...exportEdits(sf), ...startFieldEdits(sf, events)];
  const steps = new Map(workflows.flatMap((w) => w.steps.flatMap((s) => (s.methodDecorator ? [[s.methodDecorator, s] as const] : []))));
  // A function step's marking call is rewritten where it stands (once, though several workflows may add it).
  const functionSteps = new Map(workflows.flatMap((w) => w.steps.flatMap((s) => (s.methodDecorator ? [] : [[s.decorator, s] as const]))));
  const functionEdits = (textOf: (node: ts.Node) => string): TextEdit[] =>
    [...functionSteps.values()].map((step) => replaceKeepingLines(sf.text, step.decorator.getStart(sf), step.decorator.getEnd(), stepCallWithMetadata(textOf, step, events)));
  // A workflow declared inside a function is not in scope here; the code that declares it runs it.
  const topLevel = workflows.filter((w) => w.node.parent === sf).map((w) => w.info.name);
  const tail = `\n;return { workflows: { ${topLevel.map((name) => `${name}: ${name}`).join(', ')} } };\n${DECORATE_HELPER}\n`;

  let unsupported = false;
  const blanked = blankSourceFile(sf, () => {
    unsupported = true;
  });
  if (!unsupported) {
    const textOf = (node: ts.Node) => blanked.slice(node.getStart(sf), node.getEnd());
    const lowering = lowerDecorators(sf, textOf, (d) => {
      const step = steps.get(d);
      return step ? stepCallWithMetadata(textOf, step, events) : undefined;
    });
    if (lowering.ok) return applyEdits(blanked, [...moduleEdits, ...lowering.edits, ...functionEdits(textOf)]) + tail;
  }

  const textOf = (node: ts.Node) => node.getText(sf);
  const injections: TextEdit[] = [
    ...[...steps.values()].map((step) => ({
      start: step.decorator.getStart(sf),
      end: step.decorator.getEnd(),
      text: stepCallWithMetadata(textOf, step, events),
    })),
    ...functionEdits(textOf),
  ];
  const prepared = applyEdits(sf.text, [...moduleEdits, ...injections]);
  const output = ts.transpileModule(prepared, {
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleDetection: ts.ModuleDetectionKind.Force,
      experimentalDecorators: true,
      useDefineForClassFields: true,
      noEmitHelpers: true,
      removeComments: false,
    },
    reportDiagnostics: false,
  });
  // A module without exports gets `export {};`, which a function body cannot contain.
  return output.outputText.replace(/^export \{\};\s*$/m, '') + tail;
}

/** `import { A, B as C } from "flowplay"` -> `const { A, B: C } = flowplay;` on the same line. */
function importEdits(sf: ts.SourceFile): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const statement of sf.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isImportEqualsDeclaration(statement)) continue;
    const start = statement.getStart(sf);
    const end = statement.getEnd();
    if (ts.isImportEqualsDeclaration(statement)) {
      edits.push(blank(sf.text, start, end));
      continue;
    }
    const from = ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : '';
    const clause = statement.importClause;
    const bindings: string[] = [];
    if (from === FLOWPLAY_MODULE && clause && !clause.isTypeOnly) {
      if (clause.name) bindings.push(`const ${clause.name.text} = flowplay;`);
      const named = clause.namedBindings;
      if (named && ts.isNamespaceImport(named)) bindings.push(`const ${named.name.text} = flowplay;`);
      if (named && ts.isNamedImports(named)) {
        const values = named.elements
          .filter((e) => !e.isTypeOnly)
          .map((e) => (e.propertyName ? `${e.propertyName.text}: ${e.name.text}` : e.name.text));
        if (values.length) bindings.push(`const { ${values.join(', ')} } = flowplay;`);
      }
    }
    // Other modules cannot be loaded in the playground; a diagnostic says so, and the run fails
    // at the first use of a missing name rather than at a syntax error.
    edits.push(bindings.length ? replaceKeepingLines(sf.text, start, end, bindings.join(' ')) : blank(sf.text, start, end));
  }
  return edits;
}

/** The code runs as a function body, where `export` means nothing: drop the keywords, keep the code. */
function exportEdits(sf: ts.SourceFile): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const statement of sf.statements) {
    if (ts.isExportDeclaration(statement)) {
      edits.push(blank(sf.text, statement.getStart(sf), statement.getEnd()));
    } else if (ts.isExportAssignment(statement)) {
      const start = statement.getStart(sf);
      const exprStart = statement.expression.getStart(sf);
      const keyword = sf.text.slice(start, exprStart);
      edits.push(
        keyword.includes('\n')
          ? replaceKeepingLines(sf.text, start, exprStart, 'void ')
          : { start, end: exprStart, text: 'void'.padEnd(keyword.length) },
      );
    } else if (ts.canHaveModifiers(statement)) {
      for (const modifier of ts.getModifiers(statement) ?? []) {
        if (modifier.kind === ts.SyntaxKind.ExportKeyword || modifier.kind === ts.SyntaxKind.DefaultKeyword) {
          edits.push(blank(sf.text, modifier.getStart(sf), modifier.getEnd()));
        }
      }
    }
  }
  return edits;
}
