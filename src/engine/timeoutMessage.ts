/**
 * The timeout message names the steps still active and, for a step stuck in `collectEvents`, what it
 * still waits for: the Python library only says "timed out", which leaves users guessing.
 */
import type { RunCore } from './runCore.ts';

function seconds(value: number): string {
  return String(Number(value.toFixed(3)));
}

/** Steps with an invocation running, in declaration order (a step waiting for an event is not running, as in the library). */
export function activeSteps(run: RunCore): string[] {
  return run.steps.filter((rt) => rt.running > 0).map((rt) => rt.def.name);
}

export function timeoutMessage(run: RunCore, timeout: number): string {
  const active = activeSteps(run);
  const parts = [
    `Operation timed out after ${seconds(timeout)} seconds`,
    active.length ? `Currently active steps: ${active.join(', ')}` : 'No steps active',
  ];
  for (const rt of run.steps) {
    for (const buffer of rt.buffers?.values() ?? []) {
      if (buffer.size === 0 || !buffer.lastNeed) continue;
      const missing = buffer.missing(buffer.lastNeed);
      if (missing.length) parts.push(`${rt.def.name} is waiting for ${missing.join(' and ')}`);
    }
    const awaited = rt.waitingFor();
    if (awaited.length) parts.push(`${rt.def.name} is waiting for ${awaited.join(' and ')} (waitForEvent)`);
  }
  return parts.join('. ');
}
