import type { RunRequest } from './protocol.ts';

/**
 * A workflow of Flowplay's own that a TypeScript runner runs while the page is idle, before any user
 * code. A runner serves one run, so every run began in code V8 had not optimised (delivery, the trace
 * store, packets): in a trace of the first 1.3 s of a 100,000-event run, the runner's thread was busy
 * 1.39 s and its process compiled for another 0.6 s beside the page drawing it; warmed, 1.03 s and
 * 0.28 s. This walks the paths most programs take: events sent by the thousand and collected back,
 * `numWorkers`, a step that returns, the store, a console line, a sleep on the run's clock.
 *
 * Written as the compiler writes a user's file (plain JavaScript that reads `flowplay` and returns
 * its workflows), so it runs exactly as one does; `scriptWarmUp.test.ts` runs it as the runner does
 * and checks its trace.
 */
export const SCRIPT_WARM_UP_JS = `const { Event, StartEvent, StopEvent, Workflow, step } = flowplay;

class Query extends Event {}
class Answer extends Event {}
class Tally extends Event {}

const QUERIES = 3000;
const ALL_ANSWERS = Array(QUERIES).fill(Answer);

class WarmUp extends Workflow {
  async fanOut(ctx, ev) {
    await ctx.store.set("asked", QUERIES);
    for (let i = 0; i < QUERIES; i++) ctx.sendEvent(new Query({ i, text: "query " + i }));
    return null;
  }

  async answer(ctx, ev) {
    if (ev.i % 1000 === 0) console.log("answering", ev.i);
    return new Answer({ i: ev.i, long: ev.text.length > 8 });
  }

  async gather(ctx, ev) {
    const all = ctx.collectEvents(ev, ALL_ANSWERS);
    return all ? new Tally({ answered: all.length }) : null;
  }

  async finish(ctx, ev) {
    await flowplay.sleep(10);
    return new StopEvent({ result: ev.answered === (await ctx.store.get("asked")) });
  }
}

const decorate = (name, options) => {
  const desc = Object.getOwnPropertyDescriptor(WarmUp.prototype, name);
  Object.defineProperty(WarmUp.prototype, name, step(options)(WarmUp.prototype, name, desc) || desc);
};
decorate("fanOut", { accepts: [StartEvent], returns: [Query], gather: false, context: true, fanOut: false });
decorate("answer", { numWorkers: 4, accepts: [Query], returns: [Answer], gather: false, context: true, fanOut: false });
decorate("gather", { accepts: [Answer], returns: [Tally], gather: false, context: true, fanOut: false });
decorate("finish", { accepts: [Tally], returns: [StopEvent], gather: false, context: true, fanOut: false });

return { workflows: { WarmUp } };
`;

export const SCRIPT_WARM_UP_REQUEST: RunRequest = {
  js: SCRIPT_WARM_UP_JS,
  workflow: 'WarmUp',
  input: {},
  seed: 1,
  clock: 'virtual',
  speed: 1,
};
