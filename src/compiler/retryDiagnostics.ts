import ts from 'typescript';
import { flowplayDiagnostic } from './diagnostic.ts';
import type { Diagnostic } from './model.ts';
import type { Scope } from './scope.ts';
import { isFlowplayName } from './scope.ts';
import type { WorkflowSyntax } from './workflows.ts';

/**
 * A retry policy written so that it can never give up (`stop: stopNever()`, or a combination that
 * only stops when a never-stop does) retries a step that keeps failing until the run's timeout,
 * or forever without one. The library accepts it; the editor says so where the stop is written.
 */
export function retryDiagnostics(sf: ts.SourceFile, scope: Scope, workflow: WorkflowSyntax): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const step of workflow.steps) {
    const policy = step.options?.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(sf) === 'retryPolicy')?.initializer;
    if (!policy || !ts.isCallExpression(policy) || !isFlowplayName(scope, policy.expression, 'retryPolicy')) continue;
    const options = policy.arguments[0];
    if (!options || !ts.isObjectLiteralExpression(options)) continue;
    const stop = options.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(sf) === 'stop')?.initializer;
    const retry = options.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(sf) === 'retry')?.initializer;
    if (!stop || !neverStops(stop, scope)) continue;
    if (retry && ts.isCallExpression(retry) && isFlowplayName(scope, retry.expression, 'retryNever')) continue;
    out.push({
      ...flowplayDiagnostic(sf, stop, 'warning', 'retry-never-stops',
        `This retry policy never stops: while ${step.info.name} keeps failing it is retried until the run times out. Give it a stop that can happen, such as stopAfterAttempt(5) or stopAfterDelay(60).`),
      node: `step:${step.info.name}`,
    });
  }
  return out;
}

/** Whether a stop condition, as written, can never answer "stop". */
function neverStops(expr: ts.Expression, scope: Scope): boolean {
  if (ts.isParenthesizedExpression(expr)) return neverStops(expr.expression, scope);
  if (!ts.isCallExpression(expr)) return false;
  const callee = expr.expression;
  if (isFlowplayName(scope, callee, 'stopNever')) return true;
  if (isFlowplayName(scope, callee, 'stopAll')) return expr.arguments.some((a) => neverStops(a, scope));
  if (isFlowplayName(scope, callee, 'stopAny')) return expr.arguments.length > 0 && expr.arguments.every((a) => neverStops(a, scope));
  if (ts.isPropertyAccessExpression(callee) && expr.arguments[0]) {
    // `a.and(b)` stops when both would; `a.or(b)` when either would.
    if (callee.name.text === 'and') return neverStops(callee.expression, scope) || neverStops(expr.arguments[0], scope);
    if (callee.name.text === 'or') return neverStops(callee.expression, scope) && neverStops(expr.arguments[0], scope);
  }
  return false;
}
