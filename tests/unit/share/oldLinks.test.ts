/**
 * Links live on in chats and issues: a link written by an earlier Flowplay must open forever.
 * Each entry is a link exactly as a released version wrote it; never edit one, only add.
 */
import { describe, expect, test } from 'vitest';
import { decodeShare } from '../../../src/share/index.ts';

const PUBLISHED = [
  {
    version: 1,
    hash: '#v1.H4sIAAAAAAACA0WMTQpCIRRGt3L5xjYObAPtoIkT0WtP8g-v8Qpx7_UgaHg4hzPhqmdoxNxqHzTpVvsjpLrTotBrJoODWrJvg4spLlkRukbi1-Di5d_PZQoUYmnPAT2RWcTej_cWsRSE2UOfFdxm2-D-FSF2Gaf9d8D6ADZIa4OOAAAA',
    state: {
      code: 'import { Workflow } from "flowplay";\nclass Hi extends Workflow {}\n',
      input: { message: 'hi' },
      seed: 7,
      chapter: 'first-workflow',
    },
  },
];

describe('links from earlier versions', () => {
  test.each(PUBLISHED.map((p) => [p.version, p] as const))('a v%i link still opens with the same state', (version, link) => {
    expect(decodeShare(link.hash)).toEqual({ ok: true, state: link.state, version });
  });
});
