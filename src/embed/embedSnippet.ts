/**
 * "Copy embed code": what a docs author pastes into a page: the element's script from this
 * deployment, then the element pointing at the share link. The link carries the code, so the snippet
 * stays one line per embed whatever the code's length.
 */
export function embedSnippet(appUrl: string, shareHash: string): string {
  const base = new URL('./', appUrl).href;
  const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<script src="${attr(`${base}flowplay-embed.js`)}"></script>\n<flowplay-embed src="${attr(`${base}${shareHash}`)}"></flowplay-embed>`;
}
