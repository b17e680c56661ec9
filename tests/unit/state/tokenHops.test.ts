/**
 * The graph's tokens are read from a table of every hop (src/state/tokenHops.ts). Whatever the order
 * of moves (playing forward, scrubbing back and far ahead, the graph edited in between, the run still
 * growing), they must be the tokens read from the records themselves at that moment, which this test
 * reads as the rule says: a token per hop that set off within one hop's time, its deliveries only until
 * the run finished, and an edge with more than five collapsed into bunches per type and tenth of the edge.
 */
import { describe, expect, test } from 'vitest';
import type { GraphModel } from '../../../src/compiler/index.ts';
import type { TraceRecord } from '../../../src/engine/index.ts';
import { MAX_TOKENS_PER_EDGE, PlaybackSchedule, ViewDeriver, deriveView } from '../../../src/state/index.ts';
import type { TokenView } from '../../../src/state/index.ts';
import { indexGraph } from '../../../src/state/graphIndex.ts';
import { recordExample, recordMapReduce, recordSource } from '../inspect/fixtures.ts';
import { browserBenchSource } from '../../../bench/browserWorkload.ts';

/** The tokens at `now` read from the records, one hop at a time, with nothing kept between calls. */
function tokensFromRecords(graph: GraphModel, trace: readonly TraceRecord[], now: number): Record<string, TokenView[]> {
  const schedule = new PlaybackSchedule();
  schedule.extend(trace);
  const index = indexGraph(graph, trace[0]?.kind === 'run.started' ? trace[0].workflow : null);
  const hop = schedule.timing.hop;
  const shown = schedule.cursorAt(now);
  const finished = trace.slice(0, shown).findIndex((r) => r.kind === 'run.finished');
  const stopAt = finished >= 0 ? schedule.times[finished]! : Infinity;
  const flying: { edge: string; type: string; progress: number; key: string }[] = [];
  const inFlight = (start: number) => start <= now && now - start < hop;
  trace.slice(0, shown).forEach((r, i) => {
    if (r.kind !== 'event.emitted') return;
    const out = r.step === null ? undefined : index.producedEdge(r.step, r.type);
    const p = schedule.tokenStarts[i]!;
    if (out !== undefined && !Number.isNaN(p) && inFlight(p)) flying.push({ edge: out, type: r.type, progress: (now - p) / hop, key: `${r.event}:event` });
    const q = schedule.deliveryStart(i, r);
    if (!inFlight(q) || q >= stopAt) return;
    for (const d of r.to) {
      const into = index.consumedEdge(r.type, d.step);
      if (into !== undefined) flying.push({ edge: into, type: r.type, progress: (now - q) / hop, key: `${r.event}:${d.step}` });
    }
  });
  const perEdge: Record<string, TokenView[]> = {};
  for (const edge of new Set(flying.map((f) => f.edge))) {
    const on = flying.filter((f) => f.edge === edge);
    if (on.length <= MAX_TOKENS_PER_EDGE) {
      perEdge[edge] = on.map((f) => ({ key: f.key, type: f.type, progress: f.progress, count: 1 }));
      continue;
    }
    const bunches = new Map<string, TokenView>();
    for (const f of on) {
      const slot = Math.min(9, Math.floor(f.progress * 10));
      const bunch = bunches.get(`${f.type}@${slot}`);
      if (bunch) {
        bunch.count++;
        bunch.progress = Math.max(bunch.progress, f.progress);
      } else bunches.set(`${f.type}@${slot}`, { key: `group:${f.type}@${slot}`, type: f.type, progress: f.progress, count: 1 });
    }
    perEdge[edge] = [...bunches.values()];
  }
  return perEdge;
}

