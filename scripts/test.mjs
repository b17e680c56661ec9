#!/usr/bin/env node
/**
 * `npm test`: unit tests (Vitest), then browser tests (Playwright against the production build) when
 * there are any, then the quick engine benchmark against the committed baseline (bench/baseline.json),
 * then one closing line `N passed, N failed` read from the JSON reports: each test is one, and each
 * ratio compared with the baseline is one (failed when it is more than 20% worse twice in a row).
 * Exits non-zero when anything failed, a runner crashed, or nothing ran at all.
 * FLOWPLAY_SKIP_E2E=1 and FLOWPLAY_SKIP_BENCH=1 leave out the browser tests and the benchmark.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'reports');
mkdirSync(reports, { recursive: true });

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) console.error(`${label} could not start: ${result.error.message}`);
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
let crashed = false;

// Unit tests.
const unitReport = join(reports, 'unit.json');
rmSync(unitReport, { force: true });
const unitStatus = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`]);
const unit = readJson(unitReport);
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  if (unitStatus !== 0 && (unit.numFailedTests ?? 0) === 0) crashed = true; // e.g. a suite failed to load
} else {
  console.error('unit tests: no report was written');
  crashed = true;
}

// Browser tests, once there are any.
const e2eDir = join(root, 'tests', 'e2e');
const hasE2e = existsSync(e2eDir) && readdirSync(e2eDir).some((f) => f.endsWith('.spec.ts'));
if (hasE2e && process.env.FLOWPLAY_SKIP_E2E !== '1') {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.error(`browser tests need Chromium at ${chromium}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
    crashed = true;
  } else {
    const e2eReport = join(reports, 'e2e.json');
    rmSync(e2eReport, { force: true });
    const e2eStatus = run('browser tests', 'npx', ['playwright', 'test'], { FLOWPLAY_E2E_REPORT: e2eReport });
    const e2e = readJson(e2eReport);
    if (e2e?.stats) {
      passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
      failed += e2e.stats.unexpected ?? 0;
      skipped += e2e.stats.skipped ?? 0;
      if (e2e.stats.flaky) console.log(`browser tests: ${e2e.stats.flaky} passed only on their second try (see the report)`);
      if (e2eStatus !== 0 && (e2e.stats.unexpected ?? 0) === 0) crashed = true;
    } else {
      console.error('browser tests: no report was written');
      crashed = true;
    }
  }
}

// The engine's speed, as ratios against the floor and LlamaIndex measured in this same run.
const baselineFile = join(root, 'bench', 'baseline.json');
if (existsSync(baselineFile) && process.env.FLOWPLAY_SKIP_BENCH !== '1') {
  const benchReport = join(reports, 'bench.json');
  rmSync(benchReport, { force: true });
  const benchStatus = run('engine benchmark against the baseline', process.execPath, [
    '--expose-gc', '--import', 'tsx', 'bench/index.ts', '--compare', baselineFile, '--report', benchReport,
  ]);
  const bench = readJson(benchReport);
  if (bench && Array.isArray(bench.comparisons)) {
    const bad = bench.comparisons.filter((c) => c.verdict !== 'ok').length;
    passed += bench.comparisons.length - bad;
    failed += bad;
    if (bench.crashed || (benchStatus !== 0 && bad === 0)) crashed = true;
  } else {
    console.error('engine benchmark: no report was written');
    crashed = true;
  }
}

console.log('');
if (crashed) console.log('A test runner failed before reporting every result (see above).');
if (passed + failed === 0) console.log('No test ran.');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || crashed || passed === 0 ? 1 : 0);
