/**
 * Where the page's time goes in one of the browser benchmarks' scenes: a CPU profile of the page
 * (Chromium's Profiler, through CDP) around the scene, listed as the functions with the most self time
 * and the same summed per function with its callees. For finding the cause of a missed bar in
 * `bench:browser` or `bench/scrub.ts`; build without minifying to read the names:
 *
 *   npx vite build --outDir dist-profile --minify false
 *   node --import tsx bench/pageProfile.ts file|scrub|play|record|run [--port 4319] [--out dist-profile] [--events N] [--top 30] [--tab timeline,console] [--trace] [--speed 0.5] [--from-file] [--cpu-slowdown N]
 *
 * `run` is the first 4 s after Run of an N-event run (10,000 unless told) at `--speed` (4 in
 * `bench:browser`): the scene of its longest-task bar. `--cpu-slowdown N` throttles the page's thread
 * as `bench:browser` does.
 *
 * With `--trace`, the scene is recorded as a Chromium trace instead, and the page's main thread is
 * summed by what it did (script, style, layout, paint, a canvas's drawing, garbage collection): the
 * profile's "(program)" says only that the time was outside script. The longest tasks are listed too,
 * each with what took most of it, and how long each of the page's threads was busy.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from '@playwright/test';
import { serveApp } from '../tests/support/servedApp.ts';
import { benchRunFile, cpuSlowdownOf, loadSource, openBenchPage } from './benchPage.ts';
import { chooseStagedRun, stageFile } from './stagedFile.ts';
import { LARGE_BROWSER_BENCH_EVENTS, browserBenchSource } from './browserWorkload.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: '4319' },
    out: { type: 'string', default: 'dist-profile' },
    events: { type: 'string' },
    top: { type: 'string', default: '30' },
    tab: { type: 'string', default: 'console' },
    trace: { type: 'boolean', default: false },
    speed: { type: 'string', default: '10' },
    'from-file': { type: 'boolean', default: false },
    'cpu-slowdown': { type: 'string', default: '1' },
  },
});
const scene = positionals[0] ?? 'file';
const CPU_SLOWDOWN = cpuSlowdownOf(values['cpu-slowdown']);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Marks where a scene's own part starts in a trace (a `TimeStamp` event): what comes before is setting up. */
const SCENE_MARK = 'flowplay-scene';

async function record(page: Page, events: number): Promise<void> {
  await loadSource(page, browserBenchSource(events));
  await page.getByTestId('run-speed').selectOption('10');
  await page.evaluate((mark) => console.timeStamp(mark), SCENE_MARK);
  await page.getByTestId('run-button').click();
  // Until the runner has sent the whole run, as bench:browser's recording figure (playing all of it at 10x takes minutes).
  await page.waitForFunction(() => document.querySelector('[data-testid="engine-controls"]')?.getAttribute('data-engine') === 'done', null, { timeout: 600_000 });
}

async function openRunFile(page: Page, events: number): Promise<void> {
  const { text, records } = await benchRunFile(events);
  await stageFile(page, text);
  await chooseStagedRun(page, records);
}

async function profiled(cdp: CDPSession, work: () => Promise<void>): Promise<CpuProfile> {
  if (values.trace) return traced(cdp, work);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  await work();
  console.log(`scene took ${Date.now() - t0} ms`);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  return profile;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { message?: string; url?: string } };
}

