// Solution: exponential backoff waits 2s, then 4s; the third attempt comes after the service is free.
import { Context, Event, StartEvent, StopEvent, Workflow, retryPolicy, sleep, step, stopAfterAttempt, waitExponential } from "flowplay";

class ServiceBusy extends Error {
  name = "ServiceBusy";
}

class ForecastEvent extends Event<{ city: string; forecast: string }> {}

const BUSY_FOR = 6;

class WeatherFlow extends Workflow {
  @step({ retryPolicy: retryPolicy({ wait: waitExponential({ multiplier: 1 }), stop: stopAfterAttempt(4) }) })
  async fetchForecast(ctx: Context, ev: StartEvent): Promise<ForecastEvent> {
    const info = ctx.retryInfo();
    await sleep(0.5);
    if (info.elapsedSeconds < BUSY_FOR) {
      throw new ServiceBusy(`Busy (attempt ${info.retryNumber + 1}, ${info.elapsedSeconds}s in)`);
    }
    return new ForecastEvent({ city: ev.city, forecast: "sunny" });
  }

  @step()
  async report(ctx: Context, ev: ForecastEvent): Promise<StopEvent> {
    return new StopEvent({ result: `${ev.city}: ${ev.forecast}` });
  }
}

const w = new WeatherFlow({ timeout: 60, verbose: false });
const result = await w.run({ city: "Lisbon" });
console.log(result);
