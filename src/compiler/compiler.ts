import type ts from 'typescript';
import { BASE_EVENT, BUILTIN_EVENTS, FLOWPLAY_MODULE, eventsInUse } from './builtins.ts';
import { flowplayDiagnostic, sortDiagnostics } from './diagnostic.ts';
import { emitRunnable } from './emit.ts';
import { readEvents } from './events.ts';
import { buildGraph } from './graph.ts';
import { withGraphChecks } from './graphDiagnostics.ts';
import type { LanguageServiceFiles } from './languageService.ts';
import { WorkflowLanguageService } from './languageService.ts';
import type { CompileResult, Diagnostic } from './model.ts';
import { raceDiagnostics } from './raceCheck.ts';
import { rangeOf } from './range.ts';
import { readScope } from './scope.ts';
import { hiddenCharacterDiagnostics } from './hiddenCharacters.ts';
import { withImportHelp } from './importFixes.ts';
import { fromTypeScript } from './tsDiagnostics.ts';
import { TYPESCRIPT_SPELLING, validateWorkflow } from './validate.ts';
import { fileWorkflowNames, readWorkflows, shapeOf } from './workflows.ts';
import { functionStepDiagnostics } from './functionSteps.ts';
import { resourceDiagnostics } from './resourceDiagnostics.ts';
import { retryDiagnostics } from './retryDiagnostics.ts';
import { statePathDiagnostics } from './statePathDiagnostics.ts';

export type CompilerOptions = LanguageServiceFiles;

export interface CompileOptions {
  /** Skip the type check (the expensive part) when only the graph is wanted. Default true. */
  typeCheck?: boolean;
  /** Skip producing JavaScript. Default true. */
  emit?: boolean;
}

export interface Compiler {
  /** Analyses one source file. Never throws on user input: problems become diagnostics. */
  compile(source: string, options?: CompileOptions): CompileResult;
  /** Whether type errors are reported (a standard library was provided). */
  readonly typeCheck: boolean;
  /** The underlying language service, for editor completions and hovers on the same file. */
  readonly languageService: ts.LanguageService;
  readonly fileName: string;
  dispose(): void;
}

/**
 * Creates a compiler that keeps one TypeScript language service alive across calls, so repeated
 * compilations of an edited file reuse the library and `flowplay` declarations.
 *
 * @example
 * const compiler = createCompiler({ libFiles, flowplayTypes });
 * const { graph, diagnostics, js } = compiler.compile(source);
 */
export function createCompiler(files: CompilerOptions = {}): Compiler {
  const service = new WorkflowLanguageService(files);
  return {
    compile: (source, options = {}) => compileWith(service, source, options),
    typeCheck: service.typeCheck,
    languageService: service.languageService,
    fileName: service.userFileName,
    dispose: () => service.dispose(),
  };
}

function compileWith(service: WorkflowLanguageService, source: string, options: CompileOptions): CompileResult {
  const sf = service.update(source);
  const syntax = fromTypeScript(sf, service.syntacticDiagnostics(), 'syntax');
  const hasSyntaxErrors = syntax.some((d) => d.severity === 'error');
  const scope = readScope(sf);
  const checked = options.typeCheck === false ? [] : fromTypeScript(sf, service.semanticDiagnostics(), 'type');
  const types = withImportHelp(sf, scope, checked, service.flowplayExports());

  const local = readEvents(sf, scope);
  const isEvent = (name: string) => local.has(name) || (name !== BASE_EVENT && BUILTIN_EVENTS.has(name));
  const workflows = readWorkflows(sf, scope, isEvent);

  const events = eventsInUse(local, workflows.map((w) => w.info));

  const flowplay: Diagnostic[] = [];
  for (const statement of scope.imports) {
    const from = statement.moduleSpecifier;
    const name = from.getText(sf).slice(1, -1);
    if (name !== FLOWPLAY_MODULE && !statement.importClause?.isTypeOnly) {
      flowplay.push(
        flowplayDiagnostic(sf, from, 'error', 'import-unsupported',
          `Only "${FLOWPLAY_MODULE}" can be imported in a workflow file; "${name}" is not available here.`),
      );
    }
  }
  if (workflows.length === 0) {
    flowplay.push(
      flowplayDiagnostic(sf, rangeOf(sf, 0, 0), 'info', 'no-workflow',
        'No workflow in this file: define a class that extends Workflow, with @step methods, to see its graph.'),
    );
  }
  for (const workflow of workflows) {
    flowplay.push(...validateWorkflow(shapeOf(sf, workflow), events, TYPESCRIPT_SPELLING), ...raceDiagnostics(sf, workflow, events), ...resourceDiagnostics(sf, scope, workflow), ...retryDiagnostics(sf, scope, workflow), ...statePathDiagnostics(sf, workflow));
  }
  const workflowNames = fileWorkflowNames(sf, scope);
  const methodNames = new Map(workflows.map((w) => [w.info.name, w.steps.filter((s) => s.methodDecorator).map((s) => s.info.name)]));
  flowplay.push(...functionStepDiagnostics(sf, scope, (name) => workflowNames.has(name), methodNames));
  flowplay.push(...hiddenCharacterDiagnostics(sf.text));

  let js: string | null = null;
  if (!hasSyntaxErrors && options.emit !== false) {
    try {
      js = emitRunnable(sf, workflows, events);
    } catch (error) {
      // A bug in code generation must not take the editor down with it; the graph is still good.
      flowplay.push(
        flowplayDiagnostic(sf, rangeOf(sf, 0, 0), 'error', 'emit-failed',
          `Flowplay could not generate code for this file: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
  }

  const workflowInfos = workflows.map((w) => w.info);
  const graph = buildGraph(workflowInfos, events);
  return {
    workflows: workflowInfos,
    events: [...events.values()],
    graph,
    diagnostics: sortDiagnostics([...syntax, ...types, ...withGraphChecks(flowplay, graph, workflowInfos)]),
    js,
  };
}
