import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { ENGINE_GLOBAL, STARTER_GLOBAL } from '../python/pythonAssets.ts';
import { ENGINE_ENTRY } from '../project/enginePackage.ts';
import { bundleEntry } from '../project/viteBundle.ts';
import { SHIPPED_SNAPSHOT_MANIFEST, shippedSnapshotFile } from '../worker/pythonSnapshotStore.ts';
import { buildShippedSnapshot, gzipped } from './pythonSnapshotBuild.ts';

const RUNTIME_SOURCE = fileURLToPath(new URL('../python/flowplay_runtime.py', import.meta.url));
const STARTER_ENTRY = fileURLToPath(new URL('../python/runnerPython.ts', import.meta.url));
const VIRTUAL_STARTER = 'virtual:flowplay-python-starter';
const RESOLVED_STARTER = `\0${VIRTUAL_STARTER}`;
/** How `src/python` imports the engine; Vite's resolver takes relative imports before plugins see them. */
const ENGINE_IMPORT = '../engine/index.ts';

/** Pyodide's files the runner needs, served from the app under `pyodide/` (never from a CDN). */
export const PYODIDE_FILES = ['pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'] as const;
export const PYODIDE_DIR = 'pyodide';
const SHIPPED_SNAPSHOT = new RegExp(`/${PYODIDE_DIR}/${shippedSnapshotFile('[0-9a-f]+').replaceAll('.', '\\.')}$`);

function arrayBuffer(bytes: Buffer): ArrayBuffer {
  return new Uint8Array(bytes).buffer;
}

function pyodideDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
}

/**
 * Python for the page's runner:
 * - `pyodide/*`: Pyodide's interpreter and standard library, copied from the npm package into the
 *   build (and served by the dev server). The page fetches them only when Python is used; they are
 *   not part of what the service worker installs up front (it keeps them on first use).
 * - `pyodide/startup-<key>.snapshot.gz` and `startup-snapshot.json`, which names its key (build only):
 *   Python's memory right after start-up with the runtime module imported, made in Node from the same
 *   files (src/sandbox/pythonSnapshotBuild.ts), so a cold page's first Python runner starts from it.
 *   Fetched beside the others, only when Python is used.
 * - `virtual:flowplay-python-starter`: `src/python/runnerPython.ts` and what it imports (Pyodide's
 *   loader, the bridge) as one classic script, as text, with the engine left out: it runs on the
 *   runner's own engine, which the runner passes in.
 */
export function pythonPlugin(): Plugin {
  let starter: Promise<string> | null = null;
  const starterCode = () =>
    (starter ??= bundleEntry({
      entry: STARTER_ENTRY,
      format: 'iife',
      name: STARTER_GLOBAL,
      globals: { [ENGINE_IMPORT]: ENGINE_GLOBAL, [ENGINE_ENTRY]: ENGINE_GLOBAL },
      // The engine is the runner's; Pyodide's loader reaches for the others only in Node.
      external: (id) => id === ENGINE_IMPORT || id === ENGINE_ENTRY || id.startsWith('node:') || id === 'ws',
    }));
  return {
    name: 'flowplay-python',
    resolveId(id) {
      return id === VIRTUAL_STARTER ? RESOLVED_STARTER : null;
    },
    async load(id) {
      if (id !== RESOLVED_STARTER) return null;
      return `export default ${JSON.stringify(await starterCode())};`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        const name = PYODIDE_FILES.find((file) => path.endsWith(`/${PYODIDE_DIR}/${file}`));
        if (!name && (SHIPPED_SNAPSHOT.test(path) || path.endsWith(`/${PYODIDE_DIR}/${SHIPPED_SNAPSHOT_MANIFEST}`))) {
          // Only the build makes one (seconds of work); without it Python starts from scratch.
          res.statusCode = 404;
          res.end();
          return;
        }
        if (!name) return next();
        res.setHeader('Content-Type', name.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream');
        res.end(readFileSync(join(pyodideDir(), name)));
      });
      server.watcher.on('change', (file) => {
        // The starter's sources, and the table of modules it serves (shared with the analyser).
        if (/[/\\]src[/\\](engine|python|compiler[/\\]python)[/\\]/.test(file)) {
          starter = null;
          const module = server.moduleGraph.getModuleById(RESOLVED_STARTER);
          if (module) server.moduleGraph.invalidateModule(module);
        }
      });
    },
    async generateBundle() {
      const files = Object.fromEntries(PYODIDE_FILES.map((name) => [name, readFileSync(join(pyodideDir(), name))]));
      for (const name of PYODIDE_FILES) {
        this.emitFile({ type: 'asset', fileName: `${PYODIDE_DIR}/${name}`, source: files[name]! });
      }
      const snapshot = await buildShippedSnapshot({
        runtime: readFileSync(RUNTIME_SOURCE, 'utf8'),
        asm: files['pyodide.asm.mjs']!.toString('utf8'),
        wasm: arrayBuffer(files['pyodide.asm.wasm']!),
        stdlib: arrayBuffer(files['python_stdlib.zip']!),
        lock: files['pyodide-lock.json']!.toString('utf8'),
      });
      const shipped = gzipped(snapshot.bytes);
      this.emitFile({ type: 'asset', fileName: `${PYODIDE_DIR}/${snapshot.fileName}`, source: shipped });
      this.emitFile({ type: 'asset', fileName: `${PYODIDE_DIR}/${SHIPPED_SNAPSHOT_MANIFEST}`, source: `${JSON.stringify({ key: snapshot.key })}\n` });
      this.info(`Python start-up snapshot ${PYODIDE_DIR}/${snapshot.fileName}: ${(snapshot.bytes.byteLength / 1e6).toFixed(1)} MB, ${(shipped.byteLength / 1e6).toFixed(1)} MB gzipped`);
    },
  };
}
