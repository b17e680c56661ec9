import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsBlankSpace from 'ts-blank-space';
import type { Plugin } from 'vite';

const WORKER_SOURCE = fileURLToPath(new URL('./serviceWorker.ts', import.meta.url));
/** Not worth keeping offline: the demo for docs authors and the static host's header rules. */
const SKIPPED = new Set(['sw.js', '_headers', 'embed-demo.html']);

function filesOf(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesOf(path, root) : [relative(root, path).split('\\').join('/')];
  });
}

/** `sw.js` for a finished build: the service worker with the build's files and a version from their contents. */
export function serviceWorkerScript(outDir: string): string {
  const files = filesOf(outDir)
    .filter((file) => !SKIPPED.has(file))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update(readFileSync(join(outDir, file)));
  const code = tsBlankSpace(readFileSync(WORKER_SOURCE, 'utf8'));
  return `const FLOWPLAY_VERSION = ${JSON.stringify(hash.digest('hex').slice(0, 12))};\nconst FLOWPLAY_FILES = ${JSON.stringify(files)};\n${code}`;
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
    closeBundle() {
      writeFileSync(join(outDir, 'sw.js'), serviceWorkerScript(outDir));
    },
  };
}
