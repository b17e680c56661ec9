/**
 * The anchor: @llamaindex/workflow-core written the way its documentation shows each pattern.
 * - Fan-in follows the "Fan-In/Fan-Out" page: a stateful-middleware counter, one handler that sends the
 *   items, one that processes each, and one that pushes results into `state` and emits the completion
 *   event when all have arrived. (The README's other idiom, `stream.filter(..).take(n).toArray()` inside
 *   the start handler, is quadratic in n here: 30,000 items take about 45 s.)
 * - Runs are `createContext()` + `sendEvent(start)` + `stream.untilEvent(stop)`, the documented way to
 *   wait for one event without collecting the whole stream.
 * - Handlers are async like Flowplay's steps (synchronous handlers recurse and overflow the stack in
 *   the loop workload).
 */
import { createWorkflow, workflowEvent, type WorkflowEvent } from '@llamaindex/workflow-core';
import { createStatefulMiddleware } from '@llamaindex/workflow-core/middleware/state';
import { probe, probeNow } from '../probe.ts';
import type { Impl } from './types.ts';

const startEvent = workflowEvent<number>();
const stopEvent = workflowEvent<number>();
const itemEvent = workflowEvent<number>();
const resultEvent = workflowEvent<number>();

const { withState } = createStatefulMiddleware((input: { n: number }) => ({
  itemsToProcess: input.n,
  results: [] as number[],
}));
const fanoutFlow = withState(createWorkflow());

fanoutFlow.handle([startEvent], async (context) => {
  probe();
  const { sendEvent, state } = context;
  for (let i = 0; i < state.itemsToProcess; i++) sendEvent(itemEvent.with(i));
  probeNow();
});
fanoutFlow.handle([itemEvent], async (_context, ev) => {
  probe();
  return resultEvent.with(ev.data);
});
fanoutFlow.handle([resultEvent], async (context, ev) => {
  probe();
  const { state } = context;
  state.results.push(ev.data);
  if (state.results.length === state.itemsToProcess) return stopEvent.with(state.results.length);
});

async function fanout(n: number): Promise<number> {
  const { stream, sendEvent } = fanoutFlow.createContext({ n });
  sendEvent(startEvent.with(n));
  return (await stream.untilEvent(stopEvent)).data;
}

/** One event type per hop, as a ten-step workflow would declare them. */
const hops: WorkflowEvent<number>[] = Array.from({ length: 10 }, () => workflowEvent<number>());

const chainFlow = createWorkflow();
chainFlow.handle([startEvent], async (_c, ev) => {
  probe();
  return hops[0]!.with(ev.data + 1);
});
for (let k = 0; k < 8; k++) {
  chainFlow.handle([hops[k]!], async (_c, ev) => {
    probe();
    return hops[k + 1]!.with(ev.data + 1);
  });
}
chainFlow.handle([hops[8]!], async (_c, ev) => {
  probe();
  return stopEvent.with(ev.data + 1);
});

async function chain(runs: number): Promise<number> {
  let sum = 0;
  for (let i = 0; i < runs; i++) {
    const { stream, sendEvent } = chainFlow.createContext();
    sendEvent(startEvent.with(i));
    sum += (await stream.untilEvent(stopEvent)).data;
  }
  return sum;
}

/** A workflow per size keeps the round limit in a closure, without middleware in the measured path. */
function loopFlow(loops: number) {
  const flow = createWorkflow();
  // `handle([a, b])` would wait for both (a join), so step 1 is registered once per event it accepts.
  const first = async (_c: unknown, ev: { data: number }) => {
    probe();
    return hops[0]!.with(ev.data);
  };
  flow.handle([startEvent], first);
  flow.handle([hops[9]!], first);
  for (let k = 0; k < 8; k++) {
    flow.handle([hops[k]!], async (_c, ev) => {
      probe();
      return hops[k + 1]!.with(ev.data);
    });
  }
  flow.handle([hops[8]!], async (_c, ev) => {
    probe();
    const count = ev.data + 1;
    return count >= loops ? stopEvent.with(count) : hops[9]!.with(count);
  });
  return flow;
}

async function loop(loops: number): Promise<number> {
  const { stream, sendEvent } = loopFlow(loops).createContext();
  sendEvent(startEvent.with(0));
  return (await stream.untilEvent(stopEvent)).data;
}

export const llamaindex: Impl = { fanout, chain, loop };
