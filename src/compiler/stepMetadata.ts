import ts from 'typescript';
import type { EventInfo } from './model.ts';
import type { StepSyntax } from './workflows.ts';

/**
 * The `@step` call with the signature injected, on one line so that line numbers stay put:
 * `step({ ...(userOptions), accepts: [A], returns: [flowplay.StopEvent], gather: false, context: true, fanOut: false })`.
 * Built-in events are read from the `flowplay` parameter, which is always in scope, so that a type-only
 * or missing import cannot break routing. Keys the user wrote are left alone.
 */
export function stepCallWithMetadata(
  textOf: (node: ts.Node) => string,
  step: StepSyntax,
  events: Map<string, EventInfo>,
): string {
  const expr = step.decorator;
  const callee = ts.isCallExpression(expr) ? expr.expression : expr;
  const userArg = ts.isCallExpression(expr) ? expr.arguments[0] : undefined;
  const classRef = (name: string) => (events.get(name)?.local ? name : `flowplay.${name}`);
  const injected: string[] = [];
  if (userArg) injected.push(`...(${singleLine(textOf(userArg))})`);
  if (!step.explicit.has('accepts')) injected.push(`accepts: [${step.info.accepts.map(classRef).join(', ')}]`);
  if (!step.explicit.has('returns')) injected.push(`returns: [${step.info.returns.map(classRef).join(', ')}]`);
  if (!step.explicit.has('gather')) injected.push(`gather: ${step.info.gather}`);
  if (!step.explicit.has('context')) injected.push(`context: ${step.info.withContext}`);
  if (!step.explicit.has('fanOut')) injected.push(`fanOut: ${step.info.fanOut}`);
  if (step.stateClass && !step.explicit.has('state')) injected.push(`state: ${step.stateClass}`);
  if (step.resourceCalls.length && !step.explicit.has('resources')) {
    // A function, read when the plan is built: factories declared below the class are defined by then.
    const entries = step.resourceCalls.map((r, i) => `${JSON.stringify(step.info.resources![i]!.param)}: ${singleLine(textOf(r.call))}`);
    injected.push(`resources: () => ({ ${entries.join(', ')} })`);
  }
  return `${textOf(callee)}({ ${injected.join(', ')} })`;
}

/**
 * Keeps a multi-line options object on the decorator's line. Line comments would swallow the rest of
 * the line, so they become block comments.
 */
export function singleLine(text: string): string {
  if (!text.includes('\n')) return text;
  return text.replace(/\/\/([^\n]*)/g, (_m, rest: string) => `/*${rest.replace(/\*\//g, '* /')}*/`).replace(/\s*\n\s*/g, ' ');
}
