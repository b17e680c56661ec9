/**
 * The LlamaIndex modules (and pydantic's model) the playground serves to Python, and what each exports. The analyser
 * resolves imported names through this table and the runtime builds its modules from it, so an
 * import that works in one works in the other.
 */
/** `workflows.retry_policy`: the library's policies and tenacity-style pieces, built on the engine's. */
const RETRY_POLICY_NAMES = [
  'RetryPolicy',
  'RetryInfo',
  'retry_policy',
  'ConstantDelayRetryPolicy',
  'ExponentialBackoffRetryPolicy',
  'retry_if_exception',
  'retry_if_exception_type',
  'retry_if_not_exception_type',
  'retry_unless_exception_type',
  'retry_if_exception_message',
  'retry_if_not_exception_message',
  'retry_if_exception_cause_type',
  'retry_any',
  'retry_all',
  'retry_always',
  'retry_never',
  'wait_fixed',
  'wait_none',
  'wait_exponential',
  'wait_incrementing',
  'wait_random',
  'wait_exponential_jitter',
  'wait_random_exponential',
  'wait_full_jitter',
  'wait_chain',
  'wait_combine',
  'stop_after_attempt',
  'stop_after_delay',
  'stop_before_delay',
  'stop_any',
  'stop_all',
  'stop_never',
];

export const SERVED_MODULES: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  [
    'llama_index.core.workflow',
    ['Context', 'Event', 'StartEvent', 'StopEvent', 'InputRequiredEvent', 'HumanResponseEvent', 'Workflow', 'step', 'WorkflowTimeoutError', 'WorkflowRuntimeError', 'WorkflowValidationError'],
  ],
  ['workflows', ['Context', 'Workflow', 'step', 'catch_error']],
  ['workflows.events', ['Event', 'StartEvent', 'StopEvent', 'InputRequiredEvent', 'HumanResponseEvent', 'StepFailedEvent']],
  ['workflows.context', ['Context']],
  ['workflows.decorators', ['step', 'catch_error']],
  ['workflows.workflow', ['Workflow']],
  ['workflows.errors', ['WorkflowTimeoutError', 'WorkflowRuntimeError', 'WorkflowValidationError', 'WorkflowCancelledByUser']],
  ['workflows.retry_policy', RETRY_POLICY_NAMES],
  ['llama_index.core.workflow.retry_policy', RETRY_POLICY_NAMES],
  ['workflows.resource', ['Resource']],
  ['llama_index.core.workflow.resource', ['Resource']],
  // pydantic's wheel is not in the page: a model class with annotated fields and defaults is what
  // workflows use it for (a typed state, `Context[MyState]`), and the runtime's model does that.
  ['pydantic', ['BaseModel', 'Field']],
]);

/** One sentence naming what can be imported, for messages about what cannot. */
export function servedModulesSentence(): string {
  return `the playground provides ${[...SERVED_MODULES.keys()].join(', ')} and the Python standard library`;
}
