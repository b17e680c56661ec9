/**
 * Python's start-up snapshot kept across page loads, in the app's IndexedDB, so that a page opened
 * again starts its first Python runner from the snapshot (about a second) instead of from scratch
 * (several). Keyed by what it was made from (the runtime module and Pyodide's files), so a new
 * deployment never starts from an old snapshot; only the latest is kept. Best effort: when IndexedDB
 * is missing or fails, Python starts from scratch as before. Only the page reaches this storage (the
 * runner's opaque-origin frame has none), and only a runner that never ran code makes a snapshot.
 */
import type { PythonFiles } from './pythonAssetsLoader.ts';

export interface SnapshotStore {
  get(key: string): Promise<Uint8Array | null>;
  put(key: string, bytes: Uint8Array): Promise<void>;
}

const DB_NAME = 'flowplay-python';
const STORE = 'snapshots';
/** Far more than Python's start-up memory (about 30 MB): anything bigger is not a snapshot of it. */
export const MAX_BYTES = 256 * 1024 * 1024;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openDb(): Promise<IDBDatabase> {
  const opening = indexedDB.open(DB_NAME, 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
  return request(opening);
}

/** The store in this browser's IndexedDB, or null where there is none. */
export function indexedDbSnapshotStore(): SnapshotStore | null {
  if (typeof indexedDB === 'undefined') return null;
  return {
    async get(key) {
      try {
        const db = await openDb();
        try {
          const found: unknown = await request(db.transaction(STORE, 'readonly').objectStore(STORE).get(key));
          return found instanceof Uint8Array && found.byteLength <= MAX_BYTES ? found : null;
        } finally {
          db.close();
        }
      } catch {
        return null;
      }
    },
    async put(key, bytes) {
      try {
        const db = await openDb();
        try {
          const store = db.transaction(STORE, 'readwrite').objectStore(STORE);
          // Only the latest: a snapshot of an older deployment can never be used again.
          await request(store.clear());
          await request(store.put(bytes, key));
        } finally {
          db.close();
        }
      } catch {
        // Not kept: the next page load starts Python from scratch, as without the store.
      }
    },
  };
}

/** What a snapshot depends on: the runtime module, Pyodide's lock file and the sizes of its code. */
export async function snapshotKey(files: Omit<PythonFiles, 'starter'>): Promise<string> {
  const text = `${files.runtime}\0${files.lock}\0${files.asm.length}\0${files.wasm.byteLength}\0${files.stdlib.byteLength}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The snapshot the build ships next to Pyodide's files (src/sandbox/pythonSnapshotBuild.ts), gzipped,
 * named by the key of the files it was made from: a page uses only the one made from its own files.
 */
export function shippedSnapshotFile(key: string): string {
  return `startup-${key}.snapshot.gz`;
}

/**
 * Beside it, which snapshot the build shipped (`{ "key": … }`): the page asks for the snapshot while
 * Pyodide's files download, before it can work out their key, and checks the key once it can.
 */
export const SHIPPED_SNAPSHOT_MANIFEST = 'startup-snapshot.json';
