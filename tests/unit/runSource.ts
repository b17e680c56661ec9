/** Test helper: compile a workflow file and run it as `flowplay run` does, keeping output and trace. */
import { readFileSync } from 'node:fs';
import { nodeCompilerFiles } from '../../src/cli/compilerFiles.ts';
import { runFile } from '../../src/cli/runFile.ts';
import { createCompiler, type CompileResult, type Compiler } from '../../src/compiler/index.ts';
import type { RunInput, TraceRecord } from '../../src/engine/index.ts';

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
