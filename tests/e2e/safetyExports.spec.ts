import { readFile } from 'node:fs/promises';
import { encodeShare } from '../../src/share/index.ts';
import { expect, test } from './fixtures.ts';

/** Code from a link whose names and first line carry markup for the formats the page exports to. */
const HOSTILE = `// <img src=x onerror=alert(1)> **bold**
import { Context, StartEvent, StopEvent, Workflow, step } from "flowplay";
class Hostile extends /* */ Workflow {
  @step()
  async "%%{init: {'theme':'dark','themeCSS':'*{background:url(https://evil.example/x)}'}}%%"(ctx: Context, ev: StartEvent): Promise<StopEvent> {
    return new StopEvent({ result: "ok" });
  }
}
`;

test.describe('exports and copies carry no markup from the code', () => {
  test('the Mermaid export has no directive, and Copy as Markdown no HTML in its title line', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`/${encodeShare({ code: HOSTILE })}`);
    await expect(page.locator('.react-flow__node[data-id^="step:"]')).toBeVisible({ timeout: 15_000 });

    await page.getByTestId('export-button').click();
    const downloading = page.waitForEvent('download');
    await page.getByTestId('export-mermaid').click();
    const mermaid = await readFile((await (await downloading).path())!, 'utf8');
    expect(mermaid).toMatch(/^flowchart /);
    expect(mermaid).not.toContain('%%');
    expect(mermaid).not.toContain('{');
    expect(mermaid).toContain('#37;#37;#123;init:');

    await page.getByTestId('share-button').click();
    await page.getByTestId('copy-markdown').click();
    await expect(page.getByTestId('share-status')).toContainText('Markdown copied');
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    const title = markdown.split('\n')[0]!;
    expect(title).not.toMatch(/<|>/);
    expect(title).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // The page still works, and the code is still what was opened.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('editor')).toContainText('class Hostile extends');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 20_000 });
  });
});
