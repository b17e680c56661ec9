/**
 * What the page's main thread gets from the runner while the browser benchmark's 10,000-event run
 * records and plays at 4x: the messages its ports hand it (a MessagePort's `onmessage` calls, which
 * also counts React's scheduler) and the frames drawn, per half second from Run, over the 8 s
 * `bench:browser` measures. For comparing builds on a noisy machine, runs alternate between them:
 *
 *   node --import tsx bench/runIntake.ts --out dist-a[,dist-b] [--port 4322] [--runs 3]
 *
 * Build each with `npx vite build --outDir dist-a` from its own checkout first.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { serveApp } from '../tests/support/servedApp.ts';
import { loadSource, openBenchPage } from './benchPage.ts';
import { BROWSER_BENCH_EVENTS, browserBenchSource } from './browserWorkload.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist-bench' }, port: { type: 'string', default: '4322' }, runs: { type: 'string', default: '3' } } });
const BIN_MS = 500;
const MEASURE_MS = 8_000;

/** Counts, on the page, each message a MessagePort hands it and how long its handler took. */
function countMessages(): void {
  const w = window as unknown as { __messages: number[] };
  w.__messages = [];
  const own = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage')!;
  Object.defineProperty(MessagePort.prototype, 'onmessage', {
    set(handler: ((event: MessageEvent) => unknown) | null) {
      const counted = handler
        ? function (this: MessagePort, event: MessageEvent) {
            const start = performance.now();
            const result = handler.call(this, event);
            w.__messages.push(start, performance.now() - start);
            return result;
          }
        : handler;
      own.set!.call(this, counted);
    },
    get() {
      return own.get!.call(this);
    },
  });
}

async function once(out: string, port: number): Promise<string> {
  const app = await serveApp(out, port);
  try {
    const page = await openBenchPage(app, (message) => console.log(`page error: ${message}`), countMessages);
    await loadSource(page, browserBenchSource(BROWSER_BENCH_EVENTS));
    await page.getByTestId('run-speed').selectOption('4');
    // Source text: tsx would wrap named inner functions in a helper the page does not have.
    const measured = page.evaluate(`new Promise((resolve) => {
      const frames = [];
      const start = performance.now();
      window.__messages.length = 0;
      const tick = (now) => { frames.push(now); if (now - start < ${MEASURE_MS}) requestAnimationFrame(tick); else resolve({ frames, start, messages: window.__messages.slice() }); };
      requestAnimationFrame(tick);
    })`) as Promise<{ frames: number[]; start: number; messages: number[] }>;
    await page.getByTestId('run-button').click();
    const { frames, start, messages } = await measured;
    const fps = ((frames.length - 1) * 1000) / (frames.at(-1)! - frames[0]!);
    const bins: string[] = [];
    for (let lo = start; lo < start + MEASURE_MS; lo += BIN_MS) {
      const drawn = frames.filter((t) => t >= lo && t < lo + BIN_MS).length;
      let count = 0;
      let ms = 0;
      for (let i = 0; i < messages.length; i += 2) if (messages[i]! >= lo && messages[i]! < lo + BIN_MS) [count, ms] = [count + 1, ms + messages[i + 1]!];
      bins.push(`${drawn}/${count}/${ms.toFixed(0)}`);
    }
    return `${out}: ${fps.toFixed(1)} fps, ${messages.length / 2} messages; per ${BIN_MS} ms (frames/messages/ms in their handlers): ${bins.join(' ')}`;
  } finally {
    await app.close();
  }
}

const builds = values.out.split(',');
for (let run = 0; run < Number(values.runs); run++) for (const out of builds) console.log(await once(out, Number(values.port)));
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1, 5, 15 min) at the end`);
