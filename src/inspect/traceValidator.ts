import type { TraceKind, TraceRecord } from '../engine/trace.ts';
import { ShapeError, checkFields, fieldsValid, isPlainObject } from './checkShape.ts';
import { ENVELOPE, RECORD_SCHEMA } from './recordSchema.ts';
import type { FieldType } from './recordSchema.ts';

export interface TraceValidatorOptions {
  /** Nesting allowed in payloads and values. */
  maxDepth: number;
  /**
   * Accept `log` records of run id `host` before `run.started`: a live runner sends what top-level
   * code logs before it starts its workflow. A saved file holds one run and must start with it.
   */
  hostLogsBeforeStart?: boolean;
}

/** The trace version records must have (older files are converted before they are checked). */
const TRACE_VERSION: TraceRecord['v'] = 2;

/**
 * How far a new event or invocation id may run ahead of the ids seen so far. The engine numbers both
 * in order (an invocation id can be taken before its event is delivered, once per step of a batch),
 * so real ids stay close to the count; a forged id of four billion would have the page size arrays
 * and run loops to it.
 */
export const MAX_ID_AHEAD = 10_000;

/** Schemas with the envelope merged in once, not once per record. */
const FULL_SCHEMA = Object.fromEntries(
  Object.entries(RECORD_SCHEMA).map(([kind, schema]) => [kind, { ...ENVELOPE, ...schema }]),
) as unknown as Record<TraceKind, Readonly<Record<string, FieldType>>>;

/**
 * Checks trace records one at a time, in order: each record's kind and fields (no unknown kinds or
 * fields), one run id, seq strictly increasing, and that records refer only to steps the run declared
 * and to events emitted before them. Used for saved run files and for what a live runner sends, so
 * a malformed or forged record never reaches the stores.
 *
 * @example
 * const validator = new TraceValidator({ maxDepth: 64 });
 * for (const [i, value] of records.entries()) validator.check(value, `trace[${i}]`); // throws ShapeError
 */
export class TraceValidator {
  private readonly options: TraceValidatorOptions;
  private runId: string | null = null;
  private lastSeq = -1;
  private hostSeq = -1;
  private steps: Set<string> | null = null;
  private readonly events = new Set<number>();
  private readonly invocations = new Set<number>();
  private finished = false;
  private where: string | number = '';
  private kind = '';

  constructor(options: TraceValidatorOptions) {
    this.options = options;
  }

  /** Whether `run.started` was accepted. */
  get started(): boolean {
    return this.steps !== null;
  }

  /**
   * Returns the record typed when it is valid after the ones before it; throws ShapeError if not.
   * `where` names the record in messages; a number is its index in a run file's trace (`trace[i]`):
   * a saved run checks 200,000 records, and naming each one up front cost more than checking it.
   */
  check(value: unknown, where: string | number): TraceRecord {
    if (!isPlainObject(value)) throw new ShapeError(`${label(where)} must be an object`);
    const kind = value.kind;
    if (typeof kind !== 'string' || !Object.prototype.hasOwnProperty.call(RECORD_SCHEMA, kind)) {
      throw new ShapeError(`${label(where)} has an unknown kind ${JSON.stringify(kind)}`);
    }
    const schema = FULL_SCHEMA[kind as TraceKind];
    // Paths and messages only for a record that fails.
    if (!fieldsValid(value, schema, this.options.maxDepth)) checkFields(value, schema, `${label(where)} (${kind})`, this.options.maxDepth);
    const r = value as unknown as TraceRecord;
    this.where = where;
    this.kind = kind;
    if (r.v !== TRACE_VERSION) throw new ShapeError(`${this.at()} has trace version ${r.v}; expected ${TRACE_VERSION}`);
    if (this.steps === null && r.kind === 'log' && r.runId === 'host' && this.options.hostLogsBeforeStart) {
      if (r.seq <= this.hostSeq) throw new ShapeError(`${this.at()} has seq ${r.seq} after seq ${this.hostSeq}: seq must increase`);
      this.hostSeq = r.seq;
      if (r.step !== null || r.invocation !== null) throw new ShapeError(`${this.at()} names a step before the run started`);
      return r;
    }
    if (this.steps === null && r.kind !== 'run.started') throw new ShapeError(`${this.at()} must be "run.started"`);
    if (this.steps !== null && r.kind === 'run.started') throw new ShapeError(`${this.at()}: a run starts only once`);
    this.runId ??= r.runId;
    if (r.runId !== this.runId) throw new ShapeError(`${this.at()} belongs to run "${r.runId}", not "${this.runId}": a file holds one run`);
    if (r.seq <= this.lastSeq) throw new ShapeError(`${this.at()} has seq ${r.seq} after seq ${this.lastSeq}: seq must increase`);
    if (r.kind === 'run.started') this.steps = new Set(r.steps.map((s) => s.name));
    if (r.kind === 'run.finished') {
      if (this.finished) throw new ShapeError(`${this.at()}: a run finishes only once`);
      this.finished = true;
    }
    this.checkLinks(r);
    this.lastSeq = r.seq;
    return r;
  }

