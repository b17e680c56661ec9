// Ported from the library's tests/test_retry_tenacity_conformance.py. The library checks that its
// retry vocabulary takes the same parameters as tenacity's; here the parameters (or, for a single
// options object, its keys) of each Flowplay function are read from the engine's source with the
// TypeScript compiler and compared to tenacity's names in camelCase.
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { waitFullJitter, waitRandomExponential } from 'flowplay';

const SOURCE = new URL('../../src/engine/retryPolicy.ts', import.meta.url);

/** Python name -> tenacity's parameters (null: tenacity has no such function). */
const TENACITY: Record<string, string[] | null> = {
  wait_fixed: ['wait'],
  wait_none: [],
  wait_exponential: ['multiplier', 'max', 'exp_base', 'min'],
  wait_incrementing: ['start', 'increment', 'max'],
  wait_random: ['min', 'max'],
  wait_exponential_jitter: ['initial', 'max', 'exp_base', 'jitter'],
  wait_random_exponential: ['multiplier', 'max', 'exp_base', 'min'],
  wait_chain: ['strategies'],
  wait_combine: ['strategies'],
  stop_after_attempt: ['max_attempt_number'],
  stop_after_delay: ['max_delay'],
  stop_any: ['stops'],
  stop_all: ['stops'],
  stop_before_delay: ['max_delay'],
  stop_never: null,
  retry_if_exception: ['predicate'],
  retry_if_exception_type: ['exception_types'],
  retry_if_not_exception_type: ['exception_types'],
  retry_if_exception_message: ['message', 'match'],
  retry_if_not_exception_message: ['message', 'match'],
  retry_if_exception_cause_type: ['exception_types'],
  retry_any: ['retries'],
  retry_all: ['retries'],
  retry_always: null,
  retry_never: null,
  retry_unless_exception_type: ['exception_types'],
};

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Parameter names of each exported function; an options-object parameter counts as its keys. */
function signatures(): Map<string, string[]> {
  const program = ts.createProgram([SOURCE.pathname], { strict: true, noEmit: true, allowImportingTsExtensions: true, target: ts.ScriptTarget.ES2022 });
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(SOURCE.pathname)!;
  const out = new Map<string, string[]>();
  const moduleSymbol = checker.getSymbolAtLocation(file)!;
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.valueDeclaration;
    if (!declaration || !ts.isFunctionDeclaration(declaration)) continue;
    const params = declaration.parameters;
    const first = params[0];
    const type = first && !first.dotDotDotToken ? checker.getNonNullableType(checker.getTypeAtLocation(first)) : null;
    const isOptions =
      params.length === 1 && type !== null && (type.flags & ts.TypeFlags.Object) !== 0 && type.getCallSignatures().length === 0 && type.getConstructSignatures().length === 0 && !checker.isArrayType(type);
    out.set(exported.name, isOptions ? type!.getProperties().map((p) => p.name) : params.map((p) => p.name.getText(file)));
  }
  return out;
}

describe('retry vocabulary matches tenacity', () => {
  const ours = signatures();
  for (const [python, theirs] of Object.entries(TENACITY)) {
    it(`test_retry_policy_signatures_align_with_tenacity[${python}]`, () => {
      const name = camel(python);
      expect(ours.has(name), `${name} is exported`).toBe(true);
      expect([...ours.get(name)!].sort()).toEqual((theirs ?? []).map(camel).sort());
    });
  }

  it('test_wait_full_jitter_alias_matches_wait_random_exponential_signature', () => {
    expect(ours.get('waitFullJitter')).toEqual(ours.get('waitRandomExponential'));
    const options = { multiplier: 1, expBase: 3, max: 40, min: 1 };
    expect(waitFullJitter(options)(3, { seed: 5 })).toBe(waitRandomExponential(options)(3, { seed: 5 }));
  });
});