/** Records `work` as a Chromium trace, prints the main thread's time by kind, and returns an empty profile. */
async function traced(cdp: CDPSession, work: () => Promise<void>): Promise<CpuProfile> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => {
    events.push(...(value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8', transferMode: 'ReportEvents' });
  const t0 = Date.now();
  await work();
  console.log(`scene took ${Date.now() - t0} ms`);
  await cdp.send('Tracing.end');
  await done;
  summariseTrace(events);
  return { nodes: [], startTime: 0, endTime: 0, samples: [], timeDeltas: [] };
}

/**
 * Self time of each complete event on the renderer's main thread (the thread with the most
 * `FunctionCall` events), by name: an event's time less that of the events inside it.
 */
function summariseTrace(events: TraceEvent[]): void {
  // The renderer's main thread by its name: a worker taking the runner's messages can make more calls.
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const calls = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.name === 'FunctionCall' && (mains.size === 0 || mains.has(key))) calls.set(key, (calls.get(key) ?? 0) + 1);
  }
  const main = [...calls].sort((a, b) => b[1] - a[1])[0]?.[0];
  const own = events.filter((e) => e.ph === 'X' && e.dur !== undefined && `${e.pid}:${e.tid}` === main).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = selfTimes(own);
  console.log('main thread, self time by event:');
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(`  ${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
  longTasks(own);
  threadsBusy(events);
}

/**
 * How long each named thread of the page was busy (its complete events' union), against the scene's
 * span: on a machine of two cores, the page's threads together can ask for more than there is, and
 * the main thread's work then takes longer than its own work explains.
 */
function threadsBusy(events: TraceEvent[]): void {
  const mark = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === SCENE_MARK);
  const from = mark?.ts ?? -Infinity;
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) names.set(`${e.pid}:${e.tid}`, e.args.name);
  const spans = new Map<string, TraceEvent[]>();
  let first = Infinity;
  let last = -Infinity;
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || e.ts < from) continue;
    const key = `${e.pid}:${e.tid}`;
    (spans.get(key) ?? spans.set(key, []).get(key)!).push(e);
    first = Math.min(first, e.ts);
    last = Math.max(last, e.ts + e.dur);
  }
  const busy: [string, number][] = [];
  for (const [key, list] of spans) {
    list.sort((a, b) => a.ts - b.ts);
    let total = 0;
    let end = -Infinity;
    for (const e of list) {
      const start = Math.max(e.ts, end);
      const stop = e.ts + e.dur!;
      if (stop > start) total += stop - start;
      end = Math.max(end, stop);
    }
    // A worker's thread is named only "DedicatedWorker thread": its script tells which one it is.
    const script = list.map((e) => e.args?.data?.url).find((url) => url) ?? '';
    busy.push([`${names.get(key) ?? 'unnamed'} (${key})${script ? ` ${script.replace(/^.*\//, '')}` : ''}`, total]);
  }
  console.log(`threads busy over the ${((last - first) / 1000).toFixed(0)} ms traced${mark ? ' from the scene\'s start' : ''}:`);
  for (const [name, us] of busy.sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
}

/** Self time (µs) by event name of complete events in start order: each event's time less that of the events inside it. */
function selfTimes(sorted: TraceEvent[]): Map<string, number> {
  const self = new Map<string, number>();
  const open: TraceEvent[] = [];
  for (const e of sorted) {
    while (open.length > 0 && open[open.length - 1]!.ts + open[open.length - 1]!.dur! <= e.ts) open.pop();
    const parent = open[open.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur!);
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur!);
    open.push(e);
  }
  return self;
}

/**
 * The main thread's tasks over 50 ms (what the `longtask` observer reports), longest first, each with
 * the events inside it that took most of it by self time: a long task is often several things.
 */
function longTasks(own: TraceEvent[]): void {
  const tasks = own.filter((e) => e.name === 'RunTask' && e.dur! > 50_000).sort((a, b) => b.dur! - a.dur!);
  if (tasks.length === 0) return;
  const start = Math.min(...own.map((e) => e.ts));
  console.log(`tasks over 50 ms: ${tasks.length}`);
  for (const task of tasks.slice(0, 8)) {
    const self = selfTimes(own.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!));
    const parts = [...self].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, us]) => `${name} ${(us / 1000).toFixed(1)}`);
    console.log(`  ${(task.dur! / 1000).toFixed(1).padStart(7)} ms at ${((task.ts - start) / 1000).toFixed(0)} ms: ${parts.join(', ')}`);
  }
}

function summarise(profile: CpuProfile, top: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}`;
  const selfByName = new Map<string, number>();
  for (const [id, ms] of self) {
    const key = name(byId.get(id)!);
    selfByName.set(key, (selfByName.get(key) ?? 0) + ms);
  }
  // Total per function: self time of the node and everything under it, each name counted once per stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = new Map<string, number>();
  for (const [id, ms] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = name(byId.get(at)!);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  }
  const all = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`profile: ${all.toFixed(0)} ms sampled`);
  console.log('self time:');
  for (const [k, ms] of [...selfByName].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${k}`);
  console.log('total time:');
  for (const [k, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${k}`);
}

