/**
 * What the compiler tells everyone else about a source file: the workflows it defines, the graph to
 * draw, the problems to mark, and the JavaScript to run. Plain data (JSON-safe) so it crosses the
 * worker boundary unchanged and can be compared as data in tests.
 */

/** A span of the user's source. Offsets are 0-based UTF-16; lines and columns are 1-based. */
export interface SourceRange {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  message: string;
  range: SourceRange;
  /** Stable identifier of the rule, e.g. `syntax`, `type`, `unconsumed-event`, `send-undeclared`. */
  code: string;
  source: 'typescript' | 'flowplay';
  /** TypeScript's own error number (e.g. 2322) for `source: 'typescript'`. */
  tsCode?: number;
  /** The graph node (a step) the problem is about, so the graph can mark it. */
  node?: string;
  /** A quick fix the editor offers: replacements of spans of the analysed source. */
  fix?: { title: string; edits: { start: number; end: number; text: string }[] };
}

/** `step-failed`: the engine sends it to a `@catchError` step; no step needs to produce it. */
export type EventRole = 'start' | 'stop' | 'input-required' | 'human-response' | 'step-failed' | 'event';

export interface EventField {
  name: string;
  type: string;
}

export interface EventInfo {
  /** Class name, which is the event's type name. */
  name: string;
  role: EventRole;
  /** Defined in this file (false for the built-ins from `flowplay`). */
  local: boolean;
  /** The class it extends, when that is another event of this file or a built-in. */
  base: string | null;
  fields: EventField[];
  range: SourceRange | null;
}

export interface CollectSite {
  /** Expected types in the order written, e.g. `[A, A, A]` or `Array(n).fill(A)` (count null when unknown). */
  types: { type: string; count: number | null }[];
  bufferId: string | null;
  range: SourceRange;
}

export interface SendSite {
  type: string;
  /** The step named in `sendEvent(ev, "name")`. */
  target: string | null;
  range: SourceRange;
}

/** A step parameter filled from a factory (`memory = Resource(getMemory)`). */
export interface ResourceUse {
  param: string;
  /** The factory's name, which is the resource's name. */
  factory: string;
  /** False for `Resource(f, { cache: false })`: a new value per invocation. */
  cache: boolean;
  range: SourceRange;
}

/** A resource factory a workflow's steps reach, directly or through another factory. */
export interface ResourceInfo {
  name: string;
  /** Factories its own parameter defaults ask for. */
  dependsOn: string[];
  /** Its name in the file, or null when the file does not declare it at the top level. */
  range: SourceRange | null;
}

export interface StepInfo {
  name: string;
  accepts: string[];
  /** Types from the return annotation (without null/undefined/void). */
  returns: string[];
  /** Returns an array (`Promise<Task[]>`): typed fan-out. */
  fanOut: boolean;
  /** Event parameter is an array (`evs: Done[]`): typed fan-in, called once per batch. */
  gather: boolean;
  /** Takes a context parameter before the event. */
  withContext: boolean;
  numWorkers: number;
  retry: { maxAttempts: number; delay: number; backoff?: number } | null;
  sends: SendSite[];
  collects: CollectSite[];
  /** Graph checks the step opts out of (`@step({ skipGraphChecks: ['reachability'] })`). */
  skipGraphChecks: string[];
  /** Workflow classes of this file the step constructs (`new Child()`): drawn as child workflows. */
  children: string[];
  /** Parameters after the event whose default is `Resource(…)`, in order. */
  resources?: ResourceUse[];
  /** Set on `@catchError` steps: the steps it names, or null for every step no other handler names. */
  catchError?: { forSteps: string[] | null };
  /** The whole method, and its name alone. */
  range: SourceRange;
  nameRange: SourceRange;
}

export interface WorkflowInfo {
  name: string;
  steps: StepInfo[];
  /** Graph checks skipped by every construction in the file (`new W({ skipGraphChecks: [...] })`). */
  skipGraphChecks: string[];
  /** The resource factories its steps use, and those the factories use. */
  resources?: ResourceInfo[];
  range: SourceRange;
}

/**
 * `external` and `child` are never in the compiler's model: the drawing adds them (`drawnGraph` in
 * src/inspect) for the person who answers a human-in-the-loop question and for the connectors of a
 * child workflow, as the library's drawing has them.
 */
export type GraphNodeKind = 'step' | 'event' | 'resource' | 'external' | 'child';

export interface GraphNode {
  /** `step:<name>` / `event:<Type>`, prefixed `<Workflow>/` when the file defines several workflows. */
  id: string;
  kind: GraphNodeKind;
  label: string;
  workflow: string;
  /** For step nodes. */
  step?: {
    name: string;
    numWorkers: number;
    gather: boolean;
    fanOut: boolean;
    /** Fan-in summary per collect site, e.g. `3 x StepThreeEvent`. */
    collects: string[];
    /** Graph checks the step opts out of. */
    skipGraphChecks?: string[];
    /** Workflows of the file the step starts (drawn inside it, as the library draws child workflows). */
    children?: string[];
    range: SourceRange;
    /** Its name alone, where problems about the whole step are marked. */
    nameRange?: SourceRange;
  };
  /** For event nodes. */
  event?: { type: string; role: EventRole; range: SourceRange | null };
  /** For resource nodes: the factory, drawn feeding the steps that use it. */
  resource?: { name: string; range: SourceRange | null };
  /** For `child` nodes: the step that starts the child workflow, and which way the connector points. */
  child?: { workflow: string; step: string; direction: 'calls' | 'returns' };
}

/**
 * `uses`: resource -> step (labelled with the parameter); `depends`: resource -> the factory that asks
 * for it; `catches`: step -> the `@catchError` step its final failure goes to (dashed, labelled `on
 * failure`). `external` and `child` edges belong to the drawing's added nodes (see `GraphNodeKind`).
 */
export type GraphEdgeKind = 'returns' | 'sends' | 'accepts' | 'uses' | 'depends' | 'catches' | 'external' | 'child';

export interface GraphEdge {
  /** `<source>-><target>` */
  id: string;
  source: string;
  target: string;
  kind: GraphEdgeKind;
  /** Sent but not declared in the return type: drawn dashed, with a warning. Resource edges are dashed too. */
  dashed: boolean;
  /** The parameter a resource fills, on `uses` edges; `on failure` on `catches` edges. */
  label?: string;
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface CompileResult {
  workflows: WorkflowInfo[];
  events: EventInfo[];
  graph: GraphModel;
  diagnostics: Diagnostic[];
  /**
   * Runnable JavaScript, or null when the source has syntax errors. It is the body of an async function
   * with one parameter `flowplay` (the engine's module namespace); `import … from "flowplay"` is turned
   * into reads of that parameter, top-level `await` works, and the body ends by returning
   * `{ workflows: { <Name>: <class>, … } }` for every Workflow subclass it defines.
   */
  js: string | null;
}
