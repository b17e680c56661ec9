/**
 * The start-up snapshot the build ships: made in Node from the same files the page loads, it must
 * restore into a working Python (the page's runner restores it the same way, from the same bytes),
 * come out the same for the same sources, and be named by the key the page computes from its files.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadPyodide } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareRuntime } from '../../../src/python/pythonRuntime.ts';
import { buildShippedSnapshot, type ShippedSnapshot, type SnapshotSources } from '../../../src/sandbox/pythonSnapshotBuild.ts';
import { WARM_UP_SOURCE } from '../../../src/worker/pythonWarmUp.ts';
import { shippedSnapshotFile, snapshotKey } from '../../../src/worker/pythonSnapshotStore.ts';
import { runPython } from './runPython.ts';

const pyodideDir = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
const read = (name: string) => readFileSync(join(pyodideDir, name));

const sources: SnapshotSources = {
  runtime: readFileSync(new URL('../../../src/python/flowplay_runtime.py', import.meta.url), 'utf8'),
  asm: read('pyodide.asm.mjs').toString('utf8'),
  wasm: new Uint8Array(read('pyodide.asm.wasm')).buffer,
  stdlib: new Uint8Array(read('python_stdlib.zip')).buffer,
  lock: read('pyodide-lock.json').toString('utf8'),
};

describe('the start-up snapshot the build ships', { timeout: 300_000 }, () => {
  let shipped: ShippedSnapshot;
  beforeAll(async () => {
    shipped = await buildShippedSnapshot(sources);
  }, 300_000);

  it('is named by the key of the files it was made from', async () => {
    expect(shipped.fileName).toBe(shippedSnapshotFile(await snapshotKey(sources)));
    expect(shipped.fileName).toMatch(/^startup-[0-9a-f]{64}\.snapshot\.gz$/);
    expect(shipped.key).toBe(await snapshotKey(sources));
    expect(await snapshotKey({ ...sources, runtime: `${sources.runtime}\n# changed` })).not.toBe(await snapshotKey(sources));
  });

  it('restores into a Python with the runtime module already imported, which then runs a workflow', async () => {
    const pyodide = await loadPyodide({ indexURL: `${pyodideDir}/`, lockFileContents: sources.lock, _loadSnapshot: shipped.bytes });
    expect(pyodide.runPython('import sys\n"flowplay_runtime" in sys.modules')).toBe(true);
    const run = await runPython(WARM_UP_SOURCE, { runtime: prepareRuntime(pyodide, sources.runtime) });
    expect(run.error).toBeUndefined();
    expect(run.lines.some((line) => line.startsWith("2 answers {'result': \"Query(query='Query 0'"))).toBe(true);
    const finished = run.trace.find((r) => r.kind === 'run.finished');
    expect(finished && 'status' in finished ? finished.status : null).toBe('stopped');
  });

  it('comes out byte for byte the same from the same sources', async () => {
    const again = await buildShippedSnapshot(sources);
    expect(again.fileName).toBe(shipped.fileName);
    expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(shipped.bytes))).toBe(0);
  });
});
