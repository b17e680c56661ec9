/**
 * Test helper: compile a tutorial or example file and run it the way the playground does (virtual
 * clock, fixed seed), answering each question the run asks from a script, as a person would in the
 * page. Unlike `runSource` it holds the run's handler, which human-in-the-loop runs need.
 */
import { readFileSync } from 'node:fs';
import { format } from 'node:util';
import * as engine from '../../../src/engine/index.ts';
import type { TraceRecord, WorkflowHandler } from '../../../src/engine/index.ts';
import type { CompileResult } from '../../../src/compiler/index.ts';
import { answerDue } from '../../../src/tutorial/index.ts';
import { sharedCompiler } from '../runSource.ts';

export interface DrivenRun {
  compiled: CompileResult;
  lines: string[];
  trace: TraceRecord[];
  error?: unknown;
}

export interface DriveOptions {
  seed?: number;
  input?: Record<string, unknown>;
  answers?: readonly string[];
}

const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<{ workflows?: Record<string, unknown> } | undefined>;

/** Reads a file below `src/`, as the tutorial's source loader does in Node. */
export function readSrc(path: string): string {
  return readFileSync(new URL(`../../../src/${path}`, import.meta.url), 'utf8');
}

export async function driveSource(source: string, options: DriveOptions = {}): Promise<DrivenRun> {
  const compiled = sharedCompiler().compile(source);
  const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
  if (compiled.js === null || errors.length > 0) {
    throw new Error(`does not compile: ${errors.map((d) => `${d.range.line}:${d.range.column} ${d.message}`).join('; ')}`);
  }
  const out: DrivenRun = { compiled, lines: [], trace: [] };
  const answers = options.answers ?? [];
  let handler: WorkflowHandler | null = null;
  const previous = engine.setRunDefaults({
    clock: 'virtual',
    seed: options.seed ?? 0,
    onTrace: (record) => {
      // One trace, one run: the first run the code starts, as the playground's runner keeps.
      const first = out.trace[0]?.runId;
      if (first !== undefined && record.runId !== first) return;
      out.trace.push(record);
      const answer = answerDue(out.trace, answers);
      // Answer after the engine finished the current step of its own: never re-enter it from a listener.
      if (answer !== null) setTimeout(() => handler?.sendEvent(new engine.HumanResponseEvent({ response: answer })), 0);
    },
    onRun: (h) => {
      handler ??= h;
    },
    log: (line) => out.lines.push(line),
  });
  const print = (...args: unknown[]) => {
    const text = format(...args);
    engine.logToCurrentRun('log', text);
    out.lines.push(...text.split('\n'));
  };
  const userConsole = { log: print, info: print, warn: print, error: print, debug: print };
  try {
    const exported = await new AsyncFunction('flowplay', 'console', compiled.js)(engine, userConsole);
    if (handler === null) {
      // A file that only defines its workflow is started by the host, as in the playground.
      const Flow = exported?.workflows?.[compiled.workflows[0]?.name ?? ''];
      if (typeof Flow === 'function') {
        const result: unknown = await new (Flow as new () => engine.Workflow)().run(options.input ?? {});
        print(result);
      }
    } else {
      await handler;
    }
  } catch (error) {
    out.error = error;
  } finally {
    engine.setRunDefaults(previous);
  }
  // Cancelled invocations report their end right after the run settles.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return out;
}
