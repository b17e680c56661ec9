import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';
import type { LayoutClient } from './protocol.ts';

/** A layout that takes longer than this is abandoned: its worker is stopped and a new one started. */
export const LAYOUT_TIMEOUT_MS = 5_000;

/**
 * Lays graphs out with ELK in a worker. ELK (about 1.6 MB, 400 KB gzip) is fetched on the first
 * layout, not with the page: the default example's layout ships with the page like its analysis.
 * A layout that runs past `timeoutMs` rejects, and its worker is replaced, so one huge graph cannot
 * hold up the graphs after it.
 */
export function createLayoutClient(
  makeWorker: () => Worker = () => new Worker(new URL('./elk.worker.ts', import.meta.url), { type: 'module', name: 'flowplay-layout' }),
  timeoutMs = LAYOUT_TIMEOUT_MS,
): LayoutClient {
  let elk: Promise<ELK> | null = null;
  const start = (): Promise<ELK> =>
    (elk ??= import('elkjs/lib/elk-api.js').then(({ default: ElkApi }) => new ElkApi({ algorithms: ['layered'], workerFactory: makeWorker })));
  const reset = (instance: ELK) => {
    instance.terminateWorker();
    elk = null;
  };
  return {
    async layout(graph) {
      const instance = await start();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reset(instance);
          reject(new Error(`The layout took longer than ${timeoutMs / 1000} seconds and was stopped.`));
        }, timeoutMs);
      });
      try {
        return (await Promise.race([instance.layout(graph), timeout])) as ElkNode;
      } finally {
        clearTimeout(timer);
      }
    },
    dispose() {
      if (elk) void elk.then((instance) => instance.terminateWorker());
      elk = null;
    },
  };
}
