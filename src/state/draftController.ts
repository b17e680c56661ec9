/**
 * Keeps the user's work in browser storage: the editor text (with the run's input and seed) is saved
 * as the current draft shortly after each edit, and anything that replaces the text (a link, an
 * example, a chapter, a restored draft) goes through `open`/`restore`.
 *
 * Something opened is shown, not stored: the saved draft stays current until the user edits what was
 * opened (then it moves into the history and the edited text becomes the draft). So an opened link
 * that was never edited is not a draft, no number of opened links can push the user's drafts out of
 * the history, and code that breaks the page before the user ever touched it is not what the next
 * visit shows. Nothing is written at all before the page has rendered once (`rendered`). Storage is
 * injected (a `DraftStore`), and so are the timers, so the whole flow is testable without a browser.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { guessTitle } from '../share/index.ts';
import type { Draft, DraftOrigin, DraftStore, StorageStatus } from '../share/index.ts';
import { parseInput } from './parseInput.ts';
import { updateSettings } from './runStore.ts';
import type { RunStore } from './runStore.ts';
import { setSource } from './workspaceStore.ts';
import type { WorkspaceStore } from './workspaceStore.ts';

/** The TypeScript playground waits a second before re-analysing; saving a little sooner loses less. */
export const DRAFT_SAVE_DELAY_MS = 600;

export interface DraftState {
  /**
   * Earlier drafts, newest first: kept in the tab while storage refuses, the saved draft while an
   * opened thing is shown instead of it, then the stored history.
   */
  history: Draft[];
  /** Recently opened things that were never edited, newest first. */
  opened: Draft[];
  /** Why the work is not being kept (storage full or blocked), or null while saving works. */
  problem: string | null;
  /** When the last save reached storage (epoch ms), for a quiet "saved" hint. */
  savedAt: number | null;
}

/** What replaces the editor's text. */
export interface Opening {
  code: string;
  origin: Exclude<DraftOrigin, 'typed' | 'restored'>;
  title: string;
  input?: Record<string, unknown>;
  seed?: number;
  chapter?: string;
  /** Python code; TypeScript when absent. */
  lang?: 'python';
}

export interface DraftController {
  store: StoreApi<DraftState>;
  /** Reads storage once at start-up: the draft to show, if any. */
  load(): Draft | null;
  /** Shows the saved current draft at start-up (no write: it is already stored). */
  resume(draft: Draft): void;
  /**
   * Replaces the editor's text (and input/seed when given), keeping the current draft in the history.
   * False when storage refused: the text is replaced all the same, but nothing was set aside.
   */
  open(opening: Opening): boolean;
  /** Brings back an earlier draft (or reopens a recently opened thing); the current one is kept. */
  restore(id: string): Draft | null;
  /**
   * The page has drawn the text it shows at least once: from now on, edits are saved, and what was
   * opened is noted among the recently opened.
   */
  rendered(): void;
  forget(id: string): void;
  /** Saves a pending edit now (before the page unloads or the text is replaced). */
  flush(): void;
  /** The chapter the current work belongs to (kept with the draft). */
  setChapter(chapter: string | null): void;
  stop(): void;
}

