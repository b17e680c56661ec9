/**
 * What crosses the worker boundary. Plain data only, so the runner can later live in a sandboxed frame
 * behind a transferred MessagePort without changing either side.
 */
import type { CompileResult } from '../compiler/model.ts';
import type { TraceRecord } from '../engine/trace.ts';
import type { TracePacket } from '../engine/traceStore.ts';
import type { ForkChange } from '../engine/replay.ts';
import type { SavedContext } from '../engine/savedContext.ts';
import type { ElkNode } from 'elkjs/lib/elk-api.js';

export type ClockKind = 'virtual' | 'real';

export interface RunRequest {
  /** The compiler's `js`: the body of an async function of `flowplay`. */
  js: string;
  /** Which workflow to run when the file defines several (the first when null). */
  workflow: string | null;
  input: Record<string, unknown>;
  seed: number | null;
  clock: ClockKind;
  /** Speed factor of the real clock. */
  speed: number;
  /** Start paused before the first invocation and pause before each one (step mode). */
  stepMode?: boolean;
  /** Pause before invocations of these steps. */
  breakpoints?: string[];
  /** A Python file: run as Python by a runner started for Python (`js` is then empty). */
  python?: { source: string; fileName: string };
  /**
   * Re-run a recorded run of this code exactly, or fork it: the run takes the recorded run's seed,
   * start input and inputs (up to the fork's moment, then its change) on the virtual clock, in place
   * of `input`, `seed` and `clock`.
   */
  replay?: { trace: TraceRecord[]; fork: ForkChange | null };
  /**
   * Go on from a saved run's context instead of starting afresh: the code's run takes it (its state and
   * the events its steps held), and `answer`, when given, goes in as the HumanResponseEvent the saved
   * run was waiting for.
   */
  resume?: { context: SavedContext; answer: string | null };
}

/** Commands for the run in progress; ignored when no run is active. */
export type RunControl =
  | { kind: 'pause' }
  /** Continue (still stopping at breakpoints). */
  | { kind: 'resume' }
  /** Let one invocation start, then pause again. */
  | { kind: 'step' }
  | { kind: 'breakpoints'; steps: string[] }
  /** Answer the run's InputRequiredEvent (human in the loop). */
  | { kind: 'answer'; response: string };

/** Receives trace records in order, in batches (about one per animation frame). */
export type TraceSink = (batch: TraceRecord[]) => void;

/** Why a run could not start at all (no trace): bad code at load time, no workflow, a bad option. */
export interface RunSetupError {
  name: string;
  message: string;
  stack?: string;
}

/** The runner worker's API, exposed with Comlink on a MessagePort. */
export interface RunnerApi {
  /** Resolves when the run has finished and its last batch was delivered; `null` or a setup error. */
  run(request: RunRequest, sink: TraceSink): Promise<RunSetupError | null>;
  /** Cancels the current run (it finishes with status `cancelled`). */
  cancel(): Promise<void>;
  control(command: RunControl): Promise<void>;
}

export interface CompletionItem {
  label: string;
  kind: string;
  detail?: string;
  /** Sort text from TypeScript, so the editor keeps its ranking. */
  sortText: string;
  /** The module a name not yet imported comes from: choosing it adds the import. */
  module?: string;
  /** TypeScript's opaque handle for the entry's details (JSON data), passed back as is. */
  data?: unknown;
}

/** What the editor shows beside a completion, and the edits choosing it makes besides the name. */
export interface CompletionDetails {
  signature: string;
  documentation: string;
  /** For a name from another module: the import it needs, in the requested text's offsets. */
  edits: { start: number; end: number; text: string }[];
}

/** The call around the cursor: its signatures, the one that fits, and the parameter being written. */
export interface SignatureHelp {
  /** Where the argument list starts, so the editor knows when the cursor has left the call. */
  from: number;
  active: number;
  signatures: {
    prefix: string;
    parameters: { label: string; documentation: string }[];
    separator: string;
    suffix: string;
    documentation: string;
  }[];
  activeParameter: number;
}

/** Where a rename of the name at the cursor changes the file, or why it cannot. */
export type RenamePlan =
  | { ok: true; from: number; to: number; name: string; locations: { start: number; end: number }[] }
  | { ok: false; reason: string };

export interface CompletionList {
  /** Where the word being completed starts. */
  from: number;
  items: CompletionItem[];
}

export interface HoverInfo {
  from: number;
  to: number;
  /** The type display, e.g. `(method) Context.sendEvent(ev: Event, step?: string): void`. */
  signature: string;
  documentation: string;
}

