/**
 * The LlamaIndex modules the playground serves to Python, and what each exports. The analyser
 * resolves imported names through this table and the runtime builds its modules from it, so an
 * import that works in one works in the other.
 */
export const SERVED_MODULES: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  [
    'llama_index.core.workflow',
    ['Context', 'Event', 'StartEvent', 'StopEvent', 'InputRequiredEvent', 'HumanResponseEvent', 'Workflow', 'step', 'WorkflowTimeoutError', 'WorkflowRuntimeError', 'WorkflowValidationError'],
  ],
  ['workflows', ['Context', 'Workflow', 'step']],
  ['workflows.events', ['Event', 'StartEvent', 'StopEvent', 'InputRequiredEvent', 'HumanResponseEvent']],
  ['workflows.context', ['Context']],
  ['workflows.decorators', ['step']],
  ['workflows.workflow', ['Workflow']],
  ['workflows.errors', ['WorkflowTimeoutError', 'WorkflowRuntimeError', 'WorkflowValidationError']],
]);

/** One sentence naming what can be imported, for messages about what cannot. */
export function servedModulesSentence(): string {
  return `the playground provides ${[...SERVED_MODULES.keys()].join(', ')} and the Python standard library`;
}
