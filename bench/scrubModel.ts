/**
 * The scrubbing model alone, in Node: how long the view of a recorded 100,000-event run takes to derive
 * (fold, counters, tokens) after a move of the scrubber, with fold checkpoints and, in the same run,
 * without them (every move back folds again from the start). The page adds its drawing to this; see
 * bench/scrub.ts for the whole redraw in Chromium.
 *
 *   node --import tsx bench/scrubModel.ts [--events 100000]
 */
import { parseArgs } from 'node:util';
import { ViewDeriver } from '../src/state/index.ts';
import { runSource } from '../tests/unit/runSource.ts';
import { LARGE_BROWSER_BENCH_EVENTS, browserBenchSource } from './browserWorkload.ts';

const { values } = parseArgs({ options: { events: { type: 'string', default: String(LARGE_BROWSER_BENCH_EVENTS) } } });
const EVENTS = Number(values.events);
const MOVES = 60;

const run = await runSource(browserBenchSource(EVENTS));
const { trace } = run;
const graph = run.compiled.graph;

/** The scrub bench's moves: spread over the run in a fixed shuffled order, half of them backwards. */
function moves(deriver: ViewDeriver): number[] {
  const schedule = deriver.scheduleFor(trace);
  deriver.derive(graph, trace, schedule.end + schedule.timing.hop);
  const times: number[] = [];
  for (let i = 0; i < MOVES; i++) {
    const target = (((i * 37) % MOVES) / MOVES) * schedule.end;
    const t0 = performance.now();
    deriver.derive(graph, trace, target);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

const withCheckpoints = moves(new ViewDeriver());
const fromStart = moves(new ViewDeriver({ spacing: Number.MAX_SAFE_INTEGER }));
const median = (t: number[]) => t[Math.floor(t.length / 2)]!;
const worst = (t: number[]) => t[t.length - 1]!;
const f = (ms: number) => `${ms.toFixed(2)} ms`;
console.log(`${EVENTS.toLocaleString('en')}-event run, ${trace.length.toLocaleString('en')} records, ${MOVES} moves:`);
console.log(`- with checkpoints: median ${f(median(withCheckpoints))}, worst ${f(worst(withCheckpoints))}`);
console.log(`- folding from the start: median ${f(median(fromStart))}, worst ${f(worst(fromStart))}`);
console.log(`- checkpoints / from the start, median: ${(median(withCheckpoints) / median(fromStart)).toFixed(3)}x`);
