import { describe, expect, it } from 'vitest';
import { baselineOf, compare, parseBaseline, ratioFigures, remeasure, type Baseline } from '../../../bench/compare.ts';
import { plan } from '../../../bench/plan.ts';
import { Results, type Figures } from '../../../bench/summary.ts';

function fig(impl: Figures['impl'], workload: Figures['workload'], n: number, cpuMs: number): Figures {
  return { impl, workload, n, wallMs: cpuMs, atLeast: false, cpuMs, reps: 5 };
}

const run = new Results([
  fig('floor', 'fanout', 10_000, 5),
  fig('flowplay', 'fanout', 10_000, 10),
  fig('flowplay', 'fanout-trace', 10_000, 20),
  fig('flowplay', 'chain', 1_000, 8),
  fig('llamaindex', 'chain', 1_000, 400),
]);

const base = (ratios: Record<string, number>): Baseline => ({ profile: 'ci', commit: 'abc', at: '2026-12-02T00:00:00Z', node: 'v20', ratios });

describe('bench ratios against a baseline', () => {
  it('takes each ratio from two figures of the same run, in CPU time', () => {
    const byName = Object.fromEntries(ratioFigures(run).map((f) => [f.name, f.value]));
    expect(byName).toEqual({
      'Flowplay / floor, fanout N=10,000': 2,
      'listener / no listener, fanout N=10,000': 2,
      'LlamaIndex / Flowplay, chain N=1,000': 50,
    });
  });

  it('calls a ratio regressed only past 20% in its own bad direction (50% for a ratio against LlamaIndex)', () => {
    const out = compare(
      base({
        'Flowplay / floor, fanout N=10,000': 1.5, // now 2: 33% worse
        'listener / no listener, fanout N=10,000': 1.8, // now 2: 11% worse
        'LlamaIndex / Flowplay, chain N=1,000': 80, // now 50: the lead shrank by 60%
      }),
      ratioFigures(run),
    );
    expect(out.map((c) => [c.name, c.verdict])).toEqual([
      ['Flowplay / floor, fanout N=10,000', 'regressed'],
      ['listener / no listener, fanout N=10,000', 'ok'],
      ['LlamaIndex / Flowplay, chain N=1,000', 'regressed'],
    ]);
    expect(out[0]!.change).toBeCloseTo(4 / 3);
    // A lead over LlamaIndex 28% smaller is within that ratio's noise; a floor ratio 28% worse is not.
    const noisy = compare(base({ 'Flowplay / floor, fanout N=10,000': 1.5625, 'LlamaIndex / Flowplay, chain N=1,000': 64 }), ratioFigures(run));
    expect(noisy.map((c) => c.verdict)).toEqual(['regressed', 'ok']);
  });

  it('counts a faster run as fine, and a ratio the run did not measure as missing', () => {
    const out = compare(base({ 'Flowplay / floor, fanout N=10,000': 4, 'Flowplay / floor, loop N=1,000': 1.1 }), ratioFigures(run));
    expect(out.map((c) => c.verdict)).toEqual(['ok', 'missing']);
  });

  it('measures again exactly the figures behind a suspicious ratio', () => {
    const figures = ratioFigures(run);
    const comparisons = compare(base({ 'Flowplay / floor, fanout N=10,000': 1 }), figures);
    const again = remeasure(comparisons, figures, plan({ profile: 'ci', impls: ['floor', 'flowplay', 'llamaindex'] }));
    expect(again.map((m) => `${m.impl} ${m.workload} ${m.n}`)).toEqual(['floor fanout 10000', 'flowplay fanout 10000']);
  });

  it('writes a baseline that reads back, and refuses a broken one with a reason', () => {
    const written = baselineOf(ratioFigures(run), { profile: 'ci', commit: 'abc', at: 'now', node: 'v20' });
    expect(parseBaseline(JSON.stringify(written), 'b.json').ratios).toEqual(written.ratios);
    expect(() => parseBaseline('{', 'b.json')).toThrow(/b.json is not JSON/);
    expect(() => parseBaseline('{"profile":"ci"}', 'b.json')).toThrow(/no "ratios"/);
    expect(() => parseBaseline('{"profile":"fast","ratios":{}}', 'b.json')).toThrow(/profile/);
    expect(() => parseBaseline('{"profile":"ci","ratios":{"x":-1}}', 'b.json')).toThrow(/"x" is not a positive number/);
  });

  it('plans a CI run whose every ratio has both of its figures', () => {
    const measured = plan({ profile: 'ci', impls: ['floor', 'flowplay', 'llamaindex'] });
    const results = new Results(measured.map((m) => fig(m.impl, m.workload, m.n, 1)));
    expect(ratioFigures(results).map((f) => f.name)).toEqual([
      'Flowplay / floor, fanout N=10,000',
      'LlamaIndex / Flowplay, fanout N=10,000',
      'Flowplay / floor, chain N=1,000',
      'LlamaIndex / Flowplay, chain N=1,000',
      'Flowplay / floor, loop N=1,000',
      'listener / no listener, fanout N=10,000',
    ]);
    expect(measured.every((m) => !m.mem)).toBe(true);
  });
});
