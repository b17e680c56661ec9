/**
 * The engine's behaviour in both languages from one table (engineCases.ts): each case runs as
 * TypeScript (compiled, as `flowplay run` does) and as Python (Pyodide in Node, one instance for all
 * cases), and both runs must show the case's facts.
 */
import { describe, expect, it } from 'vitest';
import { runSource } from '../runSource.ts';
import { runPython } from '../python/runPython.ts';
import { ENGINE_CASES } from './engineCases.ts';
import type { EngineCase } from './engineCases.ts';
import { observe } from './observe.ts';
import type { Observed } from './observe.ts';

async function observed(c: EngineCase, language: 'typescript' | 'python'): Promise<Observed> {
  const options = { seed: c.seed ?? 0, answers: c.answers ?? [] };
  const run = language === 'typescript' ? await runSource(c.typescript, options) : await runPython(c.python, options);
  return observe(run.trace, run.lines, run.error);
}

function expectFacts(c: EngineCase, facts: Observed, language: string): void {
  for (const [key, value] of Object.entries(c.expect)) {
    const actual = facts[key as keyof Observed];
    // Which steps ran is compared whole; the other per-step facts for the steps the case names.
    if (key === 'started' || typeof value !== 'object' || value === null || Array.isArray(value)) expect(actual, `${language}: ${key}`).toEqual(value);
    else expect(actual, `${language}: ${key}`).toMatchObject(value);
  }
  if (c.errorContains) expect(facts.error ?? '', `${language}: the run's error`).toContain(c.errorContains);
  else expect(facts.error, `${language}: the run's error`).toBeNull();
}

describe('the engine’s behaviour, in TypeScript and in Python', { timeout: 240_000 }, () => {
  it.each(ENGINE_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const typescript = await observed(c, 'typescript');
    const python = await observed(c, 'python');
    expectFacts(c, typescript, 'TypeScript');
    expectFacts(c, python, 'Python');
    for (const key of c.agree ?? []) expect(python[key], `the same ${key} in both languages`).toEqual(typescript[key]);
  });
});
