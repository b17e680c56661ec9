/**
 * `embed-demo.html`: a page written the way a docs site would embed Flowplay, with three of the
 * tutorial's examples inline (one script tag, then `<flowplay-embed>` elements). Generated at build
 * time from the examples' own files, so it always shows the code the tests run.
 */
import type { ExampleEntry } from '../tutorial/examplesMenu.ts';

export interface DemoEmbed {
  entry: ExampleEntry;
  source: string;
  /** Attributes of the element, e.g. `{ theme: 'dark', tab: 'console' }`. */
  attributes: Record<string, string>;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function demoPage(embeds: readonly DemoEmbed[]): string {
  const sections = embeds.map(({ entry, source, attributes }) => {
    // Code inside <script type="text/plain"> is read as written, up to the first "</script".
    if (/<\/script/i.test(source)) throw new Error(`The example ${entry.id} contains "</script" and cannot be inlined.`);
    const attrs = Object.entries(attributes)
      .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`))
      .join('');
    return `    <section>
      <h2>${escapeHtml(entry.title)}</h2>
      <p>${escapeHtml(entry.description)}</p>
      <flowplay-embed data-example="${escapeHtml(entry.id)}"${attrs}>
        <script type="text/plain">
${source.trimEnd()}
        </script>
      </flowplay-embed>
    </section>`;
  });
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; frame-src 'self'; object-src 'none'; base-uri 'none'" />
    <title>Workflows, step by step: Flowplay embedded in a docs page</title>
    <link rel="icon" type="image/svg+xml" href="./favicon.svg" />
    <style>
      body { font: 16px/1.6 system-ui, sans-serif; color: #1e293b; max-width: 960px; margin: 0 auto; padding: 24px; }
      h1 { font-size: 28px; } h2 { margin-top: 40px; }
      code { background: #f1f5f9; padding: 1px 4px; border-radius: 4px; }
    </style>
    <script src="./flowplay-embed.js"></script>
  </head>
  <body>
    <h1>Workflows, step by step</h1>
    <p>
      This page is written the way a documentation site embeds Flowplay: one script tag, then a
      <code>&lt;flowplay-embed&gt;</code> element per example with its code inline. Nothing runs until you press Run.
    </p>
${sections.join('\n')}
  </body>
</html>
`;
}
