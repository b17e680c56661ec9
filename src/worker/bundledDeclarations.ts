/**
 * What the language worker's TypeScript reads instead of a file system: the ES library declarations
 * from the installed `typescript` package and the engine's own source as the `flowplay` module. Both
 * are bundled into the worker at build time; nothing is fetched.
 */
const libSources = import.meta.glob('/node_modules/typescript/lib/lib.es{5,20*}.d.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const engineSources = import.meta.glob(['../engine/**/*.ts', '!../engine/**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Library files by name (`lib.es5.d.ts`, …). */
export function libFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(libSources)) files[path.slice(path.lastIndexOf('/') + 1)] = text;
  return files;
}

/** The `flowplay` module: the engine's sources, entered through an `index.d.ts` that re-exports them. */
export function flowplayTypes(): Record<string, string> {
  const files: Record<string, string> = { 'index.d.ts': "export * from './index.ts';\n" };
  for (const [path, text] of Object.entries(engineSources)) files[path.replace(/^\.\.\/engine\//, '')] = text;
  return files;
}
