/**
 * Python in Node: Pyodide's start-up with Flowplay's runtime (once per process), the first run of the
 * concurrency chapter's parallel program after it, and later runs of the chapter's four programs
 * (median of 10 each, virtual clock). The page's budgets (first run within 2 s of Run on a cold page,
 * later runs under 100 ms) are measured in Chromium; these figures are the same work in Node.
 *
 *   node --import tsx bench/python.ts
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { runHosted } from '../src/cli/runFile.ts';
import { loadNodePython } from '../src/node/loadNodePython.ts';

export interface PythonBenchResult {
  name: string;
  medianMs: number;
  maxMs: number;
}

const PROGRAMS = ['parallel', 'collect', 'collect-different-types', 'map-reduce'];

function source(name: string): string {
  return readFileSync(new URL(`../src/examples/concurrency/${name}.py`, import.meta.url), 'utf8');
}

async function timeRun(text: string, fileName: string): Promise<number> {
  const runtime = await loadNodePython();
  const start = performance.now();
  await runHosted({ input: {}, seed: 0, clock: 'virtual', write: () => {} }, () =>
    runtime.runSource(text, fileName, { input: {}, print: () => {} }),
  );
  return performance.now() - start;
}

export async function benchPython(): Promise<PythonBenchResult[]> {
  const loadStart = performance.now();
  await loadNodePython();
  const loadMs = performance.now() - loadStart;
  const results: PythonBenchResult[] = [{ name: 'start Pyodide + runtime', medianMs: loadMs, maxMs: loadMs }];
  const first = await timeRun(source('parallel'), 'parallel.py');
  results.push({ name: 'first run: parallel.py', medianMs: first, maxMs: first });
  for (const name of PROGRAMS) {
    const times: number[] = [];
    for (let i = 0; i < 10; i++) times.push(await timeRun(source(name), `${name}.py`));
    times.sort((a, b) => a - b);
    results.push({ name: `later runs: ${name}.py`, medianMs: times[5] ?? 0, maxMs: times[9] ?? 0 });
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void benchPython().then((results) => {
    for (const r of results) console.log(`${r.name.padEnd(40)} median ${r.medianMs.toFixed(1).padStart(8)} ms  max ${r.maxMs.toFixed(1).padStart(8)} ms`);
  });
}