/** The language worker's API: one copy of TypeScript for compiling and for the editor. */
export interface LanguageApi {
  analyse(source: string): Promise<CompileResult>;
  completions(source: string, position: number): Promise<CompletionList | null>;
  hover(source: string, position: number): Promise<HoverInfo | null>;
  completionDetails(source: string, position: number, item: Pick<CompletionItem, 'label' | 'module' | 'data'>): Promise<CompletionDetails | null>;
  signatureHelp(source: string, position: number): Promise<SignatureHelp | null>;
  rename(source: string, position: number): Promise<RenamePlan>;
}

/**
 * Why a runner was replaced in the middle of a run: Stop found it stuck, the watchdog heard no
 * heartbeat, the code closed the runner itself, or the runner died (out of memory, a crash).
 */
export type RestartReason = 'stopped' | 'unresponsive' | 'closed' | 'crashed';

/** How a run ended as seen from the page. */
export type RunEnd = (
  | { kind: 'finished' }
  | { kind: 'setup-error'; error: RunSetupError }
  /** The runner stopped answering (a synchronous loop) and was replaced; the run is gone. */
  | { kind: 'restarted'; reason?: RestartReason; detail?: string; /** For 'stopped': how long Stop waited for the runner. */ waitedMs?: number }
) & {
  /** Messages from the runner that were not valid (forged or malformed) and were dropped. */
  dropped?: number;
  /** Why the first dropped message was refused, for the note the page shows. */
  droppedReason?: string;
  /** What the page cut from the run's values on arrival (its value budget), for a note. */
  cut?: string;
};

/**
 * The runner's API as served on its MessagePort: the trace does not travel through a callback the
 * page would expose to the runner (Comlink would let the runner's code reach into the page through
 * it) but as plain messages on a second port, which the page validates. See `RunnerMessage`.
 */
export interface RunnerPortApi {
  /** Starts run number `token`; resolves once its `end` message has been posted. */
  run(request: RunRequest, token: number): Promise<void>;
  cancel(): Promise<void>;
  control(command: RunControl): Promise<void>;
  /** The current run's context as JSON text (`ctx.toDict()`), or null: untrusted, the page checks it. */
  savedContext(): Promise<string | null>;
  /** A run is waiting for this runner to say hello: it skips the warm-up rounds it has not begun. */
  hurry(): Promise<void>;
  /**
   * The page is idle: a TypeScript runner no run has come to runs its warm-up now (see
   * scriptWarmUp.ts). Resolves when it has ended; a run that comes meanwhile cuts it short.
   */
  warmUp(): Promise<void>;
}

/** What the runner posts on its events port. Untrusted on arrival: the page checks every field. */
export type RunnerMessage =
  | { type: 'hello' }
  | { type: 'beat' }
  /** Rows of the run's trace store, read back into records on the page (`TraceDecoder`); not trusted. */
  | { type: 'trace'; run: number; packet: TracePacket }
  | { type: 'end'; run: number; error: RunSetupError | null }
  /** User code called `close()`: the runner is about to end. */
  | { type: 'closing' }
  /** A memory snapshot of Python just started, before any run (later Python runners start from it). */
  | { type: 'snapshot'; bytes: Uint8Array }
  /**
   * User code posted on the runner's global scope. Said on this port, in order, so the page counts
   * it for the run before that run's `end` (the frame's relay of the same message may come later).
   */
  | { type: 'stray' };

/** What the sandbox frame (not the runner) reports on its supervisor port. */
export type SupervisorMessage =
  | { type: 'worker-error'; message: string }
  /** The runner's code posted on its global scope instead of its port. */
  | { type: 'stray' }
  /** The answer to the page's `ping`: the frame's process is alive. */
  | { type: 'pong' };

/** The page's handle on the runner: survives the runner worker being replaced. */
export interface RunnerClient {
  run(request: RunRequest, sink: TraceSink): Promise<RunEnd>;
  /** Cancels the current run; replaces the runner if it does not answer in time. Always settles. */
  stop(): Promise<'cancelled' | 'restarted' | 'idle'>;
  /** Pause, continue, single-step, set breakpoints or answer a question of the current run. */
  control(command: RunControl): Promise<void>;
  /**
   * The current run's context (`ctx.toDict()`), checked as a loaded file's is, to save with the run;
   * null when no run is going on, or a message when the runner gave nothing usable.
   */
  savedContext(): Promise<{ ok: true; context: SavedContext | null } | { ok: false; error: string }>;
  /** Gets a runner of this kind ready while the page is idle (Python: when the page turns to Python). */
  prepare(kind: 'typescript' | 'python'): void;
  dispose(): void;
}

/** The page's handle on the language worker. */
export interface LanguageClient extends LanguageApi {
  dispose(): void;
}

/** Graph layout off the main thread: ELK's JSON graph in, the same graph with positions and routes out. */
export interface LayoutClient {
  layout(graph: ElkNode): Promise<ElkNode>;
  dispose(): void;
}
