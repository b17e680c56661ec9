/**
 * `npm run bench`: Flowplay's engine against a minimal microtask event bus (the floor) and
 * @llamaindex/workflow-core (the anchor), one child process per measurement, then any other benches.
 *
 *   npm run bench [-- --only engine|compiler|python] [--quick | --ci] [--impl floor,flowplay,llamaindex] [--from saved.json]
 *   npm run bench -- --compare bench/baseline.json     measure the baseline's profile and compare ratios
 *   npm run bench -- --ci --save-baseline bench/baseline.json     write a new baseline (commit it with the change that earned it)
 *
 * stdout is the Markdown report (the README's table); progress goes to stderr; JSON (raw outcomes,
 * medians, ratios, bars and any comparison) goes to bench/out/engine-latest.json.
 * Exits non-zero when a measurement crashed or a bench threw, and with --compare when a ratio is more
 * than 20% worse than the baseline's after being measured a second time; never for a missed bar.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { barsText, checkBars } from './bars.ts';
import { baselineOf, compare, comparisonText, parseBaseline, ratioFigures, remeasure, type Baseline, type Comparison } from './compare.ts';
import type { ImplName } from './impls/types.ts';
import { plan, type Measurement, type Profile } from './plan.ts';
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
    /** The few measurements the committed baseline's ratios need (what CI runs). */
    ci: { type: 'boolean', default: false },
    /** Compare this run's ratios with a baseline file; its profile decides what is measured. */
    compare: { type: 'string' },
    /** With --compare: write the comparison (and whether anything crashed) as JSON to this file, for the test script. */
    report: { type: 'string' },
    /** Write this run's ratios as a baseline file. */
    'save-baseline': { type: 'string' },
    /** Render the report of a saved run (bench/out/engine-*.json) instead of measuring. */
    from: { type: 'string' },
    impl: { type: 'string', default: 'floor,flowplay,llamaindex' },
  },
});
if (values.only && !['engine', 'compiler', 'python'].includes(values.only)) {
  console.error(`--only takes engine, compiler or python, not ${values.only}`);
  process.exit(2);
}

const baseline: Baseline | undefined = values.compare ? readBaseline(values.compare) : undefined;
const profile: Profile = baseline?.profile ?? (values.ci ? 'ci' : values.quick ? 'quick' : 'full');
if (baseline && (values.ci || values.quick) && baseline.profile !== (values.ci ? 'ci' : 'quick')) {
  console.error(`${values.compare} holds ratios of the ${baseline.profile} profile; drop --ci / --quick to compare with it`);
  process.exit(2);
}

function readBaseline(file: string): Baseline {
  try {
    return parseBaseline(readFileSync(file, 'utf8'), file);
  } catch (error) {
    console.error(`cannot compare: ${(error as Error).message}`);
    process.exit(2);
  }
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
  /** Older saved runs have only `quick`. */
  profile?: Profile;
  quick: boolean;
  outcomes: Outcome[];
  /** Measurements taken a second time because a ratio looked like a regression; they replace the first. */
  retried?: Outcome[];
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
  const measurements = plan({ profile, impls });
  const outcomes = await measureAll(measurements);
  const run: EngineRun = {
    startedAt: startedAt.toISOString(),
    seconds: (Date.now() - startedAt.getTime()) / 1000,
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
    loadBefore,
    loadAfter: loadavg(),
    commit: commit(),
    profile,
    quick: profile === 'quick',
    outcomes,
  };
  return run;
}

async function measureAll(measurements: Measurement[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const [i, m] of measurements.entries()) {
    log(`[${i + 1}/${measurements.length}] ${m.impl} ${m.workload} n=${m.n} ×${m.reps}…`);
    const outcome = await runChild(m);
    if (outcome.error) log(`  crashed: ${outcome.error.split('\n').slice(-3).join(' | ')}`);
    if (outcome.capped) log(`  stopped at the ${m.capSeconds} s cap after ${outcome.reps.length} repetition(s)`);
    outcomes.push(outcome);
  }
  return outcomes;
}

const sameMeasurement = (a: Measurement, b: Measurement): boolean => a.impl === b.impl && a.workload === b.workload && a.n === b.n;

