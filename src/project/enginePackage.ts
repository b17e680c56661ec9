/**
 * The engine as a package of its own, generated from `src/engine` where it lives: one ES module
 * (`index.js`), its declarations and a `package.json`. The page's runner, the downloaded project and
 * `npm run build:engine` all take the engine from this one build.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { generateFlowplayTypes } from '../cli/compilerFiles.ts';
import { bundleEntry } from './viteBundle.ts';

export const ENGINE_ENTRY = fileURLToPath(new URL('../engine/index.ts', import.meta.url));
const PACKAGE_JSON = fileURLToPath(new URL('../../package.json', import.meta.url));
const BUILT_ENGINE = '\0flowplay-engine-build';

let engineCode: Promise<string> | null = null;

/** The engine's ES module, built once per process (or after `forgetEngineBuild`). */
export function engineModule(): Promise<string> {
  // Not minified: it is read by people who download a project, and it is small.
  engineCode ??= bundleEntry({ entry: ENGINE_ENTRY, format: 'es', minify: false });
  return engineCode;
}

/** Called when the engine's sources change (dev server), so the next build sees them. */
export function forgetEngineBuild(): void {
  engineCode = null;
}

/** Does `source`, imported from `importer`, name the engine's entry? */
function isEngineEntry(source: string, importer: string | undefined): boolean {
  if (!importer || !source.startsWith('.')) return false;
  return resolve(dirname(importer), source) === ENGINE_ENTRY;
}

/** Bundles that import the engine get the built module instead of its sources: the same code everywhere. */
export function useBuiltEngine(code: string): Plugin {
  return {
    name: 'flowplay-built-engine',
    resolveId(source, importer) {
      return isEngineEntry(source, importer) ? BUILT_ENGINE : null;
    },
    load(id) {
      return id === BUILT_ENGINE ? code : null;
    },
  };
}

/** Bundles shipped beside the engine package import it from there instead of carrying a copy. */
export function engineBeside(specifier: string): Plugin {
  return {
    name: 'flowplay-engine-beside',
    resolveId(source, importer) {
      return isEngineEntry(source, importer) ? { id: specifier, external: true } : null;
    },
  };
}

/**
 * The package's files by path: `package.json`, `index.js`, and `index.d.ts` with the declarations it
 * re-exports. Declaration imports name `.js` files, as a published package's do.
 */
export async function enginePackageFiles(): Promise<Record<string, string>> {
  const app = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string };
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify(
      {
        name: 'flowplay',
        version: app.version,
        description: 'The workflow engine of Flowplay: event-driven workflows with steps, in the style of LlamaIndex Workflows.',
        type: 'module',
        main: './index.js',
        types: './index.d.ts',
        exports: { '.': { types: './index.d.ts', default: './index.js' } },
        sideEffects: false,
        engines: { node: '>=20' },
      },
      null,
      2,
    )}\n`,
    'index.js': await engineModule(),
  };
  for (const [name, text] of Object.entries(generateFlowplayTypes())) {
    files[name] = text.replace(/(from\s+|import\()(['"])(\.\.?\/[^'"]+)\.ts\2/g, '$1$2$3.js$2');
  }
  return files;
}