/** Playback times: forward in frames, then back and far ahead as a scrubber moves. */
function moments(trace: readonly TraceRecord[]): number[] {
  const schedule = new PlaybackSchedule();
  schedule.extend(trace);
  const end = schedule.end + 2 * schedule.timing.hop;
  const forward = Array.from({ length: 60 }, (_, i) => (end * i) / 59);
  const jumps = Array.from({ length: 30 }, (_, i) => end * (((i * 17) % 30) / 29));
  return [...forward, ...jumps];
}

/**
 * A run that stops while events are on their way: eight talkers answer at once and the last returns
 * the stop, so the answers just before it would leave their event node as the run finishes, when
 * there is no step left to take them: those tokens are not drawn.
 */
const STOPS_WHILE_SENDING = `import { Context, Event, StartEvent, StopEvent, Workflow, step } from "flowplay";
class Talk extends Event<{ n: number }> {}
class Said extends Event<{ n: number }> {}
class Stops extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<Talk | null> {
    for (let n = 0; n < 8; n++) ctx.sendEvent(new Talk({ n }));
    return null;
  }
  @step({ numWorkers: 8 })
  async talker(ctx: Context, ev: Talk): Promise<Said | StopEvent> {
    if (ev.n === 7) return new StopEvent({ result: "done" });
    return new Said({ n: ev.n });
  }
  @step()
  async listener(ctx: Context, ev: Said): Promise<StopEvent | null> {
    return null;
  }
}
const w = new Stops({ timeout: 10 });
console.log(await w.run({}));
`;

const runs: [string, () => Promise<{ graph: GraphModel; trace: TraceRecord[] }>][] = [
  ['the parallel example', () => recordExample('parallel.ts')],
  ['the collect example (input events, a gather)', () => recordExample('collect.ts')],
  ['a map-reduce of 40 queries', () => recordMapReduce(40)],
  ['a run that stops while events are on their way', () => recordSource(STOPS_WHILE_SENDING)],
  ['a fan-out of 2,000 events, bunched', () => recordSource(browserBenchSource(2000))],
];

describe('tokens from the table of hops', () => {
  test.each(runs)('%s: the tokens read from the records, at every moment, moving either way', async (_name, record) => {
    const { graph, trace } = await record();
    const deriver = new ViewDeriver();
    let moving = 0;
    for (const now of moments(trace)) {
      const expected = tokensFromRecords(graph, trace, now);
      expect(deriver.derive(graph, trace, now).tokens, `at ${now}`).toEqual(expected);
      expect(deriveView(graph, trace, now).tokens, `at ${now}, derived from nothing`).toEqual(expected);
      moving += Object.values(expected).length;
    }
    // The moments are ones where tokens travel, or the test compares empty pictures.
    expect(moving).toBeGreaterThan(10);
  });

  test('the run growing as it records, then the graph edited: each picture as read from the records', async () => {
    const { graph, trace } = await recordMapReduce(40);
    const deriver = new ViewDeriver();
    const growing: TraceRecord[] = [];
    const schedule = new PlaybackSchedule();
    for (let n = 0; n < trace.length; n += 7) {
      growing.push(...trace.slice(growing.length, n + 7));
      schedule.extend(growing);
      const now = schedule.end;
      expect(deriver.derive(graph, growing, now).tokens, `at ${growing.length} records`).toEqual(tokensFromRecords(graph, growing, now));
    }
    // An edge taken out of the graph (the user edited the code) carries no tokens from then on.
    const dropped = graph.edges.find((e) => e.target.startsWith('step:'))!;
    const edited: GraphModel = { ...graph, edges: graph.edges.filter((e) => e !== dropped) };
    let seen = 0;
    for (const now of moments(growing)) {
      const tokens = deriver.derive(edited, growing, now).tokens;
      expect(tokens).toEqual(tokensFromRecords(edited, growing, now));
      expect(tokens[dropped.id]).toBeUndefined();
      seen += deriver.derive(graph, growing, now).tokens[dropped.id]?.length ?? 0;
    }
    expect(seen).toBeGreaterThan(0);
  });
});
