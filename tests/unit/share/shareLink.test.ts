import { gunzipSync } from 'node:zlib';
import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, test } from 'vitest';
import { decodeShare, encodeShare, shareLink, SHARE_PAYLOAD_WARN_BYTES } from '../../../src/share/index.ts';
import type { ShareState } from '../../../src/share/index.ts';
import { readSrc } from '../tutorial/driveSource.ts';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const linkOf = (json: string) => `#v1.${b64url(gzipSync(strToU8(json)))}`;

describe('share links round-trip', () => {
  const states: ShareState[] = [
    { code: readSrc('examples/concurrency/parallel.ts') },
    { code: 'const ü = "日本語 🎉";', input: { message: 'hi', nested: { n: [1, 2] } }, seed: 42, chapter: 'concurrency' },
    { code: '' },
    { code: readSrc('examples/concurrency/collect.py'), seed: 3, lang: 'python' },
  ];
  test.each(states.map((s, i) => [i, s] as const))('state %i comes back equal', (_i, state) => {
    const hash = encodeShare(state);
    expect(hash).toMatch(/^#v1\.[A-Za-z0-9_-]+$/);
    expect(decodeShare(hash)).toEqual({ ok: true, state, version: 1 });
    expect(decodeShare(hash.slice(1))).toMatchObject({ ok: true, state });
  });

  test('the payload is exactly base64url of gzip of the JSON, so other tools can read and write links', () => {
    const state = { code: 'x', seed: 3 };
    const payload = encodeShare(state).slice(4);
    const bytes = Buffer.from(payload, 'base64url');
    expect(bytes[0]).toBe(0x1f);
    expect(JSON.parse(new TextDecoder().decode(gunzipSync(bytes)))).toEqual(state);
    // A link written by another gzip implementation opens too.
    expect(decodeShare(linkOf(JSON.stringify({ code: 'y', chapter: 'state' })))).toEqual({ ok: true, state: { code: 'y', chapter: 'state' }, version: 1 });
  });

  test('a link keeps the language: python is written, TypeScript is the default and is left out', () => {
    const bytes = (hash: string) => JSON.parse(new TextDecoder().decode(gunzipSync(Buffer.from(hash.slice(4), 'base64url')))) as object;
    expect(bytes(encodeShare({ code: 'x', lang: 'python' }))).toEqual({ code: 'x', lang: 'python' });
    expect(bytes(encodeShare({ code: 'x', lang: 'typescript' }))).toEqual({ code: 'x' });
    expect(decodeShare(linkOf(JSON.stringify({ code: 'x', lang: 'typescript' })))).toEqual({ ok: true, state: { code: 'x' }, version: 1 });
    expect(decodeShare(linkOf(JSON.stringify({ code: 'x', lang: 'ruby' })))).toMatchObject({ ok: false });
  });

  test('the same state gives the same link (no timestamp in the gzip header, fixed key order)', () => {
    expect(encodeShare({ seed: 1, code: 'a', input: {} } as ShareState)).toBe(encodeShare({ code: 'a', input: {}, seed: 1 }));
  });

  test('a tutorial example makes a compact link; the size is reported and big links are flagged', () => {
    const small = shareLink({ code: readSrc('examples/concurrency/collect.ts') });
    expect(small.payloadBytes).toBe(small.hash.length - 4);
    expect(small.payloadBytes).toBeLessThan(1500);
    expect(small.tooLong).toBe(false);
    // Incompressible code: random-ish text of 12 KB.
    let seed = 1;
    const noise = Array.from({ length: 12_000 }, () => String.fromCharCode(33 + ((seed = (seed * 16807) % 2147483647) % 90))).join('');
    const big = shareLink({ code: noise });
    expect(big.payloadBytes).toBeGreaterThan(SHARE_PAYLOAD_WARN_BYTES);
    expect(big.tooLong).toBe(true);
    expect(decodeShare(big.hash)).toMatchObject({ ok: true, state: { code: noise } });
  });
});

describe('broken links say what is wrong and never throw', () => {
  const good = encodeShare({ code: readSrc('examples/concurrency/parallel.ts'), seed: 7 });

  test.each([
    ['cut off in the middle', good.slice(0, Math.floor(good.length / 2)), 'truncated'],
    ['cut off by one character', good.slice(0, -1), 'truncated'],
    ['cut off inside the gzip trailer', `#v1.${b64url(Buffer.from(good.slice(4), 'base64url').subarray(0, -3))}`, 'truncated'],
    ['only the prefix', '#v1.', 'truncated'],
    ['not base64', '#v1.abc$%^def', 'not-base64'],
    ['base64 but not gzip', `#v1.${b64url(strToU8('{"code":"x"}'))}`, 'not-gzip'],
    ['gzip but not JSON', `#v1.${b64url(gzipSync(strToU8('code = x')))}`, 'not-json'],
    ['gzip but not UTF-8', `#v1.${b64url(gzipSync(new Uint8Array([0xff, 0xfe, 0x7b])))}`, 'not-json'],
    ['JSON without code', linkOf('{"seed":1}'), 'wrong-shape'],
    ['JSON array', linkOf('[1,2]'), 'wrong-shape'],
    ['input not an object', linkOf('{"code":"x","input":[1]}'), 'wrong-shape'],
    ['seed not a number', linkOf('{"code":"x","seed":"7"}'), 'wrong-shape'],
    ['a newer version', '#v2.whatever-it-is', 'newer-version'],
    ['not a link at all', '#something', 'not-a-share-link'],
    ['empty', '', 'not-a-share-link'],
  ])('%s', (_name, hash, reason) => {
    const result = decodeShare(hash);
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) expect(result.message.length).toBeGreaterThan(20);
  });

  test('a newer version says so in words', () => {
    expect(decodeShare('#v2.abc')).toMatchObject({ message: expect.stringContaining('made by a newer Flowplay') });
  });

  test('a wrong shape names the field', () => {
    expect(decodeShare(linkOf('{"seed":1}'))).toMatchObject({ message: 'This link does not contain a Flowplay workflow: "code" is missing or not text.' });
  });

  test('a small link that inflates past 1 MB is refused while inflating', () => {
    const bomb = linkOf(JSON.stringify({ code: 'a'.repeat(3 * 1024 * 1024) }));
    expect(bomb.length).toBeLessThan(10_000);
    expect(decodeShare(bomb)).toMatchObject({ ok: false, reason: 'too-large' });
  });

  test('unknown extra fields are ignored, known ones kept', () => {
    expect(decodeShare(linkOf('{"code":"x","theme":"dark","seed":2}'))).toEqual({ ok: true, state: { code: 'x', seed: 2 }, version: 1 });
  });

  test('padding and standard base64 characters, as some tools rewrite them, still decode', () => {
    const state = { code: 'const a = 1 >> 2; // ??? ~~~' };
    const standard = Buffer.from(encodeShare(state).slice(4), 'base64url').toString('base64');
    expect(decodeShare(`#v1.${standard}`)).toMatchObject({ ok: true, state });
  });
});
