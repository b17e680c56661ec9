import type { CompileResult } from '../compiler/model.ts';
import type { CompletionList } from './protocol.ts';

/**
 * Python analysis for the page. It is a parser (Lezer's Python grammar) and a few milliseconds of work,
 * so it runs on the page without a worker; its code is fetched the first time the code is Python.
 */
export function analysePythonLazily(source: string): Promise<CompileResult> {
  return import('../compiler/python/index.ts').then((module) => module.analysePython(source));
}

/** Python completions for the editor, from the same reading (loaded with it, the first time it is needed). */
export function pythonCompletionsLazily(source: string, position: number): Promise<CompletionList | null> {
  return import('../compiler/python/index.ts').then((module) => module.pythonCompletions(source, position));
}
