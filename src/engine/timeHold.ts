/**
 * A host with a scheduler of its own (Python's asyncio loop) holds virtual time while it has work
 * queued. The engine's rule, "time moves when every running invocation waits on a timer", sees only
 * the engine's side: when a timer fires, the code it wakes may run in a later task of the host's
 * loop, and until it has run, the other timers it waits on (a timeout beside a sleep) must not fire.
 * The hold covers every run: one host loop runs the steps of all of them.
 */
import type { RunCore } from './runCore.ts';

let holds = 0;
/** Runs that wanted to move time on while it was held: they look again when the last hold goes. */
const waiting = new Set<RunCore>();

/** Holds every run's virtual time until the returned function is called (calling it again does nothing). */
export function holdVirtualTime(): () => void {
  holds++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holds > 0) return;
    const runs = [...waiting];
    waiting.clear();
    for (const run of runs) run.scheduleIdle();
  };
}

/** @internal True while held; the run is told when the hold ends. */
export function virtualTimeHeld(run: RunCore): boolean {
  if (holds === 0) return false;
  waiting.add(run);
  return true;
}
