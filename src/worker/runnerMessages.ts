import type { TraceRecord } from '../engine/trace.ts';
import { TraceDecoder, isTracePacket } from '../engine/traceDecoder.ts';
import type { TracePacket } from '../engine/traceStore.ts';
import { ShapeError } from '../inspect/checkShape.ts';
import { TraceValidator } from '../inspect/traceValidator.ts';
import { ValueBudget } from '../inspect/valueBudget.ts';
import type { RunSetupError, RunnerMessage } from './protocol.ts';
import { MAX_BATCH } from './traceBatcher.ts';

/** Nesting allowed in a live record: the engine's toJsonSafe stops at 6, so more is forged. */
const MAX_DEPTH = 16;
/**
 * Rows in one message: the runner sends at most MAX_BATCH and the relay joins no more than that, so
 * more is not their doing. The page takes a message in whole, so this bounds what a forged one costs
 * a frame (about 1.3 µs a row here).
 */
export const MAX_BATCH_RECORDS = 2 * MAX_BATCH;
/** Python's memory after start-up is about 30 MB; far more is not a snapshot of it. */
const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;
/** Longest text kept from a setup error's fields. */
const MAX_ERROR_TEXT = 10_000;

/** A runner message whose fields all check out, or why it does not. */
export type ReadMessage = { ok: true; message: RunnerMessage } | { ok: false; reason: string };

/**
 * Reads a message from the runner's events port. Everything on that port is untrusted: the runner
 * evaluates user code, and that code can patch `MessagePort.prototype.postMessage` and post anything.
 */
export function readRunnerMessage(data: unknown): ReadMessage {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return refuse('a message that is not an object');
  const m = data as Record<string, unknown>;
  switch (m.type) {
    case 'hello':
    case 'beat':
    case 'closing':
    case 'stray':
      return { ok: true, message: { type: m.type } };
    case 'snapshot':
      if (!(m.bytes instanceof Uint8Array) || m.bytes.byteLength > MAX_SNAPSHOT_BYTES) return refuse('a Python snapshot that is not bytes or is too large');
      return { ok: true, message: { type: 'snapshot', bytes: m.bytes } };
    case 'trace':
      if (!isRunToken(m.run)) return refuse('a trace batch without a run number');
      if (!isTracePacket(m.packet, MAX_BATCH_RECORDS)) return refuse(`a trace batch that is not a packet of at most ${MAX_BATCH_RECORDS.toLocaleString('en-US')} rows`);
      return { ok: true, message: { type: 'trace', run: m.run, packet: m.packet } };
    case 'end': {
      if (!isRunToken(m.run)) return refuse('a run end without a run number');
      if (m.error === null) return { ok: true, message: { type: 'end', run: m.run, error: null } };
      const error = readSetupError(m.error);
      return error ? { ok: true, message: { type: 'end', run: m.run, error } } : refuse('a run end with a malformed error');
    }
    default:
      return refuse(`a message of unknown type ${JSON.stringify(String(m.type)).slice(0, 40)}`);
  }
}

function refuse(reason: string): ReadMessage {
  return { ok: false, reason };
}

function isRunToken(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

function readSetupError(value: unknown): RunSetupError | null {
  if (typeof value !== 'object' || value === null) return null;
  const e = value as Record<string, unknown>;
  if (typeof e.name !== 'string' || typeof e.message !== 'string') return null;
  if (e.stack !== undefined && typeof e.stack !== 'string') return null;
  const error: RunSetupError = { name: e.name.slice(0, 200), message: e.message.slice(0, MAX_ERROR_TEXT) };
  if (typeof e.stack === 'string') error.stack = e.stack.slice(0, MAX_ERROR_TEXT);
  return error;
}

/**
 * The page's gate for one run's trace: passes records that are valid after the ones before them
 * (see TraceValidator) and counts the rest, keeping the first reason for the note the user sees.
 * What passes is held to the run's value budget (see ValueBudget), the same one the runner applies.
 */
export class TraceGate {
  dropped = 0;
  reason: string | null = null;
  readonly budget = new ValueBudget();
  private readonly validator = new TraceValidator({ maxDepth: MAX_DEPTH, hostLogsBeforeStart: true });
  /**
   * Child runs (workflow runs started inside the run's steps, and inside theirs), each checked as a
   * run of its own: it must start with a `run.started` that names a parent run of this family.
   */
  private readonly children = new Map<string, TraceValidator>();
  private rootId: string | null = null;
  /** Reads the runner's packets; its tables grow with the run's (names, lists, fields). */
  private readonly decoder = new TraceDecoder();

  /** The packet's records that pass, in order; each row that cannot be read or checked is refused. */
  accept(packet: TracePacket): TraceRecord[] {
    const passed: TraceRecord[] = [];
    for (const row of this.decoder.read(packet)) {
      if (!row.ok) {
        this.refuse(`a trace row that cannot be read: ${row.reason}`);
        continue;
      }
      const value = row.record;
      try {
        passed.push(this.budget.apply(this.validatorOf(value).check(value, 'record')));
      } catch (error) {
        if (!(error instanceof ShapeError)) throw error;
        this.refuse(error.message);
      }
    }
    return passed;
  }

  /** The run's own validator, or that of the child run a record belongs to (a new one for its start). */
  private validatorOf(value: unknown): TraceValidator {
    if (!isRecordLike(value) || this.rootId === null || value.runId === this.rootId || value.runId === 'host') {
      const validator = this.validator;
      if (this.rootId === null && isRecordLike(value) && value.kind === 'run.started') this.rootId = String(value.runId);
      return validator;
    }
    const known = this.children.get(String(value.runId));
    if (known) return known;
    const parent = value.parentRun;
    if (value.kind === 'run.started' && typeof parent === 'string' && (parent === this.rootId || this.children.has(parent))) {
      if (this.children.size >= MAX_CHILD_RUNS) throw new ShapeError(`record (run.started) starts more than ${MAX_CHILD_RUNS} child runs`);
      const child = new TraceValidator({ maxDepth: MAX_DEPTH });
      this.children.set(String(value.runId), child);
      return child;
    }
    // Anything else is checked against the run itself, which refuses a record of another run.
    return this.validator;
  }

  refuse(reason: string): void {
    this.dropped++;
    this.reason ??= reason;
  }
}

/** Child runs one run may start and the page keeps: beyond, their records are refused and counted. */
export const MAX_CHILD_RUNS = 200;

function isRecordLike(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
