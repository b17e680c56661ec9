import * as Comlink from 'comlink';
import type { LanguageApi, LanguageClient } from './protocol.ts';

/** Starts the language worker (compiler + editor TypeScript) and returns its API. */
export function createLanguageClient(
  makeWorker: () => Worker = () => new Worker(new URL('./language.worker.ts', import.meta.url), { type: 'module', name: 'flowplay-language' }),
): LanguageClient {
  const worker = makeWorker();
  const api = Comlink.wrap<LanguageApi>(worker);
  return {
    analyse: (source) => api.analyse(source),
    completions: (source, position) => api.completions(source, position),
    hover: (source, position) => api.hover(source, position),
    dispose: () => {
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
