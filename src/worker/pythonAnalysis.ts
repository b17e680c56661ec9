import type { CompileResult } from '../compiler/model.ts';

/**
 * Python analysis for the page. It is a parser (Lezer's Python grammar) and a few milliseconds of work,
 * so it runs on the page without a worker; its code is fetched the first time the code is Python.
 */
export function analysePythonLazily(source: string): Promise<CompileResult> {
  return import('../compiler/python/index.ts').then((module) => module.analysePython(source));
}
