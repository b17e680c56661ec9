import analyses from 'virtual:flowplay-initial-analysis';
import type { CompileResult } from '../compiler/model.ts';

/**
 * The analysis computed at build time for `source`, when it is one the page ships with (the default
 * example): its graph can be drawn, and run, before the language worker has loaded TypeScript.
 */
export function shippedAnalysis(source: string): CompileResult | null {
  return analyses.find((entry) => entry.source === source)?.analysis ?? null;
}
