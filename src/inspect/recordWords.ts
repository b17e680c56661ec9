import type { JsonValue } from '../engine/jsonSafe.ts';
import type { TraceRecord } from '../engine/trace.ts';

/**
 * A record in words, without its time, for naming the moment where two runs part:
 * `stepTwo #3 returned StopEvent {"result":"Query 2"}`. Invocations are numbered as the inspector
 * numbers them (`#3` is invocation 3 of the run).
 */
export function recordWords(r: TraceRecord): string {
  switch (r.kind) {
    case 'run.started':
      return `${r.workflow} started${r.seed !== null ? ` with seed ${r.seed}` : ''}`;
    case 'run.finished':
      return `the run ended ${r.status}${r.status === 'stopped' ? ` with ${short(r.result ?? null)}` : r.error ? `: ${r.error.name}: ${r.error.message}` : ''}`;
    case 'event.emitted': {
      const event = `${r.type} ${short(r.payload)}`;
      const to = r.to.length > 0 ? ` to ${r.to.map((d) => d.step).join(', ')}` : '';
      if (r.via === 'input') return `the run's input ${event} was sent${to}`;
      if (r.via === 'external') return `${event} was sent in from outside${to}`;
      const how = r.via === 'return' ? 'returned' : r.via === 'stream' ? 'streamed' : 'sent';
      return `${r.step ?? 'a step'} #${r.invocation ?? '?'} ${how} ${event}${to}`;
    }
    case 'event.dropped':
      return `event ${r.event} was dropped (${r.reason === 'run-ended' ? 'the run had ended' : 'left over in a collect'})`;
    case 'event.unhandled':
      return `no step took ${r.type} (event ${r.event})`;
    case 'step.queued':
      return `${r.step} #${r.invocation} waited for a worker (place ${r.position + 1} in the queue)`;
    case 'step.started':
      return `${r.step} #${r.invocation} started on worker ${r.worker}${r.attempt > 1 ? `, attempt ${r.attempt}` : ''}`;
    case 'step.finished':
      return `${r.step} #${r.invocation} ${r.status === 'done' ? 'finished' : r.status === 'waiting' ? 'ended waiting for an event' : 'was cancelled'}`;
    case 'step.failed':
      return `${r.step} #${r.invocation} failed: ${r.error.name}: ${r.error.message}${r.willRetry ? ' (it will retry)' : ''}`;
    case 'collect.progress':
      return `${r.step} collected ${Object.entries(r.have).map(([type, n]) => `${n} of ${r.need[type] ?? n} ${type}`).join(', ')}`;
    case 'collect.leftover':
      return `${r.step} was left holding ${Object.entries(r.types).map(([type, n]) => `${n} ${type}`).join(', ')}`;
    case 'state.changed':
      return `${r.step ? `${r.step} #${r.invocation ?? '?'} set` : 'the state was set:'} ${r.key === '' ? 'the whole state' : r.key} = ${short(r.value)}`;
    case 'stream.published':
      return `${r.type} (event ${r.event}) was published on the stream`;
    case 'wait.started':
      return `${r.step} #${r.invocation} began waiting for ${r.type}`;
    case 'wait.finished':
      return `${r.step} #${r.invocation} ${r.event === null ? 'stopped waiting' : 'got'} ${r.type}`;
    case 'run.paused':
      return `the run paused (${r.reason}${r.step ? ` before ${r.step}` : ''})`;
    case 'run.resumed':
      return 'the run went on';
    case 'resource.injected':
      return `${r.step} #${r.invocation} got ${r.resource} for ${r.param}`;
    case 'input.received':
      return r.input === 'cancel' ? 'the run was stopped from outside' : `an input came in: ${r.input}${r.type ? ` ${r.type}` : ''}${r.key ? ` ${r.key}` : ''} ${short(r.value)}`;
    case 'log':
      return `${r.step ? `${r.step} #${r.invocation ?? '?'} printed` : 'the code printed'} ${short(r.text)}`;
  }
}

/** A value as short JSON, for a sentence. */
export function short(value: JsonValue, max = 60): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
