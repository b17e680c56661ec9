import { TraceDecoder } from '../../src/engine/traceDecoder.ts';
import type { TraceRecord } from '../../src/engine/trace.ts';
import type { RunRequest, RunSetupError } from '../../src/worker/protocol.ts';
import { UserRun } from '../../src/worker/userRun.ts';

/**
 * One run of `request` as the page's runner makes it, and its trace as the page reads it: each packet
 * structured-cloned (as it crosses to the page) and decoded in turn. Also how many packets it took and
 * the run's setup error, if any.
 */
export async function runnerRecords(request: RunRequest): Promise<{ trace: TraceRecord[]; packets: number; problem: RunSetupError | null }> {
  const decoder = new TraceDecoder();
  const trace: TraceRecord[] = [];
  let packets = 0;
  const run = new UserRun((packet) => {
    packets++;
    for (const row of decoder.read(structuredClone(packet))) {
      if (!row.ok) throw new Error(row.reason);
      trace.push(row.record);
    }
  });
  const problem = await run.execute(request);
  return { trace, packets, problem };
}
