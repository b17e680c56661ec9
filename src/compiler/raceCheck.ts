import ts from 'typescript';
import { flowplayDiagnostic } from './diagnostic.ts';
import type { Diagnostic, EventInfo } from './model.ts';
import type { StepSyntax, WorkflowSyntax } from './workflows.ts';

export interface StoreCall {
  call: ts.CallExpression;
  /** `ctx` or `ctx.store`, as written. */
  receiver: string;
  key: string;
}

/**
 * The lost-update race: a step reads a key from the run's state, awaits, and writes the key back,
 * while other invocations can run between the two (`numWorkers` above 1, which the default of 4 is,
 * or another step that updates the key too). In Python `await ctx.store.get(k)` only yields when something really waits; in JavaScript
 * every `await` does, so three concurrent increments written this way end at 1. The warning offers
 * `ctx.store.editState`, which reads and writes under the store's lock.
 */
export function raceDiagnostics(sf: ts.SourceFile, workflow: WorkflowSyntax, events: ReadonlyMap<string, EventInfo>): Diagnostic[] {
  const calls = new Map(workflow.steps.map((step) => [step, storeCalls(step)]));
  // Another step races only if it also reads the key and writes it back; one that just sets it does not.
  const updaters = (key: string) =>
    workflow.steps.filter((s) => ['get', 'set'].every((m) => calls.get(s)!.some((c) => method(c) === m && c.key === key)));
  const out: Diagnostic[] = [];
  for (const step of workflow.steps) {
    const own = calls.get(step)!;
    const reads = own.filter((c) => method(c) === 'get');
    for (const write of own.filter((c) => method(c) === 'set')) {
      const read = reads.find((r) => r.key === write.key && r.call.getEnd() <= write.call.getStart(sf));
      if (!read) continue;
      const others = updaters(write.key).filter((s) => s !== step).map((s) => s.info.name);
      // The default of 4 workers lets invocations of the step overlap as surely as an explicit 4 does,
      // as soon as two events can be in flight at once. A step fed by the StartEvent alone is called
      // once per run, and a chain that passes one event along (a loop, a question) never overlaps.
      const workers = step.info.numWorkers > 1 && !startedOnly(step, events) && !singleEventInFlight(workflow);
      if (!workers && others.length === 0) continue;
      const count = `numWorkers is ${step.info.numWorkers}${step.explicit.has('numWorkers') ? '' : ', the default'}`;
      const who = workers ? count : `${others.join(', ')} also updates it`;
      const diagnostic = flowplayDiagnostic(
        sf,
        write.call,
        'warning',
        'lost-update',
        `Step '${step.info.name}' reads "${write.key}", awaits, and writes it back while other invocations can run (${who}): in JavaScript every await lets another invocation in, so concurrent updates are lost. Update it atomically with ctx.store.editState.`,
      );
      const fix = editStateFix(sf, read, write);
      out.push(fix ? { ...diagnostic, fix } : diagnostic);
    }
  }
  return out;
}

/** The step accepts nothing but the run's StartEvent (or its subclass), which comes once per run. */
function startedOnly(step: StepSyntax, events: ReadonlyMap<string, EventInfo>): boolean {
  const accepts = step.info.accepts;
  return accepts.length > 0 && accepts.every((type) => type === 'StartEvent' || events.get(type)?.role === 'start');
}

/**
 * One event at a time, from the StartEvent to the end: no step sends events of its own or fans out,
 * and no event type is routed to two steps (each accepting step gets its own copy). An answer a
 * person sends back continues the chain of the question, as one event.
 */
function singleEventInFlight(workflow: WorkflowSyntax): boolean {
  const steps = workflow.info.steps;
  if (steps.some((s) => s.sends.length > 0 || s.fanOut || s.collects.length > 0)) return false;
  const accepted = steps.flatMap((s) => s.accepts);
  return new Set(accepted).size === accepted.length;
}

function method(call: StoreCall): string {
  return (call.call.expression as ts.PropertyAccessExpression).name.text;
}

/** `ctx.get(k)`, `ctx.set(k, v)`, `ctx.store.get(k)`, `ctx.store.set(k, v)` with a literal key, on the step's context. */
export function storeCalls(step: StepSyntax): StoreCall[] {
  const ctx = step.info.withContext ? step.fn.parameters[0]?.name : undefined;
  if (!ctx || !ts.isIdentifier(ctx) || !step.fn.body) return [];
  const out: StoreCall[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['get', 'set'].includes(node.expression.name.text)) {
      const target = node.expression.expression;
      const onContext = ts.isIdentifier(target) && target.text === ctx.text;
      const onStore = ts.isPropertyAccessExpression(target) && target.name.text === 'store' && ts.isIdentifier(target.expression) && target.expression.text === ctx.text;
      const key = node.arguments[0];
      if ((onContext || onStore) && key && ts.isStringLiteralLike(key)) {
        out.push({ call: node, receiver: onStore ? `${ctx.text}.store` : ctx.text, key: key.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(step.fn.body);
  return out;
}

/**
 * For `const n = await ctx.store.get("k", d)` … `await ctx.store.set("k", expr)`: the write becomes
 * an edit that reads the key afresh under the lock, on the same line so nothing else moves.
 */
function editStateFix(sf: ts.SourceFile, read: StoreCall, write: StoreCall): Diagnostic['fix'] | undefined {
  const declaration = read.call.parent && ts.isAwaitExpression(read.call.parent) ? read.call.parent.parent : undefined;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return undefined;
  if (read.key.includes('.') || !write.call.arguments[1]) return undefined;
  const name = declaration.name.text;
  const fallback = read.call.arguments[1] ? ` ?? ${read.call.arguments[1].getText(sf)}` : '';
  const key = JSON.stringify(read.key);
  const value = write.call.arguments[1].getText(sf).replace(/\s*\n\s*/g, ' ');
  const context = write.receiver.replace(/\.store$/, '');
  return {
    title: `Update "${read.key}" atomically with ${context}.store.editState`,
    edits: [
      {
        start: write.call.getStart(sf),
        end: write.call.getEnd(),
        text: `${context}.store.editState((state) => { const ${name} = state[${key}]${fallback}; state[${key}] = ${value}; })`,
      },
    ],
  };
}
