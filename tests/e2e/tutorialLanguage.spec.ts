import { expect, openPlayground, setCode, switchToPython, test } from './fixtures.ts';

/**
 * The tutorial keeps the reader's language: chapter links carry `lang=python`, the next chapter opens
 * in Python, and a link opened afresh reads in the language it names. Every chapter has Python now
 * (`pythonChapters.test.ts` keeps it so), so the path for a chapter without Python has no chapter to
 * show it on and is not tested here.
 */
test.describe('the tutorial keeps the reader’s language', () => {
  test.setTimeout(120_000);

  test('in Python, the next chapter opens in Python and chapter links carry lang=python; a link without lang reads in TypeScript', async ({ page }) => {
    await openPlayground(page);
    await page.getByTestId('lang-python').click();
    await expect(page.getByTestId('lang-switch')).toHaveAttribute('data-lang', 'python');
    await page.getByTestId('tutorial-button').click();
    const first = await page.getByTestId('tutorial').getAttribute('data-chapter');
    expect(first).not.toBeNull();
    await expect(page.getByTestId('chapter-link')).toHaveAttribute('href', new RegExp(`\\?lang=python#chapter/${first}$`));

    await page.getByTestId('next-chapter').click();
    await expect(page.getByTestId('tutorial')).not.toHaveAttribute('data-chapter', first!);
    const next = (await page.getByTestId('tutorial').getAttribute('data-chapter'))!;
    await expect(page.getByTestId('lang-switch')).toHaveAttribute('data-lang', 'python');
    await expect(page.locator('.cm-editor')).toHaveAttribute('data-lang', 'python');
    await expect(page.getByTestId('no-python')).toHaveCount(0);
    expect(new URL(page.url()).search + new URL(page.url()).hash).toBe(`?lang=python#chapter/${next}`);

    // The link honours the language: opened afresh, the chapter opens in Python ...
    const fresh = await page.context().newPage();
    await fresh.goto(`/?lang=python#chapter/${next}`);
    await expect(fresh.getByTestId('tutorial')).toHaveAttribute('data-chapter', next);
    await expect(fresh.getByTestId('lang-switch')).toHaveAttribute('data-lang', 'python');
    await expect(fresh.locator('.cm-editor')).toHaveAttribute('data-lang', 'python');
    // ... and without lang, the same chapter reads in TypeScript.
    const plain = await page.context().newPage();
    await plain.goto(`/#chapter/${next}`);
    await expect(plain.getByTestId('tutorial')).toHaveAttribute('data-chapter', next);
    await expect(plain.locator('.cm-editor')).toHaveAttribute('data-lang', 'typescript');
  });
});

test.describe('switching language says what it opened', () => {
  test('an example without a Python version: the notice names what opened instead', async ({ page }) => {
    await openPlayground(page, 'agent-loop');
    await switchToPython(page);
    await expect(page.getByTestId('notice-link').locator('span').first()).toHaveText('"Agent with a tool step" has no Python version: this is "Parallel: first to finish wins".');
    await expect(page.getByTestId('notice-restore')).toHaveCount(0);
  });

  test('your own code: the notice offers it back, and it comes back', async ({ page }) => {
    await openPlayground(page);
    const mine = 'const mine = "kept across the switch";\n';
    await setCode(page, mine);
    await switchToPython(page);
    await expect(page.getByTestId('notice-link')).toContainText('Your code is kept under Drafts.');
    await page.getByTestId('notice-restore').click();
    await expect(page.getByTestId('editor')).toContainText('kept across the switch');
  });
});
