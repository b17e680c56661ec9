/**
 * src/share and src/tutorial run in the page, in workers and in Node: they reach the browser and the
 * file system only through what is passed in, and import other layers for types only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'examples' ? [] : files(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

test.each([...files(join(SRC, 'share')), ...files(join(SRC, 'tutorial'))].map((p) => [p.slice(SRC.length), p]))('%s uses no DOM or Node API directly', (_name, path) => {
  const code = withoutComments(readFileSync(path, 'utf8'));
  expect(code).not.toMatch(/from ['"]node:|\brequire\(|\bwindow\.|\bdocument\.|\blocalStorage\b|\bsessionStorage\b|\bprocess\./);
  // Other layers are used for their types only (the engine and compiler stay out of the bundle's way).
  for (const match of code.matchAll(/^import (?!type )[^;]*from ['"](\.\.\/[^'"]+)['"]/gm)) {
    expect(match[1], `value import of ${match[1]}`).not.toMatch(/^\.\.\/(\.\.\/)?(engine|compiler|ui|state|worker)\b/);
  }
  expect(code.split('\n').length).toBeLessThan(300);
});
