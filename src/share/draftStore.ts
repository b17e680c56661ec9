/**
 * The user's own work, kept in browser storage: the current draft (saved as they type; debouncing
 * is the page's job) and a short history, so that opening a link, an example or a chapter never
 * replaces a draft without a way back. Things opened and never edited are not drafts: they go to a
 * short list of their own (`opened`), so no number of opened links can push the user's drafts out. Every function returns a status instead of throwing, and a
 * damaged stored value is set aside under a backup key rather than silently overwritten.
 */
import { STORAGE_OK, problemStatus, readItem, writeItem } from './safeStorage.ts';
import type { KeyValueStorage, StorageStatus } from './safeStorage.ts';

export const DRAFTS_KEY = 'flowplay.drafts.v1';
export const DRAFTS_BACKUP_KEY = 'flowplay.drafts.v1.damaged';

export type DraftOrigin = 'typed' | 'link' | 'example' | 'chapter' | 'run' | 'restored';

export interface Draft {
  id: string;
  code: string;
  /** A short name for the history list, e.g. the workflow class or the example's title. */
  title: string;
  /** Milliseconds since the epoch, from the injected clock. */
  savedAt: number;
  origin: DraftOrigin;
  input?: Record<string, unknown>;
  seed?: number;
  chapter?: string;
  /** Python code; TypeScript when absent (drafts saved before there was a choice). */
  lang?: 'python';
}

export type DraftInput = Omit<Draft, 'id' | 'savedAt' | 'origin' | 'title'> & { title?: string; origin?: DraftOrigin };

interface Stored {
  v: 1;
  current: Draft | null;
  /** Newest first: the user's own drafts only. */
  history: Draft[];
  /** Recently opened links, examples and chapters that were never edited, newest first. */
  opened?: Draft[];
}

export interface DraftStoreOptions {
  now?: () => number;
  /** How many earlier drafts to keep (default 10). */
  limit?: number;
  /** How many opened-but-never-edited things to keep (default 5). */
  openedLimit?: number;
}

export interface DraftStore {
  /** The draft to show on load, and whether reading worked. */
  load(): { current: Draft | null; history: Draft[]; opened: Draft[]; status: StorageStatus };
  /** Saves what the user is editing as the current draft. */
  save(draft: DraftInput): StorageStatus;
  /**
   * Call before replacing the editor's text with a link, an example or a chapter: moves the current
   * draft into the history (unless it is empty or already the newest entry there).
   */
  keepCurrent(): StorageStatus;
  /**
   * `keepCurrent()` and `save(draft)` in one write: what the page calls when a link, an example or a
   * chapter replaces the editor's text (pass `origin` and a `title` for the history list).
   */
  open(draft: DraftInput): StorageStatus;
  /**
   * Notes something opened (and shown) that is not a draft yet, in its own short list: it never
   * touches the current draft or the history.
   */
  remember(opened: DraftInput & { origin: DraftOrigin; title: string }): StorageStatus;
  /** Brings back a draft from the history; the draft it replaces goes into the history first. */
  restore(id: string): { draft: Draft | null; status: StorageStatus };
  /** Removes one draft from the history. */
  forget(id: string): StorageStatus;
}

const SUBJECT = 'Your draft';

