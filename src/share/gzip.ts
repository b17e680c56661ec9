/**
 * gzip for share links, with the guards a link from a stranger needs: a cap on the inflated size
 * checked while inflating (a small link must not inflate to gigabytes), and a check of the gzip
 * trailer (CRC-32 and length), which fflate's streaming inflater does not verify, so a link cut off
 * after the compressed data is still reported as incomplete.
 */
import { Gunzip, gzipSync } from 'fflate';

export function gzip(bytes: Uint8Array): Uint8Array {
  // mtime 0: the same state always gives the same link.
  return gzipSync(bytes, { level: 9, mtime: 0 });
}

export type GunzipResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'not-gzip' | 'truncated' | 'too-large' };

const HEADER = [0x1f, 0x8b, 0x08];
const CHUNK = 512; // deflate expands at most ~1032x, so one chunk can overshoot the cap by ~0.5 MB

class TooLarge extends Error {}

export function gunzip(data: Uint8Array, maxBytes: number): GunzipResult {
  for (let i = 0; i < HEADER.length; i++) {
    if (i >= data.length) return { ok: false, reason: 'truncated' };
    if (data[i] !== HEADER[i]) return { ok: false, reason: 'not-gzip' };
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  try {
    const inflater = new Gunzip((chunk, final) => {
      size += chunk.length;
      if (size > maxBytes) throw new TooLarge();
      parts.push(chunk);
      if (final) ended = true;
    });
    for (let i = 0; i < data.length; i += CHUNK) inflater.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
  } catch (error) {
    if (error instanceof TooLarge) return { ok: false, reason: 'too-large' };
    // fflate's code 0 is "unexpected EOF"; anything else is data that is not deflate at all.
    return { ok: false, reason: (error as { code?: number }).code === 0 ? 'truncated' : 'not-gzip' };
  }
  const out = new Uint8Array(size);
  let o = 0;
  for (const part of parts) {
    out.set(part, o);
    o += part.length;
  }
  if (!ended || data.length < 18 || !trailerMatches(data, out)) return { ok: false, reason: 'truncated' };
  return { ok: true, bytes: out };
}

function trailerMatches(data: Uint8Array, out: Uint8Array): boolean {
  const at = data.length - 8;
  const read = (i: number) => (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24)) >>> 0;
  return read(at) === crc32(out) && read(at + 4) === out.length >>> 0;
}

let table: Uint32Array | null = null;

function crc32(bytes: Uint8Array): number {
  if (table === null) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = table[(crc ^ byte) & 255]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
