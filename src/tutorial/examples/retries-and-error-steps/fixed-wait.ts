// The service is busy for its first 6 seconds. Four attempts one second apart all come too early,
// so the last error fails the run. Make each wait longer than the one before.
import { Context, Event, StartEvent, StopEvent, Workflow, retryPolicy, sleep, step, stopAfterAttempt, waitFixed } from "flowplay";

class ServiceBusy extends Error {
  name = "ServiceBusy";
}

class ForecastEvent extends Event<{ city: string; forecast: string }> {}

const BUSY_FOR = 6;

class WeatherFlow extends Workflow {
  @step({ retryPolicy: retryPolicy({ wait: waitFixed(1), stop: stopAfterAttempt(4) }) })
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
