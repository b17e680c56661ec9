import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import tsBlankSpace from 'ts-blank-space';

const FRAME_SCRIPT = fileURLToPath(new URL('./sandboxFrame.ts', import.meta.url));

/** The frame script as a classic script: types blanked out, its `export {}` (there for tsc) dropped. */
export function frameScript(): string {
  return tsBlankSpace(readFileSync(FRAME_SCRIPT, 'utf8')).replace(/^export \{\};\s*$/m, '');
}

/** The `'sha256-…'` source that lets exactly this script run inline, and nothing else. */
export function scriptHashSource(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/**
 * The sandbox page's policy, as a header and as the page's meta tag. The frame script is inline and
 * allowed by its hash: a document whose origin is opaque is no client of the app's service worker,
 * so a script it loaded from the app's origin would come from the network, which is not there offline.
 * - `sandbox allow-scripts` (header only): the origin is opaque however the page is framed or opened;
 * - 'unsafe-eval' is the point of the page (the runner evaluates the user's compiled code);
 * - the runner's worker is a blob; every other fetch, the worker's included, is refused.
 * - frame-ancestors *: every ancestor counts, and an embed puts a docs site of another origin above
 *   this page; what keeps it harmless wherever it is framed is the opaque origin and the refused requests.
 */
export function sandboxPolicy(script: string = frameScript(), { header = true } = {}): string {
  return [
    ...(header ? ['sandbox allow-scripts'] : []),
    "default-src 'none'",
    `script-src ${scriptHashSource(script)} 'unsafe-eval'`,
    'worker-src blob:',
    ...(header ? ['frame-ancestors *'] : []),
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** `sandbox.html`: the frame script inline under a policy that allows it by its hash. */
export function sandboxPage(script: string = frameScript()): string {
  // A `</script` inside the script would end the element early; the frame script has none, and must not.
  if (/<\/script/i.test(script)) throw new Error('The sandbox frame script must not contain "</script".');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '  <head>',
    '    <meta charset="UTF-8" />',
    `    <meta http-equiv="Content-Security-Policy" content="${sandboxPolicy(script, { header: false })}" />`,
    '    <title>Flowplay runner sandbox</title>',
    `    <script>${script}</script>`,
    '  </head>',
    '  <body></body>',
    '</html>',
    '',
  ].join('\n');
}