  /** The record being checked, as messages name it. */
  private at(): string {
    return `${label(this.where)} (${this.kind})`;
  }

  // Methods rather than closures made per record: a saved run of 200,000 records is checked here.
  private step(name: string | null | undefined, field = 'step'): void {
    if (name !== null && name !== undefined && !this.steps!.has(name)) throw new ShapeError(`${this.at()}.${field} names "${name}", which is not a step of this run`);
  }

  private event(id: number | null | undefined, field = 'event'): void {
    if (id !== null && id !== undefined && !this.events.has(id)) throw new ShapeError(`${this.at()}.${field} refers to event ${id}, which was not emitted before it`);
  }

  /** A new id may run at most MAX_ID_AHEAD past the ones announced (see there). */
  private fresh(id: number, seen: Set<number>, what: string, field: string): void {
    if (id > seen.size + MAX_ID_AHEAD) throw new ShapeError(`${this.at()}.${field}: ${what} ${id} is far beyond the ${seen.size} this run has announced`);
  }

  private invocation(id: number): void {
    if (!this.invocations.has(id)) throw new ShapeError(`${this.at()}.invocation refers to invocation ${id}, which no event was delivered to`);
  }

  private checkLinks(r: TraceRecord): void {
    const { events, invocations } = this;
    switch (r.kind) {
      case 'event.emitted':
        if (events.has(r.event)) throw new ShapeError(`${this.at()}.event: event ${r.event} is emitted twice`);
        this.fresh(r.event, events, 'event', 'event');
        this.step(r.step);
        this.step(r.target, 'target');
        this.event(r.parent, 'parent');
        events.add(r.event);
        for (let i = 0; i < r.to.length; i++) {
          if (!this.steps!.has(r.to[i]!.step)) this.step(r.to[i]!.step, `to[${i}].step`);
          const invocation = r.to[i]!.invocation;
          if (!invocations.has(invocation) && invocation > invocations.size + MAX_ID_AHEAD) this.fresh(invocation, invocations, 'invocation', `to[${i}].invocation`);
          invocations.add(r.to[i]!.invocation);
        }
        break;
      case 'step.queued':
        this.step(r.step);
        this.event(r.event);
        if (!invocations.has(r.invocation)) this.fresh(r.invocation, invocations, 'invocation', 'invocation');
        invocations.add(r.invocation);
        break;
      case 'step.started':
        this.step(r.step);
        // A waitForEvent re-run is a new invocation that nothing was delivered to: the step is queued
        // again with its old input when the awaited event arrives. It names the invocation it re-runs.
        if (r.rerunOf !== undefined && !invocations.has(r.invocation)) {
          this.invocation(r.rerunOf);
          this.fresh(r.invocation, invocations, 'invocation', 'invocation');
          invocations.add(r.invocation);
        }
        this.invocation(r.invocation);
        for (const id of r.events) this.event(id, 'events');
        break;
      case 'step.finished':
      case 'step.failed':
        this.step(r.step);
        this.invocation(r.invocation);
        break;
      case 'event.dropped':
      case 'collect.progress':
      case 'wait.started':
      case 'wait.finished':
        this.step(r.step);
        this.event(r.event);
        break;
      case 'event.unhandled':
      case 'stream.published':
      case 'run.finished':
        this.event(r.event);
        break;
      case 'collect.leftover':
        this.step(r.step);
        for (const id of r.events) this.event(id, 'events');
        break;
      case 'input.received':
        this.step(r.target, 'target');
        break;
      case 'state.changed':
      case 'run.paused':
      case 'log':
        this.step(r.step);
        break;
      default:
        break;
    }
  }
}

function label(where: string | number): string {
  return typeof where === 'number' ? `trace[${where}]` : where;
}
