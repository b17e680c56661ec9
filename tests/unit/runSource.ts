/** Test helper: compile a workflow file and run it as `flowplay run` does, keeping output and trace. */
import { readFileSync } from 'node:fs';
import { nodeCompilerFiles } from '../../src/cli/compilerFiles.ts';
import { runFile } from '../../src/cli/runFile.ts';
import { createCompiler, type CompileResult, type Compiler } from '../../src/compiler/index.ts';
import type { RunInput, SavedContext, TraceRecord, WorkflowHandler } from '../../src/engine/index.ts';

let compiler: Compiler | null = null;

export function sharedCompiler(): Compiler {
  compiler ??= createCompiler(nodeCompilerFiles());
  return compiler;
}

export function exampleSource(path: string): string {
  return readFileSync(new URL(`../../src/examples/${path}`, import.meta.url), 'utf8');
}

export interface SourceRun {
  compiled: CompileResult;
  lines: string[];
  trace: TraceRecord[];
  error?: unknown;
}

export interface SourceRunOptions {
  seed?: number;
  input?: Record<string, unknown>;
  /** Answers to the run's questions (InputRequiredEvent), in order; when they run out the run is cancelled. */
  answers?: readonly string[];
  /** Inputs to send again at their moments, as `--replay` does (a re-run or a fork of a run). */
  replay?: RunInput[];
}

/** Compiles `source` and runs it as `flowplay run` does (virtual clock, seed 0 by default). */
export async function runSource(source: string, options: SourceRunOptions = {}): Promise<SourceRun> {
  const compiled = sharedCompiler().compile(source);
  if (compiled.js === null) throw new Error(`does not compile: ${compiled.diagnostics.map((d) => d.message).join('; ')}`);
  const out: SourceRun = { compiled, lines: [], trace: [] };
  const answers = options.answers ?? [];
  let asked = 0;
  try {
    await runFile({
      js: compiled.js,
      workflowNames: compiled.workflows.map((w) => w.name),
      input: options.input ?? {},
      seed: options.seed ?? 0,
      clock: 'virtual',
      write: (line) => out.lines.push(...line.split('\n')),
      onTrace: (r) => out.trace.push(r),
      answer: async () => answers[asked++] ?? null,
      ...(options.replay ? { replay: options.replay } : {}),
    });
  } catch (error) {
    out.error = error;
  }
  return out;
}

/**
 * Runs `source` until it asks a question after `answers` have been given, then does what Save run does
 * with a waiting run: takes its context (`ctx.toDict()`) and its records so far, and cancels it.
 */
export async function saveWaitingRun(source: string, answers: readonly string[] = []): Promise<{ compiled: CompileResult; trace: TraceRecord[]; context: SavedContext }> {
  const compiled = sharedCompiler().compile(source);
  if (compiled.js === null) throw new Error(`does not compile: ${compiled.diagnostics.map((d) => d.message).join('; ')}`);
  const trace: TraceRecord[] = [];
  const handlers: WorkflowHandler[] = [];
  let saved: { trace: TraceRecord[]; context: SavedContext } | null = null;
  let asked = 0;
  await runFile({
    js: compiled.js,
    workflowNames: compiled.workflows.map((w) => w.name),
    input: {},
    seed: 0,
    clock: 'virtual',
    write: () => undefined,
    onTrace: (r) => trace.push(r),
    onRun: (h) => handlers.push(h),
    answer: async () => {
      if (asked < answers.length) return answers[asked++]!;
      // A question is asked as it is emitted: save once the run has published it and waits.
      await new Promise((resolve) => setTimeout(resolve, 0));
      saved ??= { trace: [...trace], context: handlers[0]!.ctx.toDict() };
      return null;
    },
  }).catch(() => undefined);
  if (!saved) throw new Error('the run never asked');
  return { compiled, ...(saved as { trace: TraceRecord[]; context: SavedContext }) };
}
