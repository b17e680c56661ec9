/**
 * Browser storage that cannot throw at the caller. `localStorage` throws when it is full
 * (QuotaExceededError), when the browser blocks it (SecurityError: private modes, site settings,
 * sandboxed frames), and sometimes merely on access. Drafts and progress go through these two
 * functions, which turn every such failure into a status the page can show.
 */

/** The part of the Web Storage API Flowplay uses; `window.localStorage` satisfies it. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type StorageProblem = 'full' | 'blocked' | 'unavailable' | 'corrupt';

export type StorageStatus = { ok: true } | { ok: false; problem: StorageProblem; message: string };

export const STORAGE_OK: StorageStatus = { ok: true };

/**
 * Storage reached through a getter on every call, so that the page can pass
 * `lazyStorage(() => window.localStorage)` without touching it at import time, and an access that
 * throws is caught like any other storage failure.
 */
export function lazyStorage(get: () => KeyValueStorage): KeyValueStorage {
  return {
    getItem: (key) => get().getItem(key),
    setItem: (key, value) => get().setItem(key, value),
    removeItem: (key) => get().removeItem(key),
  };
}

/** `subject` starts the message shown on failure, e.g. "Your draft". */
export function readItem(storage: KeyValueStorage, key: string, subject: string): { value: string | null; status: StorageStatus } {
  try {
    return { value: storage.getItem(key), status: STORAGE_OK };
  } catch (error) {
    return { value: null, status: storageFailure(error, subject, 'read') };
  }
}

export function writeItem(storage: KeyValueStorage, key: string, value: string | null, subject: string): StorageStatus {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
    return STORAGE_OK;
  } catch (error) {
    return storageFailure(error, subject, 'write');
  }
}

export function storageFailure(error: unknown, subject: string, action: 'read' | 'write'): StorageStatus & { ok: false } {
  return problemStatus(classify(error), subject, action);
}

export function problemStatus(problem: StorageProblem, subject: string, action: 'read' | 'write'): StorageStatus & { ok: false } {
  const what = action === 'write' ? 'could not be saved' : 'could not be read';
  const why = {
    full: 'browser storage is full. Free some space (e.g. clear old drafts) and keep this tab open',
    blocked: 'the browser blocks storage for this page (private browsing or site settings)',
    unavailable: 'browser storage is not available',
    corrupt: 'the stored data was damaged',
  }[problem];
  return { ok: false, problem, message: `${subject} ${what}: ${why}.` };
}

function classify(error: unknown): StorageProblem {
  const { name, code } = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; code?: unknown };
  // Chrome and Safari: QuotaExceededError (code 22); old Firefox: NS_ERROR_DOM_QUOTA_REACHED (1014).
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014) return 'full';
  if (name === 'SecurityError' || code === 18) return 'blocked';
  return 'unavailable';
}
