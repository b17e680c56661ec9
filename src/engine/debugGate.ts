/**
 * Step mode and breakpoints: the run can hold back the next invocation before it starts (the moment
 * an event is handed to its step) until the user continues. Only runs that asked for it, or were
 * paused from outside, have a gate; others pay nothing.
 *
 * While paused nothing new starts; invocations already running go on to their next await. Virtual
 * time stands still, and the run's timeout is suspended, so reading the screen never times a run out.
 */
export type PauseReason = 'step' | 'breakpoint' | 'user';

export interface GateHost {
  /** Records the pause and suspends the timeout. */
  paused(reason: PauseReason, step: string | null, invocation: number | null): void;
  /** Records the resume, re-arms the timeout and drains the queues. */
  resumed(): void;
}

export class DebugGate {
  private holding = false;
  /** Lets exactly one held invocation through after a resume or a single step. */
  private passOne = false;
  stepMode: boolean;
  readonly breakpoints: Set<string>;

  constructor(
    private readonly host: GateHost,
    options: { stepMode?: boolean; breakpoints?: Iterable<string> } = {},
  ) {
    this.stepMode = options.stepMode ?? false;
    this.breakpoints = new Set(options.breakpoints ?? []);
  }

  get isPaused(): boolean {
    return this.holding;
  }

  /** A replay's word on each invocation: why the recorded run was held before it, or null. */
  recordedHold: ((invocation: number) => PauseReason | null) | null = null;
  /** Held by the replay, not by the person: only the recording lets it go. */
  heldAsRecorded = false;

  /** Whether the next invocation of `step` may start now; pauses the run when it may not. */
  mayStart(step: string, invocation: number): boolean {
    if (this.holding) return false;
    const recorded = this.recordedHold?.(invocation) ?? null;
    if (recorded !== null) {
      this.holding = true;
      this.heldAsRecorded = true;
      this.host.paused(recorded, step, invocation);
      return false;
    }
    if (!this.stepMode && !this.breakpoints.has(step)) return true;
    if (this.passOne) {
      this.passOne = false;
      return true;
    }
    this.holding = true;
    this.host.paused(this.stepMode ? 'step' : 'breakpoint', step, invocation);
    return false;
  }

  pause(): void {
    if (this.holding) return;
    this.holding = true;
    this.host.paused('user', null, null);
  }

  /** Continues: lets the held invocation start, then runs on (until the next breakpoint in step mode). */
  resume(): void {
    this.stepMode = false;
    this.release();
  }

  /** Goes on as the recorded run did after a pause, in the mode the run is in. */
  proceed(): void {
    this.release();
  }

  /** Lets one invocation start, then pauses before the next one. */
  step(): void {
    this.stepMode = true;
    this.release();
  }

  private release(): void {
    if (!this.holding) return;
    this.holding = false;
    this.heldAsRecorded = false;
    this.passOne = true;
    this.host.resumed();
  }
}
