/**
 * Where a measurement's time goes: runs one child under `node --cpu-prof` and lists the functions with
 * the most self time, and the same summed per file. For finding the cause of a missed bar.
 *
 *   node --import tsx bench/profile.ts <impl> <workload> <n> [--reps R] [--top K]
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ImplName, WorkloadName } from './impls/types.ts';
import { runChild } from './spawn.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_DIR = dirname(BENCH_DIR);

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { reps: { type: 'string', default: '3' }, top: { type: 'string', default: '20' } },
});
const [impl, workload, n] = positionals as [ImplName, WorkloadName, string];
if (!impl || !workload || !n) {
  console.error('usage: profile.ts <impl> <workload> <n> [--reps R] [--top K]');
  process.exit(2);
}

const dir = join(BENCH_DIR, 'out', 'prof');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const outcome = await runChild(
  { impl, workload, n: Number(n), reps: Number(values.reps), warmup: 1, mem: false, capSeconds: 300 },
  ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=200'],
);
if (outcome.error) throw new Error(outcome.error);

const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error('no profile written');
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
const total = profile.samples.length;

function where(node: ProfileNode): string {
  const { url, lineNumber } = node.callFrame;
  if (!url) return '(native)';
  const path = url.startsWith('file://') ? relative(REPO_DIR, fileURLToPath(url)) : url;
  return `${path}:${lineNumber + 1}`;
}

const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const node of profile.nodes) {
  const hits = node.hitCount ?? 0;
  if (!hits) continue;
  const at = where(node);
  const key = `${node.callFrame.functionName || '(anonymous)'}  ${at}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
  const fileKey = at.replace(/:\d+$/, '');
  byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + hits);
}

const top = Number(values.top);
const pct = (hits: number): string => ((100 * hits) / total).toFixed(1).padStart(5) + '%';
const wall = outcome.reps.map((r) => r.wallMs.toFixed(0)).join(', ');
console.log(`${impl} ${workload} n=${n}: ${outcome.reps.length} repetitions (${wall} ms, under the profiler), ${total} samples\n`);
console.log('self time by function:');
for (const [key, hits] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(hits)}  ${key}`);
console.log('\nself time by file:');
for (const [key, hits] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(hits)}  ${key}`);
