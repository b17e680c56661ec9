/**
 * Share links: `#v1.<payload>`, payload = base64url (no padding) of the gzip of the UTF-8 JSON
 * `{ code, input?, seed?, chapter? }` (design §3). Links live in chats and issues for years, so every
 * version ever written stays decodable: decoders are kept in a table by version and never edited,
 * only added to.
 */
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { gunzip, gzip } from './gzip.ts';
import { toShareState } from './shareState.ts';
import type { ShareState } from './shareState.ts';

export const SHARE_VERSION = 1;

/** Past this many payload bytes a link may be cut off by chats and browsers: the page should say so. */
export const SHARE_PAYLOAD_WARN_BYTES = 8 * 1024;

/** The most a link may inflate to; anything bigger is refused before it is fully inflated. */
export const SHARE_MAX_DECODED_BYTES = 1024 * 1024;

export type ShareFailure =
  | 'not-a-share-link'
  | 'newer-version'
  | 'truncated'
  | 'not-base64'
  | 'not-gzip'
  | 'not-json'
  | 'wrong-shape'
  | 'too-large';

export type DecodeShareResult =
  | { ok: true; state: ShareState; version: number }
  | { ok: false; reason: ShareFailure; message: string };

/** `#v1.…` for `state`. Same state, same link. */
export function encodeShare(state: ShareState): string {
  return `#v${SHARE_VERSION}.${encodePayloadV1(state)}`;
}

/**
 * The link with its size, for the Share button: `payloadBytes` past `SHARE_PAYLOAD_WARN_BYTES`
 * sets `tooLong`, and the page should warn that the link may not survive being pasted everywhere.
 */
export function shareLink(state: ShareState): { hash: string; payloadBytes: number; tooLong: boolean } {
  const hash = encodeShare(state);
  const payloadBytes = hash.length - hash.indexOf('.') - 1;
  return { hash, payloadBytes, tooLong: payloadBytes > SHARE_PAYLOAD_WARN_BYTES };
}

/** Decodes a location hash (with or without the leading `#`). Never throws. */
export function decodeShare(hash: string): DecodeShareResult {
  const match = /^#?v(\d+)\.(.*)$/s.exec(hash.trim());
  if (!match) return failure('not-a-share-link');
  const version = Number(match[1]);
  const decode = DECODERS[version];
  if (decode === undefined) return failure(version > SHARE_VERSION ? 'newer-version' : 'not-a-share-link');
  const result = decode(match[2]!);
  return result.ok ? { ok: true, state: result.state, version } : result;
}

type VersionDecoder = (payload: string) => { ok: true; state: ShareState } | { ok: false; reason: ShareFailure; message: string };

/** One entry per link version ever published. Never change an entry; add a new version instead. */
const DECODERS: Readonly<Record<number, VersionDecoder>> = {
  1: decodePayloadV1,
};

function encodePayloadV1(state: ShareState): string {
  // Known fields only, in a fixed order, so equal states give equal links.
  const json: ShareState = { code: state.code };
  if (state.input !== undefined) json.input = state.input;
  if (state.seed !== undefined) json.seed = state.seed;
  if (state.chapter !== undefined) json.chapter = state.chapter;
  // No `lang` means TypeScript, so TypeScript links stay as they were.
  if (state.lang === 'python') json.lang = 'python';
  return toBase64Url(gzip(new TextEncoder().encode(JSON.stringify(json))));
}

function decodePayloadV1(payload: string): ReturnType<VersionDecoder> {
  if (payload.length === 0) return failure('truncated');
  // Compressed data is never larger than what it inflates to by much; refuse before decoding.
  if (payload.length > SHARE_MAX_DECODED_BYTES * 2) return failure('too-large');
  const base64 = fromBase64Url(payload);
  if (!base64.ok) return failure(base64.reason);
  const inflated = gunzip(base64.bytes, SHARE_MAX_DECODED_BYTES);
  if (!inflated.ok) return failure(inflated.reason);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes));
  } catch {
    return failure('not-json');
  }
  const shaped = toShareState(value);
  return shaped.ok ? shaped : failure('wrong-shape', shaped.problem);
}

const MESSAGES: Record<ShareFailure, string> = {
  'not-a-share-link': 'This is not a Flowplay share link.',
  'newer-version': 'This link was made by a newer Flowplay. Reload the page to get the latest version, then open the link again.',
  truncated: 'This link is incomplete: it was probably cut off when it was copied. Ask for the whole link.',
  'not-base64': 'This link is damaged: it contains characters a Flowplay link never has.',
  'not-gzip': 'This link is damaged: its content cannot be unpacked.',
  'not-json': 'This link is damaged: its content is not readable.',
  'wrong-shape': 'This link does not contain a Flowplay workflow',
  'too-large': 'This link is too large to open (more than 1 MB of code).',
};

function failure(reason: ShareFailure, detail?: string): { ok: false; reason: ShareFailure; message: string } {
  const message = detail ? `${MESSAGES[reason]}: ${detail}.` : MESSAGES[reason].endsWith('.') ? MESSAGES[reason] : `${MESSAGES[reason]}.`;
  return { ok: false, reason, message };
}
