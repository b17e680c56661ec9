/**
 * The messages between an embed and the page that hosts it (version 1). Both sides check every
 * message against these shapes and ignore anything else: a host cannot make an embed run (there is
 * no such message; only the person pressing Run can), and a forged message does not reach a host's
 * listeners as an embed's.
 *
 * Embed -> host (`window.parent.postMessage(message, '*')`):
 *   { source: 'flowplay-embed', version: 1, id, type: 'ready', title, workflow }
 *   { source: 'flowplay-embed', version: 1, id, type: 'resize', height }
 *   { source: 'flowplay-embed', version: 1, id, type: 'run-started' }
 *   { source: 'flowplay-embed', version: 1, id, type: 'run-finished', status, result?, error? }
 * Host -> embed (`iframe.contentWindow.postMessage(message, embedOrigin)`):
 *   { source: 'flowplay-host', version: 1, type: 'set-theme', theme: 'light' | 'dark' | 'auto' }
 */

export const EMBED_PROTOCOL_VERSION = 1;

export type RunEndStatus = 'stopped' | 'failed' | 'timeout' | 'cancelled';

interface Envelope {
  source: 'flowplay-embed';
  version: 1;
  /** The embed's `id` option ('' when it was given none). */
  id: string;
}

export type EmbedMessage = Envelope &
  (
    | { type: 'ready'; title: string; workflow: string | null }
    | { type: 'resize'; height: number }
    | { type: 'run-started' }
    | { type: 'run-finished'; status: RunEndStatus; result?: unknown; error?: { name: string; message: string } }
  );

export type HostMessage = { source: 'flowplay-host'; version: 1; type: 'set-theme'; theme: 'light' | 'dark' | 'auto' };

const END_STATUSES: readonly string[] = ['stopped', 'failed', 'timeout', 'cancelled'];
/** Heights past this are refused: a frame that asks for more is misbehaving. */
export const MAX_EMBED_HEIGHT = 10_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An embed's message, checked field by field (the host side). */
export function parseEmbedMessage(data: unknown): EmbedMessage | null {
  if (!isRecord(data) || data.source !== 'flowplay-embed' || data.version !== EMBED_PROTOCOL_VERSION || typeof data.id !== 'string') return null;
  const base = { source: 'flowplay-embed', version: 1, id: data.id } as const;
  switch (data.type) {
    case 'ready':
      if (typeof data.title !== 'string' || (data.workflow !== null && typeof data.workflow !== 'string')) return null;
      return { ...base, type: 'ready', title: data.title, workflow: data.workflow };
    case 'resize':
      if (typeof data.height !== 'number' || !Number.isFinite(data.height) || data.height < 0 || data.height > MAX_EMBED_HEIGHT) return null;
      return { ...base, type: 'resize', height: data.height };
    case 'run-started':
      return { ...base, type: 'run-started' };
    case 'run-finished': {
      if (typeof data.status !== 'string' || !END_STATUSES.includes(data.status)) return null;
      const message: EmbedMessage = { ...base, type: 'run-finished', status: data.status as RunEndStatus };
      if ('result' in data) message.result = data.result;
      if (data.error !== undefined) {
        if (!isRecord(data.error) || typeof data.error.name !== 'string' || typeof data.error.message !== 'string') return null;
        message.error = { name: data.error.name, message: data.error.message };
      }
      return message;
    }
    default:
      return null;
  }
}

/** A host's message, checked field by field (the embed side). */
export function parseHostMessage(data: unknown): HostMessage | null {
  if (!isRecord(data) || data.source !== 'flowplay-host' || data.version !== EMBED_PROTOCOL_VERSION) return null;
  if (data.type === 'set-theme' && (data.theme === 'light' || data.theme === 'dark' || data.theme === 'auto')) {
    return { source: 'flowplay-host', version: 1, type: 'set-theme', theme: data.theme };
  }
  return null;
}