export interface DraftControllerDeps {
  workspace: WorkspaceStore;
  run: RunStore;
  drafts: DraftStore;
  setTimer: (callback: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  delayMs?: number;
}

export function createDraftController(deps: DraftControllerDeps): DraftController {
  const { workspace, run, drafts, setTimer, clearTimer } = deps;
  const delayMs = deps.delayMs ?? DRAFT_SAVE_DELAY_MS;
  const store = createStore<DraftState>(() => ({ history: [], opened: [], problem: null, savedAt: null }));
  let timer: unknown = null;
  let chapter: string | null = null;
  /** What the editor shows instead of the saved draft, until the user edits it. */
  let showing: Opening | null = null;
  let renderedOnce = false;
  // What storage already holds, so that replacing the text does not save it again as "typed".
  let saved = snapshot();

  function snapshot(): string {
    const { inputText, seed } = run.getState().settings;
    const { source, lang } = workspace.getState();
    return JSON.stringify([source, inputText, seed, chapter, lang]);
  }

  function report(status: StorageStatus): void {
    if (status.ok) store.setState({ problem: null, savedAt: Date.now() });
    else store.setState({ problem: status.message });
  }

  /**
   * Drafts storage would not take, newest first. Replacing the text while storage refuses must still
   * leave a way back, so those are kept in memory for as long as the tab lives.
   */
  let session: Draft[] = [];
  let sessionCount = 0;

  function refreshHistory(): void {
    const { current, history, opened } = drafts.load();
    const setAside = showing !== null && current !== null ? [current] : [];
    store.setState({ history: [...session, ...setAside, ...history], opened });
  }

  /** What the editor holds now, as a draft kept only in this tab. */
  function keepInSession(): boolean {
    const code = workspace.getState().source;
    if (code.trim() === '' || session[0]?.code === code) return session[0]?.code === code;
    const { inputText, seed } = run.getState().settings;
    const input = parseInput(inputText);
    session = [
      { id: `session-${sessionCount++}`, code, title: guessTitle(code), savedAt: Date.now(), origin: 'typed', seed, ...(input.ok ? { input: input.value } : {}), ...(chapter ? { chapter } : {}), ...langField(workspace.getState().lang) },
      ...session,
    ];
    return true;
  }

  function saveNow(): void {
    cancelPending();
    const now = snapshot();
    if (now === saved || !renderedOnce) return;
    const { inputText, seed } = run.getState().settings;
    const input = parseInput(inputText);
    const draft = {
      code: workspace.getState().source,
      ...(input.ok ? { input: input.value } : {}),
      seed,
      ...(chapter ? { chapter } : {}),
      ...langField(workspace.getState().lang),
    };
    // The first edit of something opened makes it the user's draft; the saved one goes into the history.
    const status = showing ? drafts.open(draft) : drafts.save(draft);
    // Only a save that reached storage counts as saved; a failed one is retried on the next edit.
    if (status.ok) {
      saved = now;
      if (showing) {
        showing = null;
        refreshHistory();
      }
    }
    report(status);
  }

  function openThing(opening: Opening): boolean {
    saveNow();
    // What the editor holds is either stored (the saved draft, or an opened thing never edited) or,
    // while storage refuses, kept in the tab.
    const unsaved = snapshot() !== saved;
    const kept = !unsaved || opening.code === workspace.getState().source || keepInSession();
    showing = opening;
    chapter = opening.chapter ?? null;
    show(opening);
    saved = snapshot();
    cancelPending();
    if (renderedOnce) rememberShowing();
    refreshHistory();
    return kept;
  }

  function rememberShowing(): void {
    if (!showing) return;
    const { code, origin, title, input, seed } = showing;
    drafts.remember({ code, origin, title, ...(input ? { input } : {}), ...(seed !== undefined ? { seed } : {}), ...(showing.chapter ? { chapter: showing.chapter } : {}), ...langField(showing.lang) });
  }

  function cancelPending(): void {
    if (timer !== null) clearTimer(timer);
    timer = null;
  }

  function schedule(): void {
    if (snapshot() === saved) return;
    if (timer !== null) clearTimer(timer);
    timer = setTimer(saveNow, delayMs);
  }

  /** Puts a draft or an opened thing in the editor, in its language, with its input and seed. */
  function show({ code, input, seed, lang }: { code: string; input?: Record<string, unknown> | undefined; seed?: number | undefined; lang?: unknown }): void {
    // Stored drafts are read back from storage: anything but "python" is TypeScript.
    setSource(workspace, code, lang === 'python' ? 'python' : 'typescript');
    const patch: { inputText?: string; seed?: number } = {};
    // Keep the text as the user wrote it when it already says the same thing.
    const current = parseInput(run.getState().settings.inputText);
    const same = current.ok && JSON.stringify(current.value) === JSON.stringify(input);
    if (input !== undefined && !same) patch.inputText = JSON.stringify(input);
    if (seed !== undefined) patch.seed = seed;
    if (Object.keys(patch).length > 0) updateSettings(run, patch);
  }

  const stopSource = workspace.subscribe((state, previous) => {
    if (state.source !== previous.source) schedule();
  });
  const stopSettings = run.subscribe((state, previous) => {
    if (state.settings !== previous.settings) schedule();
  });

  return {
    store,
    load() {
      const { current, history, status } = drafts.load();
      store.setState({ history, problem: status.ok ? null : status.message });
      if (current) chapter = current.chapter ?? null;
      return current;
    },
    resume(draft) {
      showing = null;
      chapter = draft.chapter ?? null;
      show(draft);
      saved = snapshot();
      cancelPending();
    },
    open: openThing,
    restore(id) {
      saveNow();
      const stored = drafts.load();
      if (showing && stored.current?.id === id) {
        // Back to the saved draft that an opened thing was shown over: nothing to write.
        showing = null;
        chapter = stored.current.chapter ?? null;
        show(stored.current);
        saved = snapshot();
        cancelPending();
        refreshHistory();
        return stored.current;
      }
      const reopened = stored.opened.find((d) => d.id === id);
      if (reopened) {
        const { code, origin, title, input, seed } = reopened;
        openThing({ code, origin: origin === 'typed' || origin === 'restored' ? 'link' : origin, title, ...(input ? { input } : {}), ...(seed !== undefined ? { seed } : {}), ...(reopened.chapter ? { chapter: reopened.chapter } : {}), ...langField(reopened.lang) });
        return reopened;
      }
      const fromSession = session.find((d) => d.id === id);
      if (fromSession) {
        session = session.filter((d) => d !== fromSession);
        keepInSession();
        showing = null;
        chapter = fromSession.chapter ?? null;
        show(fromSession);
        refreshHistory();
        return fromSession;
      }
      const { draft, status } = drafts.restore(id);
      report(status);
      if (draft) {
        showing = null;
        chapter = draft.chapter ?? null;
        show(draft);
        if (status.ok) saved = snapshot();
      }
      refreshHistory();
      return draft;
    },
    forget(id) {
      if (session.some((d) => d.id === id)) {
        session = session.filter((d) => d.id !== id);
        return refreshHistory();
      }
      report(drafts.forget(id));
      refreshHistory();
    },
    flush: saveNow,
    rendered() {
      if (renderedOnce) return;
      renderedOnce = true;
      if (showing) rememberShowing();
      refreshHistory();
    },
    setChapter(next) {
      if (chapter === next) return;
      chapter = next;
      // Reading another chapter beside something opened does not make it a draft; an edit does.
      if (showing) saved = snapshot();
      else schedule();
    },
    stop() {
      cancelPending();
      stopSource();
      stopSettings();
    },
  };
}

/** A draft says its language only when it is Python, so TypeScript drafts stay as they were stored. */
function langField(lang: unknown): { lang?: 'python' } {
  return lang === 'python' ? { lang: 'python' } : {};
}
