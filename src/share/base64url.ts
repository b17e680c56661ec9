/**
 * base64url without padding (RFC 4648 §5), written out rather than built on `btoa`/`Buffer` so it
 * behaves the same in the page, in workers and in Node, and so that decoding can say precisely
 * whether the text was not base64 at all or only cut short.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'not-base64' | 'truncated' };

/**
 * Decodes base64url; tolerates `=` padding and standard `+`/`/` (links pasted through tools that
 * "fix" them). A length that leaves a single character over can only come from a cut-off text.
 */
export function fromBase64Url(text: string): Base64Result {
  const clean = text.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  for (const c of clean) if (!INDEX.has(c)) return { ok: false, reason: 'not-base64' };
  if (clean.length % 4 === 1) return { ok: false, reason: 'truncated' };
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const a = INDEX.get(clean[i]!)!;
    const b = INDEX.get(clean[i + 1]!)!;
    const c = i + 2 < clean.length ? INDEX.get(clean[i + 2]!)! : 0;
    const d = i + 3 < clean.length ? INDEX.get(clean[i + 3]!)! : 0;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    bytes[o++] = n >> 16;
    if (i + 2 < clean.length) bytes[o++] = (n >> 8) & 255;
    if (i + 3 < clean.length) bytes[o++] = n & 255;
  }
  return { ok: true, bytes };
}
