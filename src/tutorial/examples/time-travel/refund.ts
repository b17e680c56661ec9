// Time travel: a refund goes to a manager above 100, and is approved otherwise. Run it, then fork
// the run at the RefundRequest's delivery with other fields and see where the new run goes.
import { Context, Event, StartEvent, StopEvent, Workflow, sleep, step } from "flowplay";

class RefundRequest extends Event<{ order: string; amount: number }> {}

class Escalated extends Event<{ order: string; amount: number }> {}

const LIMIT = 100;

class RefundFlow extends Workflow {
  @step()
  async receive(ctx: Context, ev: StartEvent): Promise<RefundRequest> {
    console.log(`Refund asked for order ${ev.order}`);
    return new RefundRequest({ order: ev.order, amount: ev.amount });
  }

  @step()
  async decide(ctx: Context, ev: RefundRequest): Promise<Escalated | StopEvent> {
    await sleep(1);
    if (ev.amount > LIMIT) {
      return new Escalated({ order: ev.order, amount: ev.amount });
    }
    return new StopEvent({ result: `approved ${ev.amount} for ${ev.order}` });
  }

  @step()
  async manager(ctx: Context, ev: Escalated): Promise<StopEvent> {
    await sleep(2);
    return new StopEvent({ result: `a manager approved ${ev.amount} for ${ev.order}` });
  }
}

const w = new RefundFlow({ timeout: 10, verbose: false });
const result = await w.run({ order: "A-17", amount: 40 });
console.log(result);
