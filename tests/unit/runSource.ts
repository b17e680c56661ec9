/** Test helper: compile a workflow file and run it as `flowplay run` does, keeping output and trace. */
import { readFileSync } from 'node:fs';
import { nodeCompilerFiles } from '../../src/cli/compilerFiles.ts';
import { runFile } from '../../src/cli/runFile.ts';
import { createCompiler, type Compiler } from '../../src/compiler/index.ts';
import type { TraceRecord } from '../../src/engine/index.ts';

let compiler: Compiler | null = null;

export function sharedCompiler(): Compiler {
  compiler ??= createCompiler(nodeCompilerFiles());
  return compiler;
}

export function exampleSource(path: string): string {
  return readFileSync(new URL(`../../src/examples/${path}`, import.meta.url), 'utf8');
}

export interface SourceRun {
  lines: string[];
  trace: TraceRecord[];
  error?: unknown;
}

export async function runSource(source: string, options: { seed?: number; input?: Record<string, unknown> } = {}): Promise<SourceRun> {
  const result = sharedCompiler().compile(source);
  if (result.js === null) throw new Error(`does not compile: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  const out: SourceRun = { lines: [], trace: [] };
  try {
    await runFile({
      js: result.js,
      workflowNames: result.workflows.map((w) => w.name),
      input: options.input ?? {},
      seed: options.seed ?? 0,
      clock: 'virtual',
      write: (line) => out.lines.push(...line.split('\n')),
      onTrace: (r) => out.trace.push(r),
    });
  } catch (error) {
    out.error = error;
  }
  return out;
}
