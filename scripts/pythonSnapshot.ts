/**
 * Makes the start-up snapshot the build ships (see src/sandbox/pythonSnapshotBuild.ts) and writes it
 * to the file named by the first argument: Python started in Node from the same Pyodide files the
 * page loads, with Flowplay's runtime module imported as the page's runner does before it snapshots.
 *
 * Run in a process of its own because it makes the start-up deterministic for the whole process: the
 * clock stands still (file times in Python's import caches) and the entropy Python seeds itself from
 * (its hash secret, `random`'s first state, libc's generator) comes from a fixed sequence, so the same
 * sources always give the same bytes. Every run reseeds `random` from the run's seed; `os.urandom`
 * and `secrets` still read fresh entropy from the browser each call.
 */
import nodeCrypto from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';
import { importRuntimeForSnapshot } from '../src/python/snapshotPreparation.ts';

/** 2026-01-01T00:00:00Z: any fixed time will do. */
const FIXED_NOW = 1_767_225_600_000;

/** A fixed stream of bytes (xorshift32), standing in for the entropy source while the snapshot is made. */
function fixedEntropy(): <T extends NodeJS.ArrayBufferView>(view: T) => T {
  let state = 0x9e3779b9;
  return (view) => {
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    for (let i = 0; i < bytes.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      bytes[i] = state & 0xff;
    }
    return view;
  };
}

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: pythonSnapshot.ts OUT_FILE');
  Date.now = () => FIXED_NOW;
  // Monotonic time, too: it only has to go forward, by a fixed step.
  let monotonic = 0;
  performance.now = () => (monotonic += 1);
  const entropy = fixedEntropy();
  Math.random = () => entropy(new Uint32Array(1))[0]! / 2 ** 32;
  // Pyodide draws its entropy in Node from `node:crypto`'s randomFillSync (the same module object).
  (nodeCrypto as { randomFillSync: unknown }).randomFillSync = entropy;
  const pyodideDir = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
  const runtime = readFileSync(fileURLToPath(new URL('../src/python/flowplay_runtime.py', import.meta.url)), 'utf8');
  const pyodide = await loadPyodide({
    indexURL: `${pyodideDir}/`,
    lockFileContents: readFileSync(join(pyodideDir, 'pyodide-lock.json'), 'utf8'),
    _makeSnapshot: true,
  });
  importRuntimeForSnapshot(pyodide, runtime);
  writeFileSync(out, pyodide.makeMemorySnapshot());
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
