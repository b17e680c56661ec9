import * as Comlink from 'comlink';
import type { LanguageApi, LanguageClient } from './protocol.ts';

/**
 * Starts the language worker (compiler + editor TypeScript) and returns its API. The worker is made
 * on first use, and not before the page has loaded and gone idle once: its TypeScript is about 1 MB gzip, and the first
 * graph (shipped with the page for the default example) should not wait behind that download.
 */
export function createLanguageClient(
  makeWorker: () => Worker = () => new Worker(new URL('./language.worker.ts', import.meta.url), { type: 'module', name: 'flowplay-language' }),
  pageLoaded: () => Promise<void> = afterLoad,
): LanguageClient {
  let started: { worker: Worker; api: Comlink.Remote<LanguageApi> } | null = null;
  let disposed = false;
  const api = async (): Promise<Comlink.Remote<LanguageApi>> => {
    if (!started) {
      await pageLoaded();
      if (disposed) throw new Error('The language worker was disposed.');
      if (!started) {
        const worker = makeWorker();
        started = { worker, api: Comlink.wrap<LanguageApi>(worker) };
      }
    }
    return started.api;
  };
  return {
    analyse: async (source) => (await api()).analyse(source),
    completions: async (source, position) => (await api()).completions(source, position),
    hover: async (source, position) => (await api()).hover(source, position),
    completionDetails: async (source, position, item) => (await api()).completionDetails(source, position, item),
    signatureHelp: async (source, position) => (await api()).signatureHelp(source, position),
    rename: async (source, position) => (await api()).rename(source, position),
    dispose: () => {
      disposed = true;
      if (!started) return;
      started.api[Comlink.releaseProxy]();
      started.worker.terminate();
    },
  };
}

/** After the load event and the first idle moment: by then the page has drawn its first graph. */
export function afterLoad(): Promise<void> {
  if (typeof document === 'undefined') return Promise.resolve();
  const loaded =
    document.readyState === 'complete' ? Promise.resolve() : new Promise<void>((resolve) => window.addEventListener('load', () => resolve(), { once: true }));
  return loaded.then(
    () =>
      new Promise<void>((resolve) => {
        if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: 1_000 });
        else setTimeout(resolve, 200);
      }),
  );
}
