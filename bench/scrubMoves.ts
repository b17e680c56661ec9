/**
 * Moves of the scrubber over a recorded run in the page, and their verdicts against the bars (median
 * within 16 ms and worst within 50 ms, forward and backward alike); used by bench/scrub.ts and by
 * `npm run bench:browser`. See bench/scrub.ts for how a move is timed.
 */
import type { Page } from '@playwright/test';

export const MOVES = 60;

export interface Move {
  /** From the start of the frame the move came in to the end of the rendering of the frame that shows it. */
  ms: number;
  /** The input event's own handling (the store update and React's render of it). */
  work: number;
  /** Frames it took: 1 when the move is drawn in the frame it came in. */
  frames: number;
  count: number;
  backward?: boolean;
}


/**
 * Opens a dock tab over the recorded run and returns how long the page took to show it (from the
 * click's frame to the end of the rendering of the frame that shows the tab's panel, and for the
 * timeline its cursor). Then waits until the page is idle: what opening the tab set going (the
 * timeline reads the whole run the first time) is the tab's cost, reported here, not the first
 * scrubber move's.
 */
export async function openTab(page: Page, tab: string): Promise<number> {
  const ms = (await page.evaluate(`new Promise((resolve) => {
    const button = document.querySelector('[data-testid="dock-tab-${tab}"]');
    const afterFrame = (then) => { const channel = new MessageChannel(); channel.port1.onmessage = then; channel.port2.postMessage(null); };
    const shown = () => {
      if (document.querySelector('#dock-panel')?.getAttribute('aria-labelledby') !== 'dock-tab-${tab}') return false;
      if ('${tab}' !== 'timeline') return true;
      const timeline = document.querySelector('[data-testid="timeline"]');
      return timeline !== null && timeline.getAttribute('data-cursor') === document.querySelector('[data-testid="scrubber"]').getAttribute('data-count');
    };
    requestAnimationFrame((frameStart) => {
      button.click();
      const check = () => afterFrame(() => {
        if (shown() || performance.now() - frameStart > 30000) resolve(performance.now() - frameStart);
        else requestAnimationFrame(check);
      });
      check();
    });
  })`)) as number;
  await page.evaluate(`new Promise((resolve) => requestIdleCallback(() => requestAnimationFrame(() => resolve(null)), { timeout: 5000 }))`);
  return ms;
}

export /** The moves, each timed until the page shows it (see the top of this file). */
async function scrubMoves(page: Page): Promise<Move[]> {
  const max = Number(await page.getByTestId('scrubber-range').getAttribute('max'));

  // Positions spread over the run in a fixed shuffled order: half of the moves go backwards, which
  // cost the most without checkpoints (the view was folded again from the start).
  const targets = Array.from({ length: MOVES }, (_, i) => Math.round(((i * 37) % MOVES) / MOVES * max) + 1);
  const moves: Move[] = [];
  for (const target of targets) {
    // Passed as source text: tsx would wrap named inner functions in a helper the page does not have.
    const move = (await page.evaluate(`new Promise((resolve) => {
      const range = document.querySelector('[data-testid="scrubber-range"]');
      const scrubber = document.querySelector('[data-testid="scrubber"]');
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const shown = () => {
        const timeline = document.querySelector('[data-testid="timeline"]');
        return scrubber.getAttribute('data-now') === String(${target}) &&
          (!timeline || timeline.getAttribute('data-cursor') === scrubber.getAttribute('data-count'));
      };
      // Once the frame's rendering is done: a message posted during the frame runs after it.
      const afterFrame = (then) => { const channel = new MessageChannel(); channel.port1.onmessage = then; channel.port2.postMessage(null); };
      requestAnimationFrame((frameStart) => {
        const t0 = performance.now();
        setter.call(range, String(${target}));
        range.dispatchEvent(new Event('input', { bubbles: true }));
        const work = performance.now() - t0;
        let frames = 1;
        const check = () => afterFrame(() => {
          if (shown()) resolve({ ms: performance.now() - frameStart, work, frames, count: Number(scrubber.getAttribute('data-count')) });
          else if (performance.now() - t0 > 5000) resolve({ ms: NaN, work, frames, count: -1 });
          else { frames++; requestAnimationFrame(check); }
        });
        check();
      });
    })`)) as Move;
    moves.push({ ...move, backward: moves.length > 0 && target < (targets[moves.length - 1] ?? 0) });
  }
  return moves;
}


export interface ScrubBar {
  name: string;
  value: string;
  ok: boolean;
  bar: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export function scrubBars(tab: string, moves: Move[], events: number, total: number): ScrubBar[] {
  const stats = (list: Move[]) => {
    const times = list.map((m) => m.ms).filter((ms) => Number.isFinite(ms)).sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
    return { median: at(0.5), worst: at(1), missed: list.length - times.length };
  };
  const all = stats(moves);
  const forward = stats(moves.filter((m) => !m.backward));
  const backward = stats(moves.filter((m) => m.backward));
  const distinct = new Set(moves.map((m) => m.count)).size;
  const lines = [
    { name: `${tab} tab open: moves of the scrubber over a ${events.toLocaleString('en')}-event run (${total.toLocaleString('en')} records)`, value: `${moves.length}, ${distinct} distinct cursors`, ok: all.missed === 0 && distinct > MOVES / 2, bar: 'every move shown' },
    { name: 'time to redraw, median (forward / backward)', value: `${all.median.toFixed(1)} ms (${forward.median.toFixed(1)} / ${backward.median.toFixed(1)})`, ok: forward.median <= 16 && backward.median <= 16, bar: '<= 16 ms both ways' },
    { name: 'moves drawn in the frame they came in', value: `${moves.filter((m) => m.frames === 1).length} of ${moves.length}; the input's own handling ${median(moves.map((m) => m.work)).toFixed(1)} ms median`, ok: true, bar: 'reported' },
    { name: 'time to redraw, worst (forward / backward)', value: `${all.worst.toFixed(1)} ms (${forward.worst.toFixed(1)} / ${backward.worst.toFixed(1)})`, ok: all.worst <= 50, bar: '<= 50 ms' },
  ];
  return lines;
}

