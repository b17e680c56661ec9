import { encodeShare } from '../../src/share/index.ts';
import { GOOD_WORKFLOW, MY_DRAFT, expect, expectUsable, openLink, openPlayground, saveMyDraft, setCode, test } from './fixtures.ts';

/**
 * Bad input, measured (second half): damaged share links and storage that refuses to keep anything
 * (a run that exhausts memory is in safetyMemory.spec.ts: it needs a browser of its own). As in badInput.spec.ts, each row ends with the page still
 * running a good workflow and the user's code still there.
 */
/** Deterministic text that gzip cannot shrink much, so a link of it is as long as the text. */
function noise(length: number): string {
  let x = 12345;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += String.fromCharCode(97 + ((x >>> 16) % 26));
  }
  return out;
}

const VALID = encodeShare({ code: GOOD_WORKFLOW.replace('page still works', 'from a link') });

const LINKS: { name: string; hash: () => string; notice: RegExp }[] = [
  { name: 'a truncated share link', hash: () => VALID.slice(0, Math.floor(VALID.length / 2)), notice: /This link is (incomplete|damaged)/ },
  { name: 'a share link that is not base64', hash: () => '#v1.this*is*not*base64!', notice: /characters a Flowplay link never has/ },
  { name: 'a share link that is not gzip', hash: () => `#v1.${Buffer.from('plain text, not gzip').toString('base64url')}`, notice: /cannot be unpacked/ },
  { name: 'a share link from a newer version', hash: () => VALID.replace('#v1.', '#v9.'), notice: /made by a newer Flowplay/ },
  { name: 'a 1 MB share link', hash: () => encodeShare({ code: `// ${noise(1_300_000)}\n${GOOD_WORKFLOW}` }), notice: /too large to open/ },
];

test.describe('bad links: a clear notice, the draft kept, the page usable', () => {
  for (const row of LINKS) {
    test(row.name, async ({ page }) => {
      await saveMyDraft(page);
      const hash = row.hash();
      if (row.name.includes('1 MB')) expect(hash.length).toBeGreaterThan(1_000_000);
      await openLink(page, hash);
      await expect(page.getByTestId('notice-link')).toContainText(row.notice, { timeout: 15_000 });
      await expect(page.getByTestId('editor')).toContainText('my draft, not to be lost');
      await expectUsable(page);
    });
  }
});

test.describe('storage that refuses: the work stays on the page', () => {
  for (const [problem, error] of [
    ['full', 'QuotaExceededError'],
    ['blocked', 'SecurityError'],
  ] as const) {
    test(`${problem} browser storage`, async ({ page }) => {
      await page.addInitScript((name) => {
        Storage.prototype.setItem = function () {
          throw new DOMException('refused', name);
        };
        if (name === 'SecurityError') {
          Storage.prototype.getItem = function () {
            throw new DOMException('refused', name);
          };
        }
      }, error);
      await openPlayground(page);
      await setCode(page, MY_DRAFT);
      await expect(page.getByTestId('storage-problem')).toContainText('Your work stays in this tab');
      await expect(page.getByTestId('editor')).toContainText('my draft, not to be lost');
      await expectUsable(page);
    });
  }
});
