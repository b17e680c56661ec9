import type { ErrorInfo, LogRecord, StepFailedRecord, StepStartedRecord, TraceRecord } from '../engine/trace.ts';
import type { RunEnd } from '../worker/protocol.ts';
import { pageWritten } from './pageNotes.ts';
import { syntheticFinish } from './syntheticRecords.ts';
import type { TraceCap } from './traceCap.ts';
import type { SourceLang } from './workspaceStore.ts';

/** Seconds of silence the watchdog allows, as the message states it. */
const WATCHDOG_SECONDS = 2;

/** A loop that never gives the runner back, as the code's language writes it: what the watchdog's message suggests. */
const ENDLESS_LOOP: Record<SourceLang, string> = { typescript: 'while (true) {}', python: 'while True: pass' };

/**
 * What the page appends once the runner is done with a run: notes about what was held back (trace
 * records over the cap, messages from the runner that were refused) and, when the engine could not
 * record the run's end itself, a `run.finished` that says why. `lang` is the language the run's code
 * was written in.
 */
export function runEndRecords(trace: readonly TraceRecord[], end: RunEnd, cap: TraceCap, lang: SourceLang = 'typescript'): TraceRecord[] {
  const out: TraceRecord[] = [];
  const all = () => [...trace, ...out];
  const kept = cap.summary();
  if (kept) out.push(note(all(), kept));
  if (end.cut) out.push(note(all(), end.cut));
  if (end.dropped) {
    const why = end.droppedReason ? ` The first: ${end.droppedReason}.` : '';
    const what = end.dropped === 1 ? '1 message from the runner was not a valid trace record and was' : `${end.dropped.toLocaleString('en')} messages from the runner were not valid trace records and were`;
    out.push(note(all(), `${what} ignored (code that posts messages of its own cannot change what this page shows).${why}`));
  }
  if (trace.some((r) => r.kind === 'run.finished')) return out;
  const running = lastRunningStart(trace);
  const step = running?.step;
  const named = step ? { step } : {};
  /** Where the runner was when it went, for the messages below. */
  const where = step ? ` while step '${step}' was running` : '';
  /** The run's end, after the step that was running is marked failed with the same error. */
  const fail = (error: ErrorInfo) => {
    if (running) out.push(failedStep(all(), running, error));
    out.push(syntheticFinish(all(), 'failed', error));
  };
  if (end.kind === 'setup-error') {
    out.push(syntheticFinish(all(), 'failed', end.error));
  } else if (end.kind === 'restarted') {
    switch (end.reason) {
      case 'unresponsive': {
        const who = step ? `Step '${step}'` : 'The code';
        const message = `${who} did not respond for ${WATCHDOG_SECONDS} seconds (a synchronous loop such as ${ENDLESS_LOOP[lang]}?), so the runner was stopped and replaced. The next run starts at once.`;
        fail({ name: 'RunnerUnresponsive', message, ...named });
        break;
      }
      case 'closed':
        fail({
          name: 'RunnerClosed',
          message: 'The code called close(), which ended the runner before the run finished. A new runner was started; end a workflow by returning a StopEvent.',
          ...named,
        });
        break;
      case 'crashed': {
        const detail = end.detail ? ` (${end.detail})` : '';
        const message = `The runner stopped unexpectedly${where}${detail}: it may have run out of memory. A new runner was started; the page and your code are safe.`;
        fail({ name: 'RunnerCrashed', message, ...named });
        break;
      }
      case 'stopped': {
        // The user's Stop, which the runner did not answer in time. A big run keeps the runner busy
        // as surely as a loop does (the engine works through its events without giving the runner's
        // messages a turn), so this must not read as blame for code that was merely busy.
        const waited = end.waitedMs !== undefined ? ` within ${(end.waitedMs / 1000).toFixed(1)} s` : ' in time';
        const message = `Stopped${where}: the runner was too busy to stop the run${waited} (a large run, or a synchronous loop), so it was replaced.`;
        out.push(syntheticFinish(all(), 'cancelled', { name: 'RunnerRestarted', message, ...named }));
        break;
      }
      default: {
        out.push(syntheticFinish(all(), 'cancelled', { name: 'RunnerRestarted', message: `The runner was replaced${where}.`, ...named }));
      }
    }
  } else {
    out.push(syntheticFinish(all(), 'failed', { name: 'RunnerError', message: 'The runner ended without finishing the run.' }));
  }
  return out;
}

/** The latest step start without an end: the step the runner was in when it stopped answering. */
function lastRunningStart(trace: readonly TraceRecord[]): StepStartedRecord | undefined {
  const ended = new Set<number>();
  for (let i = trace.length - 1; i >= 0; i--) {
    const r = trace[i]!;
    if (r.kind === 'step.finished' || r.kind === 'step.failed') ended.add(r.invocation);
    else if (r.kind === 'step.started' && !ended.has(r.invocation)) return r;
  }
  return undefined;
}

function failedStep(trace: readonly TraceRecord[], started: StepStartedRecord, error: ErrorInfo): StepFailedRecord {
  const last = trace[trace.length - 1]!;
  return {
    v: 2,
    kind: 'step.failed',
    runId: last.runId,
    seq: last.seq + 1,
    t: last.t,
    step: started.step,
    invocation: started.invocation,
    worker: started.worker,
    attempt: started.attempt,
    error,
    willRetry: false,
  };
}

function note(trace: readonly TraceRecord[], text: string): LogRecord {
  const last = trace[trace.length - 1];
  return pageWritten({ v: 2, kind: 'log', runId: last?.runId ?? 'local', seq: last ? last.seq + 1 : 0, t: last?.t ?? 0, level: 'warn', text, step: null, invocation: null });
}