/**
 * Compares with the baseline; a ratio that looks more than 20% worse has both of its measurements
 * taken again (a neighbour's build can land on any one of them) and counts as regressed only if the
 * better of its two values is still over the line.
 */
async function compareWithBaseline(run: EngineRun, base: Baseline): Promise<{ comparisons: Comparison[]; retriedNames: string[] }> {
  const first = ratioFigures(new Results(run.outcomes.map(figures)));
  let comparisons = compare(base, first);
  const again = remeasure(comparisons, first, run.outcomes.map((o) => o.measurement));
  if (again.length === 0) return { comparisons, retriedNames: [] };
  log(`${comparisons.filter((c) => c.verdict === 'regressed').length} ratio(s) look worse than the baseline: measuring ${again.length} figure(s) again`);
  run.retried = await measureAll(again);
  const merged = run.outcomes.map((o) => run.retried!.find((r) => sameMeasurement(r.measurement, o.measurement)) ?? o);
  const second = compare(base, ratioFigures(new Results(merged.map(figures))));
  const retriedNames = comparisons.filter((c) => c.verdict === 'regressed').map((c) => c.name);
  comparisons = comparisons.map((c, i) => {
    const s = second[i]!;
    if (c.verdict !== 'regressed' || s.change === undefined) return c;
    return s.change < c.change! ? s : c;
  });
  return { comparisons, retriedNames };
}

const profileOf = (run: EngineRun): Profile => run.profile ?? (run.quick ? 'quick' : 'full');

function renderEngine(run: EngineRun): string {
  const results = new Results(run.outcomes.map(figures));
  const impls = [...new Set(run.outcomes.map((o) => o.measurement.impl))];
  const machine = `Node ${run.node}, ${run.cpus} × ${run.cpuModel}, load average ${run.loadBefore[0]!.toFixed(1)} at start`;
  const flag = profileOf(run) === 'full' ? '' : ` -- --${profileOf(run)}`;
  return `## Engine benchmark

\`npm run bench${flag}\` at ${run.commit}, ${run.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${machine}; ${run.seconds.toFixed(0)} s in all.
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
  const comparison = baseline ? await compareWithBaseline(run, baseline) : undefined;
  if (comparison && baseline) console.log(comparisonText(comparison.comparisons, baseline, comparison.retriedNames));
  const results = new Results(run.outcomes.map(figures));
  const ratios = ratioFigures(results);
  if (!values.from) {
    mkdirSync(OUT_DIR, { recursive: true });
    const json = JSON.stringify({ ...run, figures: results.all, ratios, bars: checkBars(results), comparison: comparison?.comparisons }, null, 2);
    writeFileSync(join(OUT_DIR, `engine-${run.startedAt.replace(/[:.]/g, '-')}.json`), json);
    writeFileSync(join(OUT_DIR, 'engine-latest.json'), json);
  }
  if (values['save-baseline']) {
    const saved = baselineOf(ratios, { profile: profileOf(run), commit: run.commit, at: run.startedAt, node: run.node });
    writeFileSync(values['save-baseline'], `${JSON.stringify(saved, null, 2)}\n`);
    log(`baseline of ${ratios.length} ratios written to ${values['save-baseline']}`);
  }
  const crashed = run.outcomes.some((o) => o.error) || (run.retried ?? []).some((o) => o.error);
  const regressed = comparison?.comparisons.some((c) => c.verdict !== 'ok') ?? false;
  if (values.report) writeFileSync(values.report, `${JSON.stringify({ crashed, comparisons: comparison?.comparisons ?? [] }, null, 2)}\n`);
  return !crashed && !regressed;
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

// A comparison or a CI run is about the engine's ratios; the compiler bench has bars of its own.
const only = values.only ?? (values.ci || values.compare ? 'engine' : undefined);
let ok = true;
if (!only || only === 'engine') ok = (await engineBench()) && ok;
if ((!only || only === 'engine') && !values.ci && !values.compare) ok = (await pluginBench('traceBytes')) && ok;
if ((!only || only === 'engine') && !values.ci && !values.compare) ok = (await pluginBench('compareTraces')) && ok;
if (!only || only === 'compiler') ok = (await pluginBench('compiler')) && ok;
if (!only || only === 'python') ok = (await pluginBench('python')) && ok;
process.exit(ok ? 0 : 1);
