/**
 * Node side of the compiler's inputs: TypeScript's standard library from `typescript/lib`, and the
 * `flowplay` module's declarations generated in memory from `src/engine` (no build step, so the CLI
 * works right after `npm install` and always matches the engine in the tree).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { REQUIRED_LIB_FILES } from '../compiler/index.ts';
import type { CompilerOptions } from '../compiler/index.ts';

const ENGINE_DIR = fileURLToPath(new URL('../engine/', import.meta.url));

export function loadLibFiles(): Record<string, string> {
  const libDir = dirname(createRequire(import.meta.url).resolve('typescript/lib/lib.es5.d.ts'));
  return Object.fromEntries(REQUIRED_LIB_FILES.map((name) => [name, readFileSync(join(libDir, name), 'utf8')]));
}

/**
 * Declarations of `src/engine` as `{ "index.d.ts": …, "trace.d.ts": … }`, emitted with
 * `emitDeclarationOnly` into memory. Emitting takes about a second, so the result is cached in the
 * OS temp directory keyed by a hash of the engine sources and the TypeScript version.
 */
export function generateFlowplayTypes(engineDir: string = ENGINE_DIR): Record<string, string> {
  const sources = readdirSync(engineDir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts'))
    .sort();
  const hash = createHash('sha256').update(ts.version);
  for (const name of sources) hash.update(name).update(readFileSync(join(engineDir, name)));
  const cacheFile = join(tmpdir(), 'flowplay-types', `${hash.digest('hex').slice(0, 16)}.json`);
  if (existsSync(cacheFile)) {
    try {
      return JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, string>;
    } catch {
      // A torn cache file is regenerated below.
    }
  }

  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    strict: true,
    declaration: true,
    emitDeclarationOnly: true,
    allowImportingTsExtensions: true,
    rewriteRelativeImportExtensions: false,
    experimentalDecorators: true,
    skipLibCheck: true,
    rootDir: engineDir,
    outDir: '/flowplay-types',
  };
  const program = ts.createProgram([join(engineDir, 'index.ts')], options);
  const files: Record<string, string> = {};
  program.emit(undefined, (fileName, text) => {
    files[relative('/flowplay-types', fileName).split('\\').join('/')] = text;
  }, undefined, true);
  if (!files['index.d.ts']) throw new Error(`Could not generate the flowplay declarations from ${engineDir}.`);
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(files));
  } catch {
    // Caching is an optimisation; a read-only temp directory only costs time.
  }
  return files;
}

/** Everything `createCompiler` needs for a full type check in Node. */
export function nodeCompilerFiles(): CompilerOptions {
  return { libFiles: loadLibFiles(), flowplayTypes: generateFlowplayTypes() };
}
