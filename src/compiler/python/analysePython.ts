import { hiddenCharacterDiagnostics } from '../hiddenCharacters.ts';
import { BASE_EVENT, BUILTIN_EVENTS, eventsInUse } from '../builtins.ts';
import { sortDiagnostics } from '../diagnostic.ts';
import { buildGraph } from '../graph.ts';
import { withGraphChecks } from '../graphDiagnostics.ts';
import type { CompileResult, Diagnostic } from '../model.ts';
import type { Spelling } from '../validate.ts';
import { validateWorkflow } from '../validate.ts';
import { readPyEvents, topLevelClasses } from './pyEvents.ts';
import { pyResourceDiagnostics } from './pyResources.ts';
import { readScope } from './pyScope.ts';
import { PySource } from './pySource.ts';
import { syntaxErrors } from './pySyntaxErrors.ts';
import { readPyWorkflows } from './pyWorkflows.ts';

export const PYTHON_SPELLING: Spelling = {
  sendEvent: 'send_event',
  collectEvents: 'collect_events',
  baseEvent: 'Event',
  numWorkers: 'num_workers',
};

/**
 * Analyses a Python workflow file without running Python: Lezer's Python grammar reads the classes,
 * `@step` signatures and context call sites, and the result is the same model the TypeScript compiler
 * produces (graph, events, workflows, diagnostics), checked by the same validation. `js` is null: a
 * Python file runs as Python.
 *
 * @example
 * const { graph, diagnostics } = analysePython(source);
 */
export function analysePython(text: string): CompileResult {
  const source = new PySource(text);
  const scope = readScope(source);
  const classes = topLevelClasses(source, scope);
  const local = readPyEvents(source, classes);
  const isEvent = (name: string) => local.has(name) || (name !== BASE_EVENT && BUILTIN_EVENTS.has(name));
  const workflows = readPyWorkflows(source, scope, classes, isEvent);

  const events = eventsInUse(local, workflows.map((w) => w.info));

  const diagnostics: Diagnostic[] = [...syntaxErrors(source), ...scope.diagnostics];
  if (workflows.length === 0) {
    diagnostics.push({
      severity: 'info',
      code: 'no-workflow',
      source: 'flowplay',
      range: source.rangeOf(0, 0),
      message: 'No workflow in this file: define a class that subclasses Workflow, with @step methods, to see its graph.',
    });
  }
  for (const workflow of workflows) diagnostics.push(...validateWorkflow(workflow, events, PYTHON_SPELLING), ...pyResourceDiagnostics(workflow.info.steps, workflow.info.resources));
  diagnostics.push(...hiddenCharacterDiagnostics(text));

  const infos = workflows.map((w) => w.info);
  const graph = buildGraph(infos, events);
  return {
    workflows: infos,
    events: [...events.values()],
    graph,
    diagnostics: sortDiagnostics(withGraphChecks(diagnostics, graph, infos)),
    js: null,
  };
}
