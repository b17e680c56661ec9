/** The built-in examples, read from their `.ts` files (the same files the tests type-check and run). */
import parallel from '../examples/concurrency/parallel.ts?raw';
import collect from '../examples/concurrency/collect.ts?raw';
import differentTypes from '../examples/concurrency/collect-different-types.ts?raw';
import mapReduce from '../examples/concurrency/map-reduce.ts?raw';

export interface Example {
  id: string;
  title: string;
  source: string;
}

export const EXAMPLES: readonly Example[] = [
  { id: 'parallel', title: 'Parallel: first to finish wins', source: parallel },
  { id: 'collect', title: 'Collect: wait for all three', source: collect },
  { id: 'different-types', title: 'Collect different event types', source: differentTypes },
  { id: 'map-reduce', title: 'Map-reduce with ctx.set', source: mapReduce },
];

export const DEFAULT_EXAMPLE = EXAMPLES[0]!;

/** `?example=<id>` opens a built-in example; anything else opens the default one. */
export function exampleFromLocation(search: string): Example {
  const id = new URLSearchParams(search).get('example');
  return EXAMPLES.find((example) => example.id === id) ?? DEFAULT_EXAMPLE;
}
