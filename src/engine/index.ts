/**
 * Flowplay's workflow engine: what user code imports as `flowplay`.
 * Pure TypeScript: no DOM, no Node APIs, no UI; runs in Node and in the runner worker.
 */
export {
  Event,
  StartEvent,
  StopEvent,
  InputRequiredEvent,
  HumanResponseEvent,
  WorkflowFailedEvent,
  WorkflowTimedOutEvent,
  WorkflowCancelledEvent,
  WorkflowIdleEvent,
  eventTypeName,
  eventToJson,
  isEvent,
  isEventClass,
  takeFieldsReplaced,
} from './event.ts';
export type { EventClass } from './event.ts';
export { step, DEFAULT_NUM_WORKERS } from './step.ts';
export type { StepOptions, AttemptsRetry } from './step.ts';
export {
  retryPolicy,
  ConstantDelayRetryPolicy,
  ExponentialBackoffRetryPolicy,
  retryIfException,
  retryIfExceptionType,
  retryIfNotExceptionType,
  retryUnlessExceptionType,
  retryIfExceptionMessage,
  retryIfNotExceptionMessage,
  retryIfExceptionCauseType,
  retryAny,
  retryAll,
  retryAlways,
  retryNever,
  waitFixed,
  waitNone,
  waitExponential,
  waitIncrementing,
  waitRandom,
  waitExponentialJitter,
  waitRandomExponential,
  waitFullJitter,
  waitChain,
  waitCombine,
  stopAfterAttempt,
  stopAfterDelay,
  stopBeforeDelay,
  stopAny,
  stopAll,
  stopNever,
} from './retryPolicy.ts';
export type {
  RetryPolicy,
  RetryPolicyOptions,
  RetrySeed,
  RetryCondition,
  RetryConditionFn,
  WaitStrategy,
  WaitStrategyFn,
  StopCondition,
  StopConditionFn,
  ErrorClass,
  MessageMatch,
  ExponentialOptions,
  IncrementingOptions,
  ExponentialJitterOptions,
  ExponentialBackoffOptions,
} from './retryPolicy.ts';
export type { RetryInfo } from './retryState.ts';
export { catchError, StepFailedEvent } from './catchError.ts';
export type { CatchErrorOptions } from './catchError.ts';
export { Resource, ResourceManager, ResourceDependencyError } from './resource.ts';
export type { ResourceFactory, ResourceOptions, ResourceDescriptor, ResourceInstance } from './resource.ts';
export type { StepResources } from './step.ts';
export { declareFields } from './declaredFields.ts';
export type { FieldKind, FieldSpec } from './declaredFields.ts';
export { Workflow } from './workflow.ts';
export type { WorkflowOptions } from './workflow.ts';
export { WorkflowHandler } from './handler.ts';
export { Context } from './context.ts';
export type { CollectedEvents, ContextStore, WaitForEventOptions } from './context.ts';
export type { SavedContext, SavedEvent } from './savedContext.ts';
export type { DictState, StateClass, StatePath, StateValue } from './statePath.ts';
export { sleep, now, random, randint, logToCurrentRun } from './ambient.ts';
export { holdVirtualTime } from './timeHold.ts';
export type { LogLevel } from './ambient.ts';
export {
  WorkflowValidationError,
  WorkflowTimeoutError,
  WorkflowCancelledError,
  WorkflowRuntimeError,
  StepCancelledError,
  stepOfError,
} from './errors.ts';
export { setRunDefaults } from './runDefaults.ts';
export { startInput } from './startInput.ts';
export type { RunOptions, RunDefaults } from './runDefaults.ts';
export { setAsyncScope } from './scope.ts';
export type { AsyncScope, Frame } from './scope.ts';
export { toJsonSafe } from './jsonSafe.ts';
export type { JsonValue } from './jsonSafe.ts';
export { planOf, validationProblem, validationRole } from './plan.ts';
export { workflowProblem, startStopProblem, graphProblems } from './validate.ts';
export type { CheckedStep, EventTypes, ValidationRole } from './validate.ts';
export { validationMessages, runMessages, GRAPH_CHECKS } from './validationMessages.ts';
export type { GraphCheck, GraphProblem } from './validationMessages.ts';
export { seededRandom } from './random.ts';
export { replayPlanOf, forkInputs } from './replay.ts';
export type { RunInput, ReplayPlan, ForkChange } from './replay.ts';
export type { ClockKind } from './clock.ts';
export * from './trace.ts';
export { TraceStore, type TracePacket, type PacketObject } from './traceStore.ts';
export { TraceDecoder, isTracePacket, type DecodedRow } from './traceDecoder.ts';
