/**
 * Tutorial progress in browser storage: chapters read and exercises passed (by `<chapter>/<exercise>`).
 * Like drafts, it never throws: a blocked or full storage gives a status, and progress still works
 * for the session from memory.
 */
import { STORAGE_OK, problemStatus, readItem, writeItem } from './safeStorage.ts';
import type { KeyValueStorage, StorageStatus } from './safeStorage.ts';

export const PROGRESS_KEY = 'flowplay.progress.v1';

export interface Progress {
  read: string[];
  passed: string[];
}

export interface ProgressStore {
  load(): { progress: Progress; status: StorageStatus };
  markRead(chapterId: string): StorageStatus;
  markPassed(exerciseKey: string): StorageStatus;
  reset(): StorageStatus;
}

const SUBJECT = 'Your tutorial progress';

export function createProgressStore(storage: KeyValueStorage): ProgressStore {
  // What this session knows even when storage refuses it, so ticks do not vanish mid-session.
  let memory: Progress = { read: [], passed: [] };

  function read(): { progress: Progress; status: StorageStatus } {
    const { value, status } = readItem(storage, PROGRESS_KEY, SUBJECT);
    if (!status.ok || value === null) return { progress: memory, status };
    const parsed = parse(value);
    if (parsed === null) return { progress: memory, status: problemStatus('corrupt', SUBJECT, 'read') };
    memory = union(memory, parsed);
    return { progress: memory, status: STORAGE_OK };
  }

  function add(field: keyof Progress, id: string): StorageStatus {
    const { progress } = read();
    if (progress[field].includes(id)) return STORAGE_OK;
    memory = { ...progress, [field]: [...progress[field], id] };
    return writeItem(storage, PROGRESS_KEY, JSON.stringify({ v: 1, ...memory }), SUBJECT);
  }

  return {
    load: read,
    markRead: (chapterId) => add('read', chapterId),
    markPassed: (exerciseKey) => add('passed', exerciseKey),
    reset() {
      memory = { read: [], passed: [] };
      return writeItem(storage, PROGRESS_KEY, null, SUBJECT);
    },
  };
}

function parse(text: string): Progress | null {
  try {
    const value = JSON.parse(text) as { v?: unknown; read?: unknown; passed?: unknown };
    if (typeof value !== 'object' || value === null || value.v !== 1) return null;
    const strings = (list: unknown) => (Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : []);
    return { read: strings(value.read), passed: strings(value.passed) };
  } catch {
    return null;
  }
}

function union(a: Progress, b: Progress): Progress {
  return { read: [...new Set([...a.read, ...b.read])], passed: [...new Set([...a.passed, ...b.passed])] };
}
