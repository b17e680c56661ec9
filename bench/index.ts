/**
 * `npm run bench`: Flowplay's engine against a minimal microtask event bus (the floor) and
 * @llamaindex/workflow-core (the anchor), one child process per measurement, then any other benches.
 *
 *   npm run bench [-- --only engine|compiler] [--quick] [--impl floor,flowplay,llamaindex] [--from saved.json]
 *
 * stdout is the Markdown report (the README's table); progress goes to stderr; JSON goes to bench/out/.
 * Exits non-zero only when a measurement crashed or a bench threw, never for a missed bar.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { barsText, checkBars } from './bars.ts';
import type { ImplName } from './impls/types.ts';
import { plan } from './plan.ts';
import { figuresTable, growthTable, ratiosTable } from './report.ts';
import { runChild, type Outcome } from './spawn.ts';
import { figures, Results } from './summary.ts';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_DIR = dirname(BENCH_DIR);
const OUT_DIR = join(BENCH_DIR, 'out');

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    /** Render the report of a saved run (bench/out/engine-*.json) instead of measuring. */
    from: { type: 'string' },
    impl: { type: 'string', default: 'floor,flowplay,llamaindex' },
  },
});
if (values.only && values.only !== 'engine' && values.only !== 'compiler') {
  console.error(`--only takes engine or compiler, not ${values.only}`);
  process.exit(2);
}

function log(message: string): void {
  process.stderr.write(message + '\n');
}

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_DIR, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** Everything one engine run produced; saved as JSON so `--from` can render it again. */
interface EngineRun {
  startedAt: string;
  seconds: number;
  node: string;
  cpus: number;
  cpuModel: string;
  loadBefore: number[];
  loadAfter: number[];
  commit: string;
  quick: boolean;
  outcomes: Outcome[];
}

async function measureEngine(): Promise<EngineRun> {
  let impls = values.impl.split(',').map((s) => s.trim()) as ImplName[];
  // Until the engine exists the floor and anchor still run, so the harness can be worked on first.
  if (impls.includes('flowplay') && !existsSync(join(REPO_DIR, 'src/engine/index.ts'))) {
    log('src/engine/index.ts not found: skipping Flowplay');
    impls = impls.filter((i) => i !== 'flowplay');
  }
  const startedAt = new Date();
  const loadBefore = loadavg();
  const measurements = plan({ quick: values.quick, impls });
  const outcomes: Outcome[] = [];
  for (const [i, m] of measurements.entries()) {
    log(`[${i + 1}/${measurements.length}] ${m.impl} ${m.workload} n=${m.n} ×${m.reps}…`);
    const outcome = await runChild(m);
    if (outcome.error) log(`  crashed: ${outcome.error.split('\n').slice(-3).join(' | ')}`);
    if (outcome.capped) log(`  stopped at the ${m.capSeconds} s cap after ${outcome.reps.length} repetition(s)`);
    outcomes.push(outcome);
  }
  const run: EngineRun = {
    startedAt: startedAt.toISOString(),
    seconds: (Date.now() - startedAt.getTime()) / 1000,
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
    loadBefore,
    loadAfter: loadavg(),
    commit: commit(),
    quick: values.quick,
    outcomes,
  };
  mkdirSync(OUT_DIR, { recursive: true });
  const json = JSON.stringify(run, null, 2);
  writeFileSync(join(OUT_DIR, `engine-${run.startedAt.replace(/[:.]/g, '-')}.json`), json);
  writeFileSync(join(OUT_DIR, 'engine-latest.json'), json);
  return run;
}

function renderEngine(run: EngineRun): string {
  const results = new Results(run.outcomes.map(figures));
  const impls = [...new Set(run.outcomes.map((o) => o.measurement.impl))];
  const machine = `Node ${run.node}, ${run.cpus} × ${run.cpuModel}, load average ${run.loadBefore[0]!.toFixed(1)} at start`;
  return `## Engine benchmark

\`npm run bench${run.quick ? ' -- --quick' : ''}\` at ${run.commit}, ${run.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${machine}; ${run.seconds.toFixed(0)} s in all.
Medians of wall and CPU time per measurement; each measurement in its own process.

${figuresTable(results)}

### Ratios

${ratiosTable(results)}

### Growth

${growthTable(results, impls)}

### Bars

${barsText(checkBars(results))}
`;
}

async function engineBench(): Promise<boolean> {
  const run = values.from ? (JSON.parse(readFileSync(values.from, 'utf8')) as EngineRun) : await measureEngine();
  console.log(renderEngine(run));
  return run.outcomes.every((o) => !o.error);
}

/**
 * Other benches plug in as bench/<name>.ts exporting `run`, a default function, or `bench<Name>`
 * (e.g. `benchCompiler`). A returned string is printed as is; an array of flat records as a table.
 */
async function pluginBench(name: string): Promise<boolean> {
  const file = join(BENCH_DIR, `${name}.ts`);
  if (!existsSync(file)) {
    if (values.only === name) log(`bench/${name}.ts does not exist yet`);
    return true;
  }
  try {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const named = `bench${name[0]!.toUpperCase()}${name.slice(1)}`;
    const run = [mod.run, mod.default, mod[named]].find((f) => typeof f === 'function') as ((opts: object) => unknown) | undefined;
    if (!run) throw new Error(`bench/${name}.ts exports none of run, a default function, ${named}`);
    log(`bench/${name}.ts…`);
    const out: unknown = await run({ quick: values.quick, outDir: OUT_DIR });
    if (typeof out === 'string') console.log(out);
    else if (Array.isArray(out) && out.length > 0) console.log(`## ${name[0]!.toUpperCase()}${name.slice(1)} benchmark\n\n${recordsTable(out)}\n`);
    return true;
  } catch (error) {
    log(`bench/${name}.ts failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return false;
  }
}

/** A Markdown table of flat records, numbers rounded for reading. */
function recordsTable(records: unknown[]): string {
  const rows = records.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null);
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown): string => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(1)) : String(v ?? ''));
  return [`| ${keys.join(' | ')} |`, `|${keys.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${keys.map((k) => cell(r[k])).join(' | ')} |`)].join('\n');
}

let ok = true;
if (!values.only || values.only === 'engine') ok = (await engineBench()) && ok;
if (!values.only || values.only === 'compiler') ok = (await pluginBench('compiler')) && ok;
process.exit(ok ? 0 : 1);
