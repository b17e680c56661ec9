/**
 * The page's side of the shipped start-up snapshot: it asks for the manifest and the gzipped file
 * without knowing its files' key yet, unzips within a bound, and takes bytes a server already unzipped
 * as they are. Anything else it cannot use is no snapshot (Python then starts from scratch).
 */
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchShippedSnapshot, gunzipped } from '../../../src/worker/pythonAssetsLoader.ts';
import { SHIPPED_SNAPSHOT_MANIFEST, shippedSnapshotFile } from '../../../src/worker/pythonSnapshotStore.ts';

const KEY = 'ab'.repeat(32);
const memory = Uint8Array.from({ length: 100_000 }, (_, i) => (i % 7 === 0 ? i % 251 : 0));

/** A server with these files under `pyodide/`; every other path is a 404. Returns the paths asked for. */
function serve(files: Record<string, BodyInit>): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    const name = url.split('/pyodide/')[1] ?? '';
    asked.push(name);
    return name in files ? new Response(files[name]) : new Response('missing', { status: 404 });
  });
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

describe('the shipped start-up snapshot', () => {
  it('is found through the manifest and unzipped, with the key it was made for', async () => {
    const asked = serve({ [SHIPPED_SNAPSHOT_MANIFEST]: JSON.stringify({ key: KEY }), [shippedSnapshotFile(KEY)]: gzipSync(memory) });
    const shipped = await fetchShippedSnapshot();
    expect(shipped?.key).toBe(KEY);
    expect(Buffer.compare(Buffer.from(shipped!.bytes), Buffer.from(memory))).toBe(0);
    expect(asked).toEqual([SHIPPED_SNAPSHOT_MANIFEST, `startup-${KEY}.snapshot.gz`]);
  });

  it('is taken as it is when the server already unzipped it', async () => {
    serve({ [SHIPPED_SNAPSHOT_MANIFEST]: JSON.stringify({ key: KEY }), [shippedSnapshotFile(KEY)]: memory });
    const shipped = await fetchShippedSnapshot();
    expect(shipped?.bytes.byteLength).toBe(memory.byteLength);
  });

  it('is none without a manifest, with a manifest that names no key, or without its file', async () => {
    serve({});
    expect(await fetchShippedSnapshot()).toBeNull();
    const asked = serve({ [SHIPPED_SNAPSHOT_MANIFEST]: JSON.stringify({ key: '../../secrets' }) });
    expect(await fetchShippedSnapshot()).toBeNull();
    expect(asked).toEqual([SHIPPED_SNAPSHOT_MANIFEST]);
    serve({ [SHIPPED_SNAPSHOT_MANIFEST]: 'not json' });
    expect(await fetchShippedSnapshot()).toBeNull();
    serve({ [SHIPPED_SNAPSHOT_MANIFEST]: JSON.stringify({ key: KEY }) });
    expect(await fetchShippedSnapshot()).toBeNull();
  });

  it('is none when it is not gzip it claims to be, or unzips past the bound', async () => {
    const broken = gzipSync(memory);
    broken[broken.byteLength - 5] ^= 0xff;
    serve({ [SHIPPED_SNAPSHOT_MANIFEST]: JSON.stringify({ key: KEY }), [shippedSnapshotFile(KEY)]: broken });
    expect(await fetchShippedSnapshot()).toBeNull();
    // A few hundred bytes that unzip to a megabyte: the unzipping stops at the bound.
    const bomb = gzipSync(new Uint8Array(1_000_000));
    expect(bomb.byteLength).toBeLessThan(2_000);
    expect(await gunzipped(bomb, 100_000)).toBeNull();
    expect((await gunzipped(bomb, 1_000_000))?.byteLength).toBe(1_000_000);
  });
});
