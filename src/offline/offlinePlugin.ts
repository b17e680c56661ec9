import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsBlankSpace from 'ts-blank-space';
import type { Plugin } from 'vite';
import { headersFor } from '../sandbox/securityHeaders.ts';
import { RUNTIME_FILE_PATTERNS, isRuntimeFile } from './runtimeFiles.ts';

const WORKER_SOURCE = fileURLToPath(new URL('./serviceWorker.ts', import.meta.url));
/** Not worth keeping offline: the demo for docs authors and the static host's header rules. */
const SKIPPED = new Set(['sw.js', '_headers', 'embed-demo.html']);

function filesOf(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesOf(path, root) : [relative(root, path).split('\\').join('/')];
  });
}

const digest = (outDir: string, files: string[]) => {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update(readFileSync(join(outDir, file)));
  return hash.digest('hex').slice(0, 12);
};

/**
 * `sw.js` for a finished build: the service worker with the files to install, a version from the
 * contents of every file, the runtime files kept on first use (and a version of their own, so a
 * deployment that leaves the Python runtime as it was keeps what a visitor already fetched), and the
 * headers the sandbox page must have however it is served.
 */
export function serviceWorkerScript(outDir: string): string {
  const files = filesOf(outDir)
    .filter((file) => !SKIPPED.has(file))
    .sort();
  const runtime = files.filter(isRuntimeFile);
  const code = tsBlankSpace(readFileSync(WORKER_SOURCE, 'utf8'));
  return [
    `const FLOWPLAY_VERSION = ${JSON.stringify(digest(outDir, files))};`,
    `const FLOWPLAY_FILES = ${JSON.stringify(files.filter((file) => !isRuntimeFile(file)))};`,
    `const FLOWPLAY_RUNTIME_VERSION = ${JSON.stringify(runtime.length > 0 ? digest(outDir, runtime) : 'none')};`,
    `const FLOWPLAY_RUNTIME_PATTERNS = [${RUNTIME_FILE_PATTERNS.map(String).join(', ')}];`,
    `const FLOWPLAY_SANDBOX_HEADERS = ${JSON.stringify(headersFor('/sandbox.html'))};`,
    code,
  ].join('\n');
}

/** Writes `sw.js` once the build is on disk (it lists every file, including the copied public ones). */
export function offlinePlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'flowplay-offline',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // After every other plugin has written its files (a runtime copied into the build among them).
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        writeFileSync(join(outDir, 'sw.js'), serviceWorkerScript(outDir));
      },
    },
  };
}
