import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/theme/theme.css';
import './ui/styles.css';
import { chapterLink, createDraftStore, createProgressStore, lazyStorage, parseLocation } from './share/index.ts';
import type { LocationTarget } from './share/index.ts';
import { registerServiceWorker } from './offline/registerServiceWorker.ts';
import { createDraftController } from './state/draftController.ts';
import { createNoticeStore, showNotice } from './state/noticeStore.ts';
import type { Notice } from './state/openingPlan.ts';
import { planOpening } from './state/openingPlan.ts';
import { createTutorialController } from './state/tutorialStore.ts';
import { chapterById } from './tutorial/index.ts';
import { App, DEFAULT_EXAMPLE, PlaygroundContext, createPlayground, exampleById } from './ui/index.ts';
import { AppBoundary } from './ui/safety/AppBoundary.tsx';
import { SessionContext } from './ui/share/session.ts';
import { ThemeContext, createThemeController } from './ui/theme/index.ts';
import { createPaneStore } from './ui/layout/paneSizes.ts';
import { PaneContext } from './ui/layout/usePanes.ts';
import type { Session } from './ui/share/session.ts';
import { tutorialSource } from './ui/tutorial/tutorialSources.ts';
import { analysePythonLazily, pythonCompletionsLazily, createLanguageClient, createLayoutClient, createRunnerClient, indexedDbSnapshotStore } from './worker/index.ts';
import { toMermaid } from './compiler/mermaid.ts';

// Storage is reached lazily and through guards: a browser that blocks or fills it still gets a page.
const storage = lazyStorage(() => window.localStorage);
const draftStore = createDraftStore(storage);
// The theme is set before the first render, so the page never flashes the other one.
const theme = createThemeController({
  storage,
  media: typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null,
  apply: (value) => (document.documentElement.dataset.theme = value),
});
// Pane sizes are written once a drag has settled, not on every pointer move.
let paneSave: ReturnType<typeof setTimeout> | undefined;
const panes = createPaneStore(storage, (save) => {
  clearTimeout(paneSave);
  paneSave = setTimeout(save, 300);
});
const catalogue = {
  example: (id: string, lang?: 'typescript' | 'python') => {
    const example = exampleById(id);
    if (!example) return undefined;
    return lang === 'python' && example.pythonSource !== undefined ? { ...example, source: example.pythonSource, lang } : example;
  },
  chapter: (id: string, lang?: 'typescript' | 'python') => {
    const chapter = chapterById(id);
    if (!chapter) return undefined;
    const example = tutorialSource(chapter.example, lang ?? 'typescript');
    return { title: chapter.title, example: example.code, lang: example.lang };
  },
  fallback: DEFAULT_EXAMPLE,
};

const saved = draftStore.load().current;
const target = parseLocation(window.location);
const plan = planOpening(target, saved, catalogue);
const runner = createRunnerClient({ snapshotStore: indexedDbSnapshotStore() });
const playground = createPlayground({ source: plan.source, lang: plan.lang, analysePython: analysePythonLazily, pythonCompletions: pythonCompletionsLazily, language: createLanguageClient(), runner, layout: createLayoutClient(), toMermaid });
const drafts = createDraftController({
  workspace: playground.workspace,
  run: playground.run,
  drafts: draftStore,
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});
const notices = createNoticeStore();
// A Python chapter link keeps the reader in Python even where its chapter opens in TypeScript.
const tutorial = createTutorialController(createProgressStore(storage), target.kind === 'chapter' && target.lang === 'python' ? 'python' : plan.lang);
// Python code in the editor (the switch, a link, a draft) means the reader is in Python. The editor
// going back to TypeScript does not: a chapter without Python does that, and the switch says so itself.
playground.workspace.subscribe((state, previous) => {
  if (state.lang === 'python' && previous.lang !== 'python') tutorial.setLang('python');
});
const session: Session = {
  drafts,
  tutorial,
  notices,
  answer: (response) => playground.answer(response),
};

drafts.load();
const opened = plan.open ? drafts.open(plan.open) : false;
if (!plan.open && saved) drafts.resume(saved);
if (plan.chapter) tutorial.openChapter(plan.chapter);
if (plan.notice) notify(plan.notice, opened);
if (plan.clearLocation) clearLocation(plan.chapter);

/** Shows what opening did, with a way back to the draft it set aside (when storage let it). */
function notify(notice: Notice, opened: boolean): void {
  const kept = notice.setsAside && opened ? drafts.store.getState().history[0] : undefined;
  const message = kept ? `${notice.message} Your previous draft is under Drafts.` : notice.message;
  showNotice(notices, { topic: 'link', tone: notice.tone, message, ...(kept ? { restoreDraft: kept.id } : {}) });
}

/** Drops a link from the address once opened, so that a reload shows the draft, not the link again. */
function clearLocation(chapter: string | null): void {
  const path = window.location.pathname;
  window.history.replaceState(null, '', chapter ? chapterLink(path, chapter, tutorial.store.getState().lang) : path);
}

// A link pasted into this tab's address bar, or a chapter link clicked in the page.
window.addEventListener('hashchange', () => openTarget(parseLocation(window.location)));

function openTarget(target: LocationTarget): void {
  if (target.kind === 'chapter') {
    if (chapterById(target.id)) {
      if (target.lang === 'python') tutorial.setLang('python');
      tutorial.openChapter(target.id);
    }
    else showNotice(notices, { topic: 'link', tone: 'error', message: `There is no tutorial chapter "${target.id}".` });
    return;
  }
  if (target.kind !== 'share') return;
  drafts.flush();
  const current = draftStore.load().current;
  const next = planOpening(target, current, catalogue);
  const ok = next.open ? drafts.open(next.open) : false;
  if (next.chapter) tutorial.openChapter(next.chapter);
  if (next.notice) notify(next.notice, ok);
  clearLocation(next.chapter);
}

// Offline after the first visit; a new version that has installed is offered, never forced mid-work.
registerServiceWorker((apply) => {
  session.applyUpdate = () => {
    drafts.flush();
    apply();
  };
  showNotice(notices, { topic: 'update', tone: 'info', message: 'A new version of Flowplay is ready. Your draft is kept.', offersUpdate: true });
});

// Edits inside the save delay are written before the page goes away.
window.addEventListener('pagehide', () => drafts.flush());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PlaygroundContext.Provider value={playground}>
      <SessionContext.Provider value={session}>
        <ThemeContext.Provider value={theme}>
          <PaneContext.Provider value={panes}>
            <AppBoundary>
              <App />
            </AppBoundary>
          </PaneContext.Provider>
        </ThemeContext.Provider>
      </SessionContext.Provider>
    </PlaygroundContext.Provider>
  </StrictMode>,
);