export function createDraftStore(storage: KeyValueStorage, options: DraftStoreOptions = {}): DraftStore {
  const now = options.now ?? (() => Date.now());
  const limit = options.limit ?? 10;
  const openedLimit = options.openedLimit ?? 5;
  let counter = 0;
  const newId = () => `${now().toString(36)}-${(counter++).toString(36)}`;

  function read(): { stored: Stored; status: StorageStatus } {
    const { value, status } = readItem(storage, DRAFTS_KEY, SUBJECT);
    if (!status.ok || value === null) return { stored: empty(), status };
    const parsed = parse(value);
    if (parsed !== null) return { stored: parsed, status: STORAGE_OK };
    // Keep the damaged text where a person (or a later version) can still find it.
    writeItem(storage, DRAFTS_BACKUP_KEY, value, SUBJECT);
    writeItem(storage, DRAFTS_KEY, null, SUBJECT);
    return { stored: empty(), status: problemStatus('corrupt', 'Your saved drafts', 'read') };
  }

  function write(stored: Stored): StorageStatus {
    stored.history = stored.history.slice(0, limit);
    stored.opened = (stored.opened ?? []).slice(0, openedLimit);
    let status = writeItem(storage, DRAFTS_KEY, JSON.stringify(stored), SUBJECT);
    // What was opened and never edited gives way first, oldest first, when storage is full: a few
    // small links can unpack to a megabyte each, and they must not cost the user's drafts their room.
    while (!status.ok && status.problem === 'full' && stored.opened.length > 0) {
      stored.opened = stored.opened.slice(0, -1);
      status = writeItem(storage, DRAFTS_KEY, JSON.stringify(stored), SUBJECT);
    }
    return status;
  }

  function pushHistory(stored: Stored, draft: Draft): void {
    if (draft.code.trim() === '') return;
    // The same code twice is one entry, moved to the top.
    stored.history = [draft, ...stored.history.filter((d) => d.id !== draft.id && d.code !== draft.code)];
  }

  function setCurrent(stored: Stored, input: DraftInput): void {
    const { origin, title, ...rest } = input;
    stored.current = {
      ...rest,
      id: stored.current?.id ?? newId(),
      title: title ?? guessTitle(input.code),
      savedAt: now(),
      origin: origin ?? 'typed',
    };
  }

  return {
    load() {
      const { stored, status } = read();
      return { current: stored.current, history: stored.history, opened: stored.opened ?? [], status };
    },
    remember(input) {
      const { stored, status } = read();
      if (!status.ok && status.problem !== 'corrupt') return status;
      const entry: Draft = { ...input, id: newId(), savedAt: now() };
      stored.opened = [entry, ...(stored.opened ?? []).filter((d) => d.code !== input.code)];
      return write(stored);
    },
    save(input) {
      const { stored } = read();
      setCurrent(stored, input);
      return write(stored);
    },
    open(input) {
      const { stored } = read();
      if (stored.current !== null) pushHistory(stored, stored.current);
      stored.current = null;
      setCurrent(stored, input);
      return write(stored);
    },
    keepCurrent() {
      const { stored, status } = read();
      if (!status.ok && status.problem !== 'corrupt') return status;
      if (stored.current === null) return STORAGE_OK;
      pushHistory(stored, stored.current);
      stored.current = null;
      return write(stored);
    },
    restore(id) {
      const { stored, status } = read();
      const draft = stored.history.find((d) => d.id === id) ?? null;
      if (draft === null) return { draft: null, status };
      if (stored.current !== null) pushHistory(stored, stored.current);
      stored.history = stored.history.filter((d) => d.id !== id);
      stored.current = { ...draft, id: newId(), savedAt: now(), origin: 'restored' };
      return { draft: stored.current, status: write(stored) };
    },
    forget(id) {
      const { stored } = read();
      stored.history = stored.history.filter((d) => d.id !== id);
      stored.opened = (stored.opened ?? []).filter((d) => d.id !== id);
      return write(stored);
    },
  };
}

function empty(): Stored {
  return { v: 1, current: null, history: [] };
}

/** The stored value, or null when it is not what this version wrote. Damaged entries are dropped. */
function parse(text: string): Stored | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || (value as { v?: unknown }).v !== 1) return null;
  const { current, history, opened } = value as { current?: unknown; history?: unknown; opened?: unknown };
  return {
    v: 1,
    current: isDraft(current) ? current : null,
    history: Array.isArray(history) ? history.filter(isDraft) : [],
    opened: Array.isArray(opened) ? opened.filter(isDraft) : [],
  };
}

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  return typeof d.id === 'string' && typeof d.code === 'string' && typeof d.title === 'string' && typeof d.savedAt === 'number';
}

/** The first workflow class name in the code, else its first non-empty line. */
export function guessTitle(code: string): string {
  const workflow = /class\s+(\w+)\s+extends\s+Workflow\b/.exec(code) ?? /^class\s+(\w+)\s*\(\s*(?:\w+\.)*Workflow\s*\)/m.exec(code);
  if (workflow) return workflow[1]!;
  const line = code.split('\n').find((l) => l.trim() !== '')?.trim() ?? 'Empty draft';
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
