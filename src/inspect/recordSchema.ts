import type { TraceKind } from '../engine/trace.ts';

/**
 * The shape of every trace record kind, field by field, for validating records read from a file.
 * A `?` after a field name makes it optional. Typed by `TraceKind`, so a record kind added to the
 * engine does not compile here until its shape is written down.
 */
export type FieldType =
  | 'id' // integer >= 0
  | 'id|null'
  | 'ids'
  | 'strings'
  | 'time' // finite number >= 0
  | 'number|null'
  | 'string'
  | 'string|null'
  | 'boolean'
  | 'json'
  | 'counts' // { [type]: integer >= 0 }
  | 'error'
  | 'steps'
  | 'deliveries'
  | readonly string[]; // one of these strings

export const ENVELOPE = { v: 'id', runId: 'string', seq: 'id', t: 'time', kind: 'string' } as const satisfies Record<string, FieldType>;

export const RECORD_SCHEMA = {
  'run.started': {
    workflow: 'string',
    steps: 'steps',
    clock: ['virtual', 'real'],
    speed: 'time',
    seed: 'number|null',
    timeout: 'number|null',
    'parentRun?': 'string',
    'parentStep?': 'string',
    'parentInvocation?': 'id',
    'inputs?': 'boolean',
  },
  'run.finished': { status: ['stopped', 'failed', 'timeout', 'cancelled'], 'result?': 'json', 'event?': 'id', 'error?': 'error' },
  'event.emitted': {
    event: 'id',
    type: 'string',
    payload: 'json',
    via: ['return', 'send', 'stream', 'input', 'external'],
    invocation: 'id|null',
    step: 'string|null',
    target: 'string|null',
    parent: 'id|null',
    to: 'deliveries',
  },
  'event.dropped': { event: 'id', step: 'string|null', reason: ['run-ended', 'collected-leftover'] },
  'event.unhandled': { event: 'id', type: 'string' },
  'step.queued': { step: 'string', invocation: 'id', event: 'id', position: 'id' },
  'step.started': { step: 'string', invocation: 'id', worker: 'id', events: 'ids', attempt: 'id', 'rerunOf?': 'id' },
  'step.finished': { step: 'string', invocation: 'id', worker: 'id', outputs: 'ids', status: ['done', 'cancelled', 'waiting'] },
  'step.failed': { step: 'string', invocation: 'id', worker: 'id', attempt: 'id', error: 'error', willRetry: 'boolean', 'retryDelay?': 'time', 'caughtBy?': 'string' },
  'collect.progress': { step: 'string', invocation: 'id', buffer: 'string', event: 'id', have: 'counts', need: 'counts', complete: 'boolean' },
  'collect.leftover': { step: 'string', buffer: 'string', events: 'ids', types: 'counts' },
  'state.changed': { key: 'string', value: 'json', step: 'string|null', invocation: 'id|null' },
  'stream.published': { event: 'id', type: 'string' },
  'wait.started': { step: 'string', invocation: 'id', type: 'string', event: 'id|null' },
  'wait.finished': { step: 'string', invocation: 'id', type: 'string', event: 'id|null' },
  'run.paused': { reason: ['step', 'breakpoint', 'user'], step: 'string|null', invocation: 'id|null' },
  'run.resumed': {},
  'resource.injected': { step: 'string', invocation: 'id', param: 'string', resource: 'string', instance: 'id', created: 'boolean' },
  'input.received': { input: ['event', 'cancel', 'state', 'fields'], type: 'string|null', target: 'string|null', key: 'string|null', value: 'json' },
  log: { level: ['log', 'info', 'warn', 'error', 'debug'], text: 'string', step: 'string|null', invocation: 'id|null' },
} as const satisfies Record<TraceKind, Record<string, FieldType>>;

export const ERROR_SCHEMA = { name: 'string', message: 'string', 'stack?': 'string', 'step?': 'string' } as const satisfies Record<string, FieldType>;

export const DELIVERY_SCHEMA = { step: 'string', invocation: 'id', 'queued?': 'id' } as const satisfies Record<string, FieldType>;

export const STEP_INFO_SCHEMA = {
  name: 'string',
  accepts: 'strings',
  returns: 'strings',
  numWorkers: 'id',
  gather: 'boolean',
  fanOut: 'boolean',
} as const satisfies Record<string, FieldType>;
