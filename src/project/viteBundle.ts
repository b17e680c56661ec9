import { build } from 'vite';
import type { LibraryFormats, Plugin } from 'vite';

export interface BundleOptions {
  entry: string;
  format: LibraryFormats;
  /** The global an `iife` bundle assigns its exports to. */
  name?: string;
  minify?: boolean;
  plugins?: Plugin[];
  /** Imports left as they are (Node built-ins of a Node entry, or a module shipped beside it). */
  external?: (id: string) => boolean;
  /** For an `iife` bundle: the globals its external imports are read from, by import id. */
  globals?: Record<string, string>;
}

/** One entry and everything it imports as one script, built in memory with the project's Vite. */
export async function bundleEntry(options: BundleOptions): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    plugins: options.plugins ?? [],
    build: {
      write: false,
      target: 'es2022',
      minify: options.minify ?? true,
      emptyOutDir: false,
      lib: { entry: options.entry, formats: [options.format], ...(options.name ? { name: options.name } : {}), fileName: () => 'bundle.js' },
      rollupOptions: {
        ...(options.external ? { external: options.external } : {}),
        ...(options.globals ? { output: { globals: options.globals } } : {}),
      },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if (!('output' in result)) continue;
    const chunk = result.output.find((item) => item.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error(`The bundle of ${options.entry} came out empty.`);
}
