/** Runs one measurement in a child process and gathers its lines, stopping it at the time cap. */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LINE_PREFIX, type ChildLine, type MemResult, type RepResult } from './measure.ts';
import type { Measurement } from './plan.ts';

export interface Outcome {
  measurement: Measurement;
  reps: RepResult[];
  mem?: MemResult;
  maxRssDeltaBytes?: number;
  /** The child hit the time cap; `reps` holds whatever finished before it. */
  capped: boolean;
  /** The child failed (crash or wrong result): the harness exits non-zero. */
  error?: string;
}

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_DIR = dirname(BENCH_DIR);

/** Command line for a child; also printed for `--cpu-prof` use when a bar is missed. */
export function childArgs(m: Measurement, extraNodeFlags: string[] = []): string[] {
  return [
    ...extraNodeFlags,
    '--expose-gc',
    '--import',
    'tsx',
    join(BENCH_DIR, 'child.ts'),
    m.impl,
    m.workload,
    String(m.n),
    '--reps',
    String(m.reps),
    '--warmup',
    String(m.warmup),
    ...(m.warmupN === undefined ? [] : ['--warmup-n', String(m.warmupN)]),
    ...(m.mem ? [] : ['--no-mem']),
  ];
}

export function runChild(m: Measurement, extraNodeFlags: string[] = []): Promise<Outcome> {
  return new Promise((resolve) => {
    const outcome: Outcome = { measurement: m, reps: [], capped: false };
    const child = spawn(process.execPath, childArgs(m, extraNodeFlags), { cwd: REPO_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    let pending = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        take(pending.slice(0, nl));
        pending = pending.slice(nl + 1);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000); // the tail is where a stack trace's message is
    });
    const timer = setTimeout(() => {
      outcome.capped = true;
      child.kill('SIGKILL');
    }, m.capSeconds * 1000);

    function take(line: string): void {
      if (!line.startsWith(LINE_PREFIX)) return;
      const parsed = JSON.parse(line.slice(LINE_PREFIX.length)) as ChildLine;
      if (parsed.kind === 'rep') outcome.reps.push(parsed);
      else if (parsed.kind === 'mem') outcome.mem = parsed;
      else outcome.maxRssDeltaBytes = parsed.maxRssDeltaBytes;
    }

    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (!outcome.capped && (code !== 0 || signal)) outcome.error = stderr.trim() || `exited with ${code ?? signal}`;
      resolve(outcome);
    });
  });
}
