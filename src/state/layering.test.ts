import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

/** Value imports (not `import type`) of the engine, the compiler or the workers, as `file: specifier`. */
function valueImportsOfCore(dir: string): string[] {
  const found: string[] = [];
  for (const file of sources(join(root, dir))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)) {
      const specifier = match[1]!;
      if (/\/(engine|compiler|worker)\//.test(specifier)) found.push(`${relative(root, file)}: ${specifier}`);
    }
  }
  return found;
}

describe('layering (design section 1)', () => {
  it('state imports only types from the engine, the compiler and the workers', () => {
    expect(valueImportsOfCore('state')).toEqual([]);
  });

  it('the UI imports only types from the engine, the compiler and the workers', () => {
    expect(valueImportsOfCore('ui')).toEqual([]);
  });
});
