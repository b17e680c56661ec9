import type { RunRequest } from './protocol.ts';
import type { RunnerPython } from './runnerPython.ts';
import { UserRun } from './userRun.ts';

/**
 * Runs a warm-up `request` `rounds` times as the runner runs a user's file (the same run path: trace
 * rows, packets, console capture), under a run id of its own so that the user's first run is still
 * `run-1`; its packets go nowhere. A failure only costs the speed-up. Resolves with how many rounds
 * ran without an error.
 *
 * `stopped` is asked before each round: a run waiting for the runner skips the rounds not yet begun.
 * `started` is handed each round's run, so that a run arriving meanwhile can cancel it.
 */
export async function warmUp(request: RunRequest, python: RunnerPython | null, rounds: number, stopped: () => boolean = () => false, started: (run: UserRun) => void = () => {}): Promise<number> {
  let clean = 0;
  try {
    for (let i = 0; i < rounds && !stopped(); i++) {
      const run = new UserRun(() => undefined, () => {}, python);
      started(run);
      if ((await run.execute(request, { runId: 'warm-up' })) === null) clean++;
    }
  } catch {
    // The runner works without it.
  }
  return clean;
}
