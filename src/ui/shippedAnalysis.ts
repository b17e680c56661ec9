import analyses from 'virtual:flowplay-initial-analysis';
import type { CompileResult } from '../compiler/model.ts';
import type { GraphLayout } from '../inspect/index.ts';

/**
 * The analysis computed at build time for `source`, when it is one the page ships with (the default
 * example): its graph can be drawn, and run, before the language worker has loaded TypeScript.
 */
export function shippedAnalysis(source: string): CompileResult | null {
  return analyses.find((entry) => entry.source === source)?.analysis ?? null;
}

/** The layouts of the shipped analyses' graphs, so the first graph needs no layout worker either. */
export function shippedLayouts(): GraphLayout[] {
  return analyses.flatMap((entry) => (entry.layout ? [entry.layout] : []));
}
