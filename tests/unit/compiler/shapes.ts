/** Reduces compiler output to small data shapes that tests compare whole. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompileResult, Diagnostic } from '../../../src/compiler/index.ts';

// Plain paths, not URLs: under happy-dom the global URL is the DOM's, which `fs` does not accept.
const HERE = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(HERE, '../../fixtures/compiler');
export const EXAMPLES = join(HERE, '../../../src/examples');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function example(name: string): string {
  return readFileSync(join(EXAMPLES, name), 'utf8');
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
