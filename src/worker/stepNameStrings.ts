import ts from 'typescript';

/**
 * The string literals that name step `name` as the target of `ctx.sendEvent(ev, "name")`, as spans
 * inside the quotes: renaming the step must rename them too or the send stops reaching it.
 */
export function stepNameStrings(sf: ts.SourceFile, name: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'sendEvent' &&
      node.arguments.length >= 2
    ) {
      const target = node.arguments[1]!;
      if ((ts.isStringLiteral(target) || ts.isNoSubstitutionTemplateLiteral(target)) && target.text === name) {
        spans.push({ start: target.getStart(sf) + 1, end: target.getEnd() - 1 });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return spans;
}
