/**
 * Frame rates while the 100,000-event run plays back, from a saved file of it (opening takes seconds
 * where recording it takes minutes), at chosen speeds and with chosen dock tabs opened in turn
 * first. For comparing builds on a noisy machine the builds alternate, each served from the checkout
 * that built it (its page policy hashes its own sandbox script):
 *
 *   node --import tsx bench/playback.ts [checkout:]dist-a [[checkout:]dist-b] [--runs 2] [--speeds 0.5,1] [--tabs timeline,console] [--events 100000] [--port 5380]
 *
 * Build each with `npx vite build --outDir dist-a` in its checkout first.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium.ts';
import { benchRunFile } from './benchPage.ts';
import { chooseStagedRun, stageFile } from './stagedFile.ts';
import { LARGE_BROWSER_BENCH_EVENTS } from './browserWorkload.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '2' },
    speeds: { type: 'string', default: '0.25,0.5,1,2,4,10' },
    tabs: { type: 'string', default: 'console' },
    events: { type: 'string', default: String(LARGE_BROWSER_BENCH_EVENTS) },
    port: { type: 'string', default: '5380' },
  },
});
const builds = (positionals.length > 0 ? positionals : ['dist-bench']).map((spec) => {
  const [root, dist] = spec.includes(':') ? (spec.split(':') as [string, string]) : [process.cwd(), spec];
  return { spec, root, dist };
});
const speeds = values.speeds.split(',');
const MEASURE_MS = 4_000;

const { text, records } = await benchRunFile(Number(values.events));
console.log(`run file: ${records.toLocaleString('en')} records, ${(text.length / 2 ** 20).toFixed(0)} MB; load average ${loadavg()[0]!.toFixed(1)} at the start`);
const port = Number(values.port);
const servers = await Promise.all(builds.map((b, i) => preview({ root: b.root, build: { outDir: b.dist }, preview: { port: port + i, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' })));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const fps: Record<string, Record<string, number[]>> = {};
try {
  for (let run = 0; run < Number(values.runs); run++) {
    for (const [i, build] of builds.entries()) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
      await page.goto(`http://127.0.0.1:${port + i}/`);
      await page.locator('.react-flow__node').first().waitFor({ timeout: 30_000 });
      await stageFile(page, text);
      await chooseStagedRun(page, records);
      for (const tab of values.tabs.split(',')) {
        await page.getByTestId(`dock-tab-${tab}`).click();
        await page.waitForTimeout(1_500);
      }
      const line: string[] = [];
      for (const speed of speeds) {
        await page.getByTestId('run-speed').selectOption(speed);
        await page.getByTestId('replay-start').click();
        await page.waitForTimeout(300);
        const frames = page.evaluate(`new Promise((resolve) => { const f = []; const s = performance.now(); const tick = (now) => { f.push(now); if (now - s < ${MEASURE_MS}) requestAnimationFrame(tick); else resolve(f); }; requestAnimationFrame(tick); })`) as Promise<number[]>;
        await page.getByTestId('replay-play').click();
        const f = await frames;
        await page.getByTestId('replay-pause').click().catch(() => undefined);
        const rate = ((f.length - 1) * 1000) / (f.at(-1)! - f[0]!);
        const gaps = f.slice(1).map((t, k) => t - f[k]!);
        ((fps[build.spec] ??= {})[speed] ??= []).push(rate);
        line.push(`${speed}x ${rate.toFixed(1)} fps (${gaps.filter((g) => g > 20).length} frames over 20 ms, worst ${Math.round(Math.max(...gaps))} ms)`);
      }
      await page.close();
      console.log(`run ${run + 1}, ${build.spec}: ${line.join('; ')}; load ${loadavg()[0]!.toFixed(1)}`);
    }
  }
} finally {
  await browser.close();
  for (const server of servers) server.httpServer.close();
}
const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2;
};
for (const build of builds) console.log(`${build.spec}: median ${speeds.map((s) => `${s}x ${median(fps[build.spec]![s]!).toFixed(1)}`).join(', ')} fps`);
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1, 5, 15 min) at the end`);
