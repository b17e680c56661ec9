/**
 * The page's `SourceLoader`: every example file (`.ts` and `.py`) below `src/tutorial/examples` and `src/examples`,
 * bundled as text with Vite's `?raw`. It is a function, not a module-level constant, so that merely
 * importing the tutorial in Node (the CLI, tests without Vite) does not reach for `import.meta.glob`.
 */
import type { SourceLoader } from './model.ts';

export function viteSourceLoader(): SourceLoader {
  const modules = import.meta.glob<string>(['./examples/**/*.ts', '../examples/**/*.ts', './examples/**/*.py', '../examples/**/*.py'], {
    query: '?raw',
    import: 'default',
    eager: true,
  });
  return mapLoader(modules);
}

/**
 * A loader over `{ key: text }` as Vite's glob returns it from this directory (`./examples/...` for
 * the tutorial's files, `../examples/...` for the shared ones), keyed by path below `src/`.
 */
export function mapLoader(modules: Readonly<Record<string, string>>): SourceLoader {
  const byPath = new Map<string, string>();
  for (const [key, text] of Object.entries(modules)) {
    byPath.set(key.startsWith('./') ? `tutorial/${key.slice(2)}` : key.replace(/^\.\.\//, ''), text);
  }
  return (path) => {
    const text = byPath.get(path);
    if (text === undefined) throw new Error(`No example source at src/${path}.`);
    return text;
  };
}
