/**
 * The embed's side of the host API: tells the page around it when it is ready, how tall it is, and
 * when a run starts and finishes; takes only the host messages of `embedProtocol.ts` (a theme), so a
 * host can restyle an embed but never run it.
 */
import type { RunFinishedRecord } from '../engine/trace.ts';
import type { RunStore } from '../state/index.ts';
import type { EmbedMessage, HostMessage, RunEndStatus } from './embedProtocol.ts';
import { EMBED_PROTOCOL_VERSION, parseHostMessage } from './embedProtocol.ts';

/** An `EmbedMessage` without its envelope. */
type Body = EmbedMessage extends infer M ? (M extends EmbedMessage ? Omit<M, 'source' | 'version' | 'id'> : never) : never;

export interface HostBridgeDeps {
  id: string;
  run: RunStore;
  /** The element whose height the host frame should take. */
  root: HTMLElement;
  /** Where messages go (the parent window, any origin: what is sent is only what the page shows). */
  post: (message: EmbedMessage) => void;
  /** Listens to messages sent to this window; returns how to stop. */
  listen: (handler: (data: unknown, fromParent: boolean) => void) => () => void;
  onHostMessage: (message: HostMessage) => void;
}

export function connectHost(deps: HostBridgeDeps): { ready(title: string, workflow: string | null): void; stop(): void } {
  const send = (body: Body) => deps.post({ source: 'flowplay-embed', version: EMBED_PROTOCOL_VERSION, id: deps.id, ...body } as EmbedMessage);

  let lastHeight = -1;
  const observer = new ResizeObserver(() => {
    const height = Math.ceil(deps.root.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    send({ type: 'resize', height });
  });
  observer.observe(deps.root);

  const stopRun = deps.run.subscribe((state, previous) => {
    if (state.engine === previous.engine || state.origin !== 'live') return;
    if (state.engine === 'running') send({ type: 'run-started' });
    else if (state.engine === 'done' && previous.engine === 'running') send(finished(state.trace));
  });

  const stopListening = deps.listen((data, fromParent) => {
    if (!fromParent) return;
    const message = parseHostMessage(data);
    if (message) deps.onHostMessage(message);
  });

  return {
    ready: (title, workflow) => send({ type: 'ready', title, workflow }),
    stop() {
      observer.disconnect();
      stopRun();
      stopListening();
    },
  };
}

function finished(trace: readonly { kind: string }[]): Body {
  let end: RunFinishedRecord | null = null;
  for (let i = trace.length - 1; i >= 0; i--) {
    if (trace[i]!.kind === 'run.finished') {
      end = trace[i] as RunFinishedRecord;
      break;
    }
  }
  // A run always ends with its record; without one the runner failed before it could write it.
  const status: RunEndStatus = end ? end.status : 'failed';
  return {
    type: 'run-finished',
    status,
    ...(end?.status === 'stopped' ? { result: end.result } : {}),
    ...(end?.error ? { error: { name: end.error.name, message: end.error.message } } : {}),
  };
}
