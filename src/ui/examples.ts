/**
 * The examples menu: the tutorial's examples and the larger workflows, read from their `.ts` files
 * (the same files the tests type-check and run). Ids are what `?example=<id>` names; `parallel`,
 * `collect`, `different-types` and `map-reduce` keep the ids of the first playground.
 */
import { loadExamples, viteSourceLoader } from '../tutorial/index.ts';
import type { Example } from '../tutorial/index.ts';

export type { Example };

export const EXAMPLES: readonly Example[] = loadExamples(viteSourceLoader());

/** What a first visit shows: the concurrency example the playground has always opened with. */
export const DEFAULT_EXAMPLE: Example = EXAMPLES.find((example) => example.id === 'parallel') ?? EXAMPLES[0]!;

export function exampleById(id: string): Example | undefined {
  return EXAMPLES.find((example) => example.id === id);
}

/** `?example=<id>` opens a built-in example; anything else opens the default one. */
export function exampleFromLocation(search: string): Example {
  const id = new URLSearchParams(search).get('example');
  return (id !== null ? exampleById(id) : undefined) ?? DEFAULT_EXAMPLE;
}

/** An example in the given language: its Python version when asked and there is one. */
export function exampleIn(example: Example, lang: 'typescript' | 'python'): string | undefined {
  return lang === 'python' ? example.pythonSource : example.source;
}

/** The example whose text (in either language) is exactly `source`, if the code is one unedited. */
export function exampleShowing(source: string): Example | undefined {
  return EXAMPLES.find((example) => example.source === source || example.pythonSource === source);
}
