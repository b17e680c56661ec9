/** The playground's React components and their composition root. */
export { App } from './App.tsx';
export { createPlayground, PlaygroundContext, usePlayground } from './playground.ts';
export type { Playground } from './playground.ts';
export { EXAMPLES, DEFAULT_EXAMPLE, exampleById, exampleFromLocation } from './examples.ts';
export type { Example } from './examples.ts';
