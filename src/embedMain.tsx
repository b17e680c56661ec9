import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/theme/theme.css';
import './ui/styles.css';
import { toMermaid } from './compiler/mermaid.ts';
import { parseEmbedOptions, type EmbedTheme } from './embed/embedOptions.ts';
import { followEmbedTheme } from './embed/embedTheme.ts';
import { connectHost } from './embed/hostBridge.ts';
import { decodeShare, guessTitle, shareLink } from './share/index.ts';
import { updateSettings } from './state/index.ts';
import { EmbedApp } from './ui/embed/EmbedApp.tsx';
import { shareStateNow } from './ui/share/shareStateNow.ts';
import { holdEditorUntil } from './ui/editor/index.ts';
import { whenGraphDrawn } from './ui/graph/index.ts';
import { PlaygroundContext, createPlayground } from './ui/index.ts';
import { shippedAnalysis } from './ui/shippedAnalysis.ts';
import { afterLoad } from './worker/languageClient.ts';
import { createLanguageClient, createLayoutClient, createRunnerClient, analysePythonLazily, pythonCompletionsLazily, indexedDbSnapshotStore } from './worker/index.ts';

// The embed view (embed.html#v1.…): a share link's workflow in a compact frame for other pages. It
// keeps nothing in storage and never runs until the person presses Run.
const options = parseEmbedOptions(window.location.search);
const opened = window.location.hash ? decodeShare(window.location.hash) : null;
const problem = !opened
  ? 'This embed has no workflow: its address needs a Flowplay share link (embed.html#v1.…).'
  : opened.ok
    ? null
    : opened.message;
const state = opened?.ok ? opened.state : null;
const theme = followEmbedTheme(document.documentElement, options.theme, window.matchMedia('(prefers-color-scheme: dark)'));

// A workflow whose analysis ships with the page draws its graph with neither the editor nor the
// language worker: both wait until that graph is on screen (at most a few seconds), so a docs page's
// reader downloads the graph's script first. Other code needs the worker for its graph at once.
const graphShips = !!state && options.panes.includes('graph') && (state.lang ?? 'typescript') === 'typescript' && shippedAnalysis(state.code) !== null;
const graphFirst = () => whenGraphDrawn(5_000);
if (graphShips) holdEditorUntil(graphFirst);
const language = createLanguageClient(undefined, graphShips ? () => graphFirst().then(afterLoad) : afterLoad);

const playground = createPlayground({ source: state?.code ?? '', lang: state?.lang ?? 'typescript', analysePython: analysePythonLazily, pythonCompletions: pythonCompletionsLazily, language, runner: createRunnerClient({ snapshotStore: indexedDbSnapshotStore() }), layout: createLayoutClient(), toMermaid });
if (state) {
  updateSettings(playground.run, {
    ...(state.seed !== undefined ? { seed: state.seed } : {}),
    ...(state.input !== undefined ? { inputText: JSON.stringify(state.input) } : {}),
  });
}
const title = state ? guessTitle(state.code) : 'Flowplay';
// The full playground beside this page, on the same link; once the reader has edited the code (an
// editable embed) or the input, on a link to what they have now.
const playgroundBase = new URL('./', window.location.href).href;
const asOpened = JSON.stringify(shareStateNow(playground.workspace, playground.run));
const playgroundUrl = (): string => {
  if (!state) return playgroundBase;
  const now = shareStateNow(playground.workspace, playground.run);
  return `${playgroundBase}${JSON.stringify(now) === asOpened ? window.location.hash : shareLink(now).hash}`;
};

const root = document.getElementById('root')!;
createRoot(root).render(
  <StrictMode>
    <PlaygroundContext.Provider value={playground}>
      <EmbedApp options={options} title={title} playgroundUrl={playgroundUrl} problem={problem} />
    </PlaygroundContext.Provider>
  </StrictMode>,
);

let pendingTheme: EmbedTheme | null = null;
const host = connectHost({
  id: options.id,
  run: playground.run,
  root,
  post: (message) => window.parent.postMessage(message, '*'),
  listen: (handler) => {
    const listener = (event: MessageEvent) => handler(event.data, event.source === window.parent && window.parent !== window);
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  },
  onHostMessage: (message) => {
    if (message.type !== 'set-theme') return;
    // A host may send them by the thousand: each re-rendered the embed, and a flood froze it and
    // overflowed React's update depth. The last one of every 16 ms is applied.
    if (pendingTheme === null) {
      setTimeout(() => {
        theme.set(pendingTheme!);
        pendingTheme = null;
      }, 16);
    }
    pendingTheme = message.theme;
  },
});
// Ready once the graph can show: the first analysis of the code (at once when there is nothing to read).
const readyWhenAnalysed = () => {
  const { analysis } = playground.workspace.getState();
  if (state && !analysis) return false;
  host.ready(title, analysis?.workflows[0]?.name ?? null);
  return true;
};
if (!readyWhenAnalysed()) {
  const stop = playground.workspace.subscribe(() => {
    if (readyWhenAnalysed()) stop();
  });
}
window.addEventListener('pagehide', () => host.stop());
