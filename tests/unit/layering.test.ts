/**
 * The dependency rule of design section 1 for the core layers: the engine imports nothing of the
 * others and no platform API; the compiler and the inspector use the engine for types only, except
 * that the compiler may call the engine's pure modules (that import only each other, such as its
 * validation and its messages) so that the editor and a run say the same thing, and the inspector
 * may call an engine module that imports nothing (how a value is written on one line), for the
 * same reason.
 * (State and UI are checked in src/state/layering.test.ts; share and tutorial in tests/unit/share.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const LAYERS = ['engine', 'compiler', 'worker', 'state', 'ui', 'cli', 'inspect', 'share', 'tutorial', 'node', 'sandbox'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** `[specifier, typeOnly]` for every import and re-export of a file. */
function imports(path: string): [string, boolean][] {
  const code = withoutComments(readFileSync(path, 'utf8'));
  return [...code.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => [m[2]!, Boolean(m[1])]);
}

function layerOf(specifier: string): string | null {
  const match = /^(?:\.\.\/)+([a-z]+)\//.exec(specifier);
  return match && LAYERS.includes(match[1]!) ? match[1]! : null;
}

describe('layering', () => {
  const engine = sources(join(SRC, 'engine'));
  test.each(engine.map((p) => [p.slice(SRC.length), p]))('%s imports no other layer and no platform module', (_name, path) => {
    for (const [specifier] of imports(path)) {
      expect(specifier, `engine must not import ${specifier}`).toMatch(/^\.\/[\w.]+$/);
    }
    expect(withoutComments(readFileSync(path, 'utf8'))).not.toMatch(/\bdocument\.|\bwindow\.|\blocalStorage\b|\bprocess\./);
  });

  test.each(['compiler', 'inspect'])('%s uses the engine for types only', (layer) => {
    // Pure engine modules: they import only engine modules that are pure themselves.
    const isPure = (path: string, seen: Set<string> = new Set()): boolean =>
      seen.has(path) || imports(path).every(([s]) => /^\.\/[\w.]+\.ts$/.test(s) && isPure(join(path, '..', s), new Set([...seen, path])));
    // The inspector may call an engine module that imports nothing at all (a formatting rule both
    // share); the compiler may call any pure one.
    const importsNothing = (path: string) => imports(path).length === 0;
    const isEngineLeaf = (specifier: string) =>
      /^\.\.\/engine\/[\w.]+\.ts$/.test(specifier) && (layer === 'compiler' ? isPure(join(SRC, layer, specifier)) : importsNothing(join(SRC, layer, specifier)));
    const valueImports = sources(join(SRC, layer)).flatMap((path) =>
      imports(path)
        .filter(([specifier, typeOnly]) => !typeOnly && layerOf(specifier) !== null && !isEngineLeaf(specifier))
        .map(([specifier]) => `${path.slice(SRC.length)}: ${specifier}`),
    );
    expect(valueImports).toEqual([]);
  });

  test('the compiler reaches no Node or DOM API (it runs in a browser worker)', () => {
    for (const path of sources(join(SRC, 'compiler'))) {
      const code = withoutComments(readFileSync(path, 'utf8'));
      expect(code, path).not.toMatch(/from ['"]node:|\bdocument\.|\bwindow\.|\bprocess\./);
    }
  });
});
