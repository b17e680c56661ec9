/** Reduces compiler output to small data shapes that tests compare whole. */
import { readFileSync } from 'node:fs';
import type { CompileResult, Diagnostic } from '../../../src/compiler/index.ts';

export const FIXTURES = new URL('../../fixtures/compiler/', import.meta.url);
export const EXAMPLES = new URL('../../../src/examples/', import.meta.url);

export function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

export function example(name: string): string {
  return readFileSync(new URL(name, EXAMPLES), 'utf8');
}

/** `source -> target` plus ` (sends)` / ` (sends, dashed)` when not a plain edge. */
export function edges(result: CompileResult): string[] {
  return result.graph.edges.map((e) => {
    const note = e.dashed ? ' (sends, dashed)' : e.kind === 'sends' ? ' (sends)' : '';
    return `${e.source} -> ${e.target}${note}`;
  });
}

/** `line:col severity code: message` for Flowplay diagnostics; TypeScript's as `line:col severity TSnnnn`. */
export function diagnostics(result: CompileResult, filter: (d: Diagnostic) => boolean = () => true): string[] {
  return result.diagnostics.filter(filter).map((d) =>
    d.source === 'typescript'
      ? `${d.range.line}:${d.range.column} ${d.severity} TS${d.tsCode}`
      : `${d.range.line}:${d.range.column} ${d.severity} ${d.code}: ${d.message}`,
  );
}

export function steps(result: CompileResult): Record<string, string> {
  const out: Record<string, string> = {};
  for (const w of result.workflows) {
    for (const s of w.steps) {
      const flags = [s.withContext ? 'ctx' : 'no-ctx', s.gather ? 'gather' : '', s.fanOut ? 'fan-out' : '', `workers=${s.numWorkers}`];
      out[`${w.name}.${s.name}`] = `(${s.accepts.join(' | ')}) => ${s.returns.join(' | ') || '-'} [${flags.filter(Boolean).join(' ')}]`;
    }
  }
  return out;
}