async function main(): Promise<void> {
  const app = await serveApp(values.out, Number(values.port));
  try {
    const page = await openBenchPage(app, (message) => console.log(`page error: ${message}`), undefined, CPU_SLOWDOWN);
    await page.locator('.react-flow__node').first().waitFor({ timeout: 30_000 });
    const cdp = await page.context().newCDPSession(page);
    let profile: CpuProfile;
    if (scene === 'file') {
      const { text, records } = await benchRunFile(Number(values.events ?? 57_143));
      console.log(`file: ${records} records, ${(text.length / 2 ** 20).toFixed(1)} MB`);
      await stageFile(page, text);
      profile = await profiled(cdp, async () => {
        await chooseStagedRun(page, records);
      });
    } else if (scene === 'run') {
      await loadSource(page, browserBenchSource(Number(values.events ?? 10_000)));
      await page.getByTestId('run-speed').selectOption(values.speed);
      profile = await profiled(cdp, async () => {
        await page.getByTestId('run-button').click();
        await page.waitForTimeout(4000);
      });
    } else if (scene === 'record') {
      const events = Number(values.events ?? LARGE_BROWSER_BENCH_EVENTS);
      profile = await profiled(cdp, () => record(page, events));
    } else {
      const events = Number(values.events ?? LARGE_BROWSER_BENCH_EVENTS);
      // The run recorded in the page (minutes at 100,000 events) or, with --from-file, the same run
      // opened from a saved file (seconds): both are played and scrubbed from one schedule.
      if (values['from-file']) await openRunFile(page, events);
      else await record(page, events);
      await page.getByTestId(`dock-tab-${values.tab.split(',')[0]}`).click();
      await page.waitForTimeout(1000);
      if (scene === 'scrub') {
        const max = Number(await page.getByTestId('scrubber-range').getAttribute('max'));
        const scrub = () =>
          profiled(cdp, async () => {
            for (let i = 0; i < 40; i++) {
              const target = Math.round((((i * 37) % 40) / 40) * max) + 1;
              await page.evaluate(`new Promise((resolve) => requestAnimationFrame(() => {
                const range = document.querySelector('[data-testid="scrubber-range"]');
                Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(range, String(${target}));
                range.dispatchEvent(new Event('input', { bubbles: true }));
                requestAnimationFrame(() => requestAnimationFrame(resolve));
              }))`);
            }
          });
        // Several tabs (`--tab timeline,console`) are profiled in turn on one recording, to compare them.
        const tabs = values.tab.split(',');
        if (tabs.length > 1) console.log(`${tabs[0]} tab open:`);
        profile = await scrub();
        for (const tab of tabs.slice(1)) {
          if (!values.trace) summarise(profile, Number(values.top));
          await page.getByTestId(`dock-tab-${tab}`).click();
          console.log(`${tab} tab open:`);
          profile = await scrub();
        }
      } else {
        await page.getByTestId('run-speed').selectOption(values.speed);
        await page.getByTestId('replay-start').click();
        profile = await profiled(cdp, async () => {
          await page.getByTestId('replay-play').click();
          await page.waitForTimeout(4000);
        });
      }
    }
    mkdirSync('bench/out', { recursive: true });
    if (values.trace) return;
    writeFileSync(`bench/out/page-${scene}.cpuprofile`, JSON.stringify(profile));
    summarise(profile, Number(values.top));
  } finally {
    await app.close();
  }
}

await main();
