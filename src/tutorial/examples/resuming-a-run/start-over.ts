// The run below starts over: the slow lookup runs again, though the saved context already holds
// everything it found. Resume the saved run instead.
import { Context, Event, HumanResponseEvent, InputRequiredEvent, StartEvent, StopEvent, Workflow, sleep, step } from "flowplay";

// What handler.ctx.toDict() gave for a run of RefundFlow that was waiting for a manager's answer,
// as JSON.stringify wrote it: the state, and the ReviewEvent that review was handling.
const SAVED = {
  version: 1,
  workflow: "RefundFlow",
  stateType: null,
  state: { customer: "Ada", lookups: 1 },
  running: true,
  awaitingInput: 1,
  work: [{ step: "review", type: "ReviewEvent", fields: { order: "A-17", amount: 40 } }],
};

class ReviewEvent extends Event<{ order: string; amount: number }> {}

class RefundFlow extends Workflow {
  @step()
  async lookup(ctx: Context, ev: StartEvent): Promise<ReviewEvent> {
    await sleep(3); // the order system is slow
    await ctx.store.set("customer", "Ada");
    await ctx.store.set("lookups", (await ctx.store.get("lookups", 0)) + 1);
    return new ReviewEvent({ order: ev.order, amount: 40 });
  }

  @step()
  async review(ctx: Context, ev: ReviewEvent): Promise<StopEvent> {
    const answer = await ctx.waitForEvent(HumanResponseEvent, {
      waiterEvent: new InputRequiredEvent({ prefix: `Refund ${ev.amount} EUR for order ${ev.order}? (yes/no) ` }),
    });
    const customer = await ctx.store.get("customer");
    const verdict = answer.response.trim().toLowerCase().startsWith("y") ? "refunded" : "refused";
    return new StopEvent({ result: `${ev.amount} EUR ${verdict} to ${customer} (order ${ev.order})` });
  }
}

const w = new RefundFlow({ timeout: 60, verbose: false });
const result = await w.run({ order: "A-17" });
console.log(result);
