/** Errors a run can end with. Their messages are the ones users of the Python library know. */

export class WorkflowValidationError extends Error {
  override name = 'WorkflowValidationError';
}

export class WorkflowTimeoutError extends Error {
  override name = 'WorkflowTimeoutError';
}

export class WorkflowCancelledError extends Error {
  override name = 'WorkflowCancelledError';
  constructor(message = 'Workflow run was cancelled.') {
    super(message);
  }
}

/** A step broke the engine's rules (returned a non-event, sent to a missing step, …). */
export class WorkflowRuntimeError extends Error {
  override name = 'WorkflowRuntimeError';
}

/**
 * Raised inside steps that are still running when the run ends (the engine's `sleep` rejects with it,
 * `waitForEvent` too). It is how cancellation unwinds user code and is never reported as a failure.
 */
export class StepCancelledError extends Error {
  override name = 'StepCancelledError';
  constructor(message = 'The run ended while this step was running.') {
    super(message);
  }
}

const STEP_OF_ERROR = new WeakMap<object, string>();

/** Remembers which step raised an error without changing the error the caller receives. */
export function tagErrorWithStep(error: unknown, step: string): void {
  if (typeof error === 'object' && error !== null && !STEP_OF_ERROR.has(error)) STEP_OF_ERROR.set(error, step);
}

/** The step that raised `error`, when the engine saw it happen. */
export function stepOfError(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? STEP_OF_ERROR.get(error) : undefined;
}
