import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { PythonFiles } from '../worker/pythonAssetsLoader.ts';
import { shippedSnapshotFile, snapshotKey } from '../worker/pythonSnapshotStore.ts';

const SCRIPT = fileURLToPath(new URL('../../scripts/pythonSnapshot.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../..', import.meta.url));
/** Python's start-up in Node takes a few seconds; far longer means something hangs. */
const TIME_LIMIT_MS = 180_000;

export interface ShippedSnapshot {
  /** The key of the files it was made from (`snapshotKey`). */
  key: string;
  /** Where it goes in the app, under Pyodide's folder (gzipped, as `gzipped` gives it). */
  fileName: string;
  /** Python's memory as the runner restores it. */
  bytes: Uint8Array;
}

/** The files a snapshot is made from, as the page has them (`snapshotKey` names them). */
export type SnapshotSources = Omit<PythonFiles, 'starter'>;

/**
 * Python's start-up snapshot made at build time, so that a page's first Python runner starts from it
 * (about a second) instead of from scratch (several): `scripts/pythonSnapshot.ts` in a Node process of
 * its own (no network; the same sources give the same bytes), named by the key the page computes from
 * the files it loaded, so a page only ever fetches the snapshot of its own files.
 */
export async function buildShippedSnapshot(sources: SnapshotSources): Promise<ShippedSnapshot> {
  const dir = await mkdtemp(join(tmpdir(), 'flowplay-snapshot-'));
  try {
    const out = join(dir, 'startup.snapshot');
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, ['--import', 'tsx', SCRIPT, out], { cwd: REPO, timeout: TIME_LIMIT_MS }, (error, _stdout, stderr) =>
        error ? reject(new Error(`Python's start-up snapshot could not be made: ${stderr.slice(0, 2000) || error.message}`)) : resolve(),
      ),
    );
    const bytes = new Uint8Array(await readFile(out));
    const key = await snapshotKey(sources);
    return { key, fileName: shippedSnapshotFile(key), bytes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The snapshot as the app ships it: gzipped (about 30 MB of memory, mostly empty, to about 6 MB),
 * which no static host can be counted on to do for a file it does not know; the page unzips it.
 */
export function gzipped(bytes: Uint8Array): Uint8Array {
  return gzipSync(bytes);
}
