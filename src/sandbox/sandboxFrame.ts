/**
 * The script of the sandbox page (sandbox.html), run in a frame with an opaque origin. It waits for
 * the page to send the runner's code and three ports, starts the runner in a worker made from a blob
 * (the only kind an opaque origin may start), hands the runner its two ports and keeps the third to
 * report what only the frame can see: the worker failing, and messages the user's code posts on the
 * worker's global scope instead of the runner's port.
 *
 * Inline in the page as a classic script, allowed by its hash (src/sandbox/sandboxPage.ts): a document
 * with an opaque origin is no client of the app's service worker, so offline a script it loaded from
 * the app would not come at all. So it imports nothing.
 */
interface StartMessage {
  type: 'flowplay:start';
  code: string;
  api: MessagePort;
  events: MessagePort;
  supervisor: MessagePort;
  /** What a Python runner starts Python from (see src/python/pythonAssets.ts), passed on as it is. */
  python?: { wasm?: unknown; stdlib?: unknown; snapshot?: unknown };
}

function isStart(data: unknown): data is StartMessage {
  const m = data as Partial<StartMessage> | null;
  return (
    m?.type === 'flowplay:start' &&
    typeof m.code === 'string' &&
    m.api instanceof MessagePort &&
    m.events instanceof MessagePort &&
    m.supervisor instanceof MessagePort
  );
}

let started = false;

/**
 * This page runs whatever code it is handed, so it does so only where that code can reach nothing:
 * in an opaque origin. Framed without the `sandbox` attribute, or opened on its own, it would run
 * with the app's origin (storage, cookies, same-origin requests); its header policy makes the origin
 * opaque wherever it is served with headers (the app's service worker always adds it), and this
 * check covers hosts that send none.
 */
const opaque = self.origin === 'null';

/**
 * Python's compiled code, held for as long as the page keeps this frame, when the page made it a
 * code keeper instead of a runner (see keepPythonCode in src/worker/sandboxHost.ts).
 */
const kept: Promise<unknown>[] = [];

/**
 * A keeper compiles Python's WebAssembly once and holds the module. Every runner frame's worker
 * compiles the same bytes in the same process, and the browser hands it the module it already has,
 * with the functions earlier runners made hot already optimised; without a keeper the last module
 * goes with the last runner, and every run starts cold. A keeper runs no code it is handed.
 */
function keepCode(data: unknown): boolean {
  const m = data as { type?: unknown; wasm?: unknown } | null;
  if (m?.type !== 'flowplay:keep-code' || !(m.wasm instanceof ArrayBuffer)) return false;
  // Compiled as the runner's Python compiles it, streamed from a response.
  const module = WebAssembly.compileStreaming(new Response(m.wasm, { headers: { 'Content-Type': 'application/wasm' } }));
  // Holding it is all the keeper is for: a failure only costs the speed-up.
  module.catch(() => {});
  kept.push(module);
  return true;
}

window.addEventListener('message', (event: MessageEvent) => {
  if (started || event.source !== window.parent) return;
  if (keepCode(event.data)) {
    started = true;
    return;
  }
  if (!isStart(event.data)) return;
  started = true;
  const { code, api, events, supervisor, python } = event.data;
  if (!opaque) {
    supervisor.postMessage({ type: 'worker-error', message: `The runner refused to start: its frame has the origin ${self.origin}, not an opaque one (the frame needs sandbox="allow-scripts").` });
    return;
  }
  const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  let worker: Worker;
  try {
    worker = new Worker(url, { name: 'flowplay-runner' });
  } catch (error) {
    supervisor.postMessage({ type: 'worker-error', message: `The runner could not start: ${String(error)}` });
    return;
  }
  worker.addEventListener('error', (error: ErrorEvent) => {
    supervisor.postMessage({ type: 'worker-error', message: error.message || 'The runner failed.' });
  });
  // Only the runner thread itself can post here: its beats are what the page's watchdog trusts.
  worker.addEventListener('message', (message: MessageEvent) => {
    const beat = (message.data as { type?: unknown } | null)?.type === 'flowplay:beat';
    supervisor.postMessage({ type: beat ? 'beat' : 'stray' });
  });
  // The page asks when the runner goes quiet: an answer means this frame (and its process) is alive
  // and the worker is stuck; no answer means the process died, e.g. out of memory.
  supervisor.onmessage = (message: MessageEvent) => {
    if ((message.data as { type?: unknown } | null)?.type === 'ping') supervisor.postMessage({ type: 'pong' });
  };
  // Python's files are tens of megabytes: they move on to the worker instead of being copied again.
  const buffers: Transferable[] = [];
  if (typeof python === 'object' && python !== null) {
    for (const value of [python.wasm, python.stdlib]) if (value instanceof ArrayBuffer) buffers.push(value);
    if (python.snapshot instanceof Uint8Array) buffers.push(python.snapshot.buffer as ArrayBuffer);
  }
  worker.postMessage({ type: 'flowplay:connect', api, events, python }, [api, events, ...buffers]);
});
export {};
