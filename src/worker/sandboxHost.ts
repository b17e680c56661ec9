import { servedByFlowplayWorker } from '../offline/registerServiceWorker.ts';
import { relayEvents } from './eventsRelay.ts';
import type { RunnerHost } from './runnerHost.ts';
import type { PythonAssets } from '../python/pythonAssets.ts';

/** What a Python runner is handed: the assets, or why they could not be had (the run says so). */
export type PythonStart = PythonAssets | { failed: string };

/** The sandbox page, served from the app's origin but loaded into a frame with an opaque origin. */
export const SANDBOX_PAGE = `${import.meta.env.BASE_URL}sandbox.html`;

/**
 * A runner inside a sandboxed frame (`sandbox="allow-scripts"`, no `allow-same-origin`): its origin
 * is opaque, so user code cannot read the app's storage, cookies or IndexedDB, reach the page's DOM,
 * or fetch with its credentials; the sandbox page's CSP also refuses every network request.
 *
 * The frame's document cannot load a worker script from the app's origin (that would be cross
 * origin), so the page hands it the runner's code as text and the frame starts the worker from a
 * blob of its own. The page keeps the frame as the unit to dispose: removing it ends the worker and
 * any worker the user's code started in turn.
 *
 * Offline, the frame comes from the app's service worker, which browsers never ask for a frame that
 * has the `sandbox` attribute (its origin is opaque before it loads, so no registration matches it).
 * So when the page is served by Flowplay's worker (`viaServiceWorker`), the frame goes without the
 * attribute and gets the same sandbox from the page's header policy, `sandbox allow-scripts`, which
 * that worker always gives the sandbox page; the page's script still refuses to start in any origin
 * but an opaque one. Otherwise (first visit, no service worker) the attribute makes it opaque.
 */
export function createSandboxHost(runnerCode: () => Promise<string>, doc: Document = document, viaServiceWorker: boolean = servedByFlowplayWorker(), python: (() => Promise<PythonStart>) | null = null): RunnerHost {
  const frame = sandboxFrame(doc, viaServiceWorker, 'Flowplay runner', 'runner-sandbox');
  const api = new MessageChannel();
  const events = new MessageChannel();
  const supervisor = new MessageChannel();
  let disposed = false;
  frame.addEventListener(
    'load',
    () => {
      void Promise.all([runnerCode(), python ? python() : undefined]).then(
        ([code, assets]) => {
          if (disposed || !frame.contentWindow) return;
          // Python's files are this runner's own copies: they move into the frame, tens of megabytes
          // the page would otherwise copy once more on its own thread.
          const buffers: Transferable[] = assets && !('failed' in assets) ? [assets.wasm, assets.stdlib, ...(assets.snapshot ? [assets.snapshot.buffer as ArrayBuffer] : [])] : [];
          // The frame's origin is opaque ("null"), which no targetOrigin can name.
          frame.contentWindow.postMessage(
            { type: 'flowplay:start', code, api: api.port2, events: events.port2, supervisor: supervisor.port2, ...(assets ? { python: assets } : {}) },
            '*',
            [api.port2, events.port2, supervisor.port2, ...buffers],
          );
        },
        (error: unknown) => {
          supervisor.port2.postMessage({ type: 'worker-error', message: `The runner's code could not be loaded: ${String(error)}` });
        },
      );
    },
    { once: true },
  );
  doc.body.append(frame);
  const relayed = relayEvents(events.port1);
  return {
    api: api.port1,
    events: relayed.port,
    supervisor: supervisor.port1,
    dispose() {
      disposed = true;
      api.port1.close();
      relayed.close();
      supervisor.port1.close();
      frame.remove();
    },
  };
}

/** A hidden frame of the sandbox page, opaque as described above, not yet in the document. */
function sandboxFrame(doc: Document, viaServiceWorker: boolean, title: string, className: string): HTMLIFrameElement {
  const frame = doc.createElement('iframe');
  if (!viaServiceWorker) frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('aria-hidden', 'true');
  frame.setAttribute('tabindex', '-1');
  frame.title = title;
  frame.className = className;
  frame.hidden = true;
  frame.src = SANDBOX_PAGE;
  return frame;
}

/**
 * A sandbox frame that compiles Python's WebAssembly and holds the module while the page keeps it
 * (see `keepCode` in src/sandbox/sandboxFrame.ts). Runner frames are made the same way, so the browser
 * puts them in its process, where a runner compiling the same bytes is handed the module the keeper
 * holds, with what earlier runs optimised: a fresh runner for every run no longer means cold code.
 * It runs none of the user's code and is told nothing but the bytes. Returns how to remove it.
 */
export function keepPythonCode(wasm: () => Promise<ArrayBuffer>, doc: Document = document, viaServiceWorker: boolean = servedByFlowplayWorker()): () => void {
  const frame = sandboxFrame(doc, viaServiceWorker, 'Flowplay Python code', 'python-code-keeper');
  let removed = false;
  frame.addEventListener(
    'load',
    () => {
      void wasm().then(
        (bytes) => {
          if (!removed) frame.contentWindow?.postMessage({ type: 'flowplay:keep-code', wasm: bytes }, '*', [bytes]);
        },
        // Runners work without it, only slower.
        () => {},
      );
    },
    { once: true },
  );
  doc.body.append(frame);
  return () => {
    removed = true;
    frame.remove();
  };
}
