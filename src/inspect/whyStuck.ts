import type { StepInfo, TraceRecord, WaitRecord } from '../engine/trace.ts';

/** One thing the run waits on at a moment, and what could still end the wait. */
export interface Wait {
  kind: 'collect' | 'waitForEvent' | 'queue' | 'question';
  step: string | null;
  /** In words: "stepThree waits for 1 more StepThreeEvent (2 of 3 collected)". */
  what: string;
  /** The event types that would end it (none for a queue: a worker does). */
  missing: string[];
  /** Steps that could still produce a missing event: running, queued, waiting, or reachable from one. */
  producers: { step: string; how: string }[];
  /** "nothing can: this will time out at 30s", or who can. */
  verdict: string;
  stuck: boolean;
}

/**
 * Why the run is not moving at the moment after the first `count` records: every collect that waits
 * (for what, how many), every `waitForEvent`, every step queue held by `numWorkers`, a question
 * without an answer, and for each what could still unblock it. It says what the timeout message says
 * when the run times out, before it does, from the records alone.
 */
export function whyStuck(trace: readonly TraceRecord[], count = trace.length): Wait[] {
  const started = trace.find((r) => r.kind === 'run.started');
  if (started?.kind !== 'run.started') return [];
  const steps = new Map(started.steps.map((s) => [s.name, s]));
  const collects = new Map<string, Extract<TraceRecord, { kind: 'collect.progress' }>>();
  const waits = new Map<number, WaitRecord>();
  const live = new Map<number, string>(); // running invocations
  const queued = new Map<number, string>(); // invocations waiting for a worker
  const delivered = new Map<number, { step: string; type: string }>(); // deliveries not yet handled to the end
  const asked: string[] = [];
  let answered = 0;
  let ended = false;
  for (let i = 0; i < Math.min(count, trace.length); i++) {
    const r = trace[i]!;
    switch (r.kind) {
      case 'collect.progress':
        collects.set(`${r.step}\u0000${r.buffer}`, r);
        break;
      case 'wait.started':
        waits.set(r.invocation, r);
        break;
      case 'wait.finished':
        waits.delete(r.invocation);
        break;
      case 'event.emitted':
        for (const d of r.to) {
          if (d.queued !== undefined) queued.set(d.invocation, d.step);
          delivered.set(d.invocation, { step: d.step, type: r.type });
        }
        if (r.type === 'InputRequiredEvent') asked.push(prefixOf(r.payload));
        if (r.via === 'external' && r.type === 'HumanResponseEvent') answered++;
        break;
      case 'step.queued':
        queued.set(r.invocation, r.step);
        break;
      case 'step.started':
        queued.delete(r.invocation);
        live.set(r.invocation, r.step);
        break;
      case 'step.finished':
      case 'step.failed':
        live.delete(r.invocation);
        delivered.delete(r.invocation);
        break;
      case 'run.finished':
        ended = r.status === 'stopped';
        break;
      default:
        break;
    }
  }
  if (ended) return [];
  const active = new Set([...live.values(), ...queued.values(), ...[...waits.values()].map((w) => w.step)]);
  const timeout = started.timeout === null ? 'nothing can, and the run has no timeout: it waits forever' : `nothing can: this will time out at ${started.timeout}s`;
  const explain = (kind: Wait['kind'], step: string | null, what: string, missing: string[]): Wait => {
    const producers = producersOf(missing, steps, active);
    const outside = missing.some((t) => t === 'HumanResponseEvent');
    const stuck = producers.length === 0 && !outside;
    const verdict = outside ? 'an answer from outside (you) can' : stuck ? timeout : `${producers.map((p) => `${p.step} (${p.how})`).join(', ')} could still produce it`;
    return { kind, step, what, missing, producers, verdict, stuck };
  };
  const out: Wait[] = [];
  for (const r of collects.values()) {
    if (r.complete) continue;
    const missing = Object.keys(r.need).filter((t) => (r.have[t] ?? 0) < r.need[t]!);
    const short = missing.map((t) => `${r.need[t]! - (r.have[t] ?? 0)} more ${t}`).join(' and ');
    const have = Object.values(r.have).reduce((a, b) => a + b, 0);
    const need = Object.values(r.need).reduce((a, b) => a + b, 0);
    const wait = explain('collect', r.step, `${r.step} waits for ${short} (${have} of ${need} collected${r.buffer === 'default' ? '' : `, buffer ${r.buffer}`})`, missing);
    // Events already delivered to the step, on their way to its collect, end the wait too.
    const coming = [...delivered.entries()].filter(([inv, d]) => inv !== r.invocation && d.step === r.step && missing.includes(d.type)).length;
    if (coming > 0) {
      wait.stuck = false;
      wait.verdict = `${coming} already delivered to ${r.step} ${coming === 1 ? 'is' : 'are'} on the way${wait.producers.length ? `; ${wait.verdict}` : ''}`;
    }
    out.push(wait);
  }
  for (const w of waits.values()) out.push(explain('waitForEvent', w.step, `${w.step} waits for ${w.type} (waitForEvent)`, [w.type]));
  const held = new Map<string, number>();
  for (const step of queued.values()) held.set(step, (held.get(step) ?? 0) + 1);
  for (const [step, n] of held) {
    const workers = steps.get(step)?.numWorkers ?? 1;
    const running = [...live.values()].filter((s) => s === step).length;
    out.push({ kind: 'queue', step, what: `${n} ${n === 1 ? 'invocation' : 'invocations'} of ${step} queued: all ${workers} of its workers (numWorkers: ${workers}) are busy`, missing: [], producers: [], verdict: running > 0 ? `a worker frees up when one of the ${running} running ends` : 'a worker frees up when the run is resumed', stuck: false });
  }
  if (asked.length > answered) out.push(explain('question', null, `the run waits for an answer to ${JSON.stringify(asked[answered]!.trim())}`, ['HumanResponseEvent']));
  return out;
}

/** Steps that return one of `types` and are active, or can be reached from an active step. */
function producersOf(types: string[], steps: Map<string, StepInfo>, active: Set<string>): { step: string; how: string }[] {
  const reachable = new Map<string, string>();
  for (const name of active) reachable.set(name, 'running, queued or waiting now');
  const frontier = [...active];
  while (frontier.length) {
    const from = steps.get(frontier.pop()!);
    for (const type of from?.returns ?? []) {
      for (const s of steps.values()) {
        if (!reachable.has(s.name) && s.accepts.includes(type)) {
          reachable.set(s.name, `after ${type} from ${from!.name}`);
          frontier.push(s.name);
        }
      }
    }
  }
  return [...steps.values()].filter((s) => s.returns.some((t) => types.includes(t)) && reachable.has(s.name)).map((s) => ({ step: s.name, how: reachable.get(s.name)! }));
}

function prefixOf(payload: unknown): string {
  const prefix = payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>).prefix : undefined;
  return typeof prefix === 'string' ? prefix : '';
}
