// A retry policy says which errors to retry, how long to wait between attempts and when to give up.
// The forecast service is busy for its first few calls; a @catchError step answers if it never recovers.
import {
  Context, Event, StartEvent, StepFailedEvent, StopEvent, Workflow,
  catchError, retryIfExceptionType, retryPolicy, sleep, step, stopAfterAttempt, waitExponential,
} from "flowplay";

class ServiceBusy extends Error {
  name = "ServiceBusy";
}

class ForecastEvent extends Event<{ city: string; forecast: string }> {}

// Busy for the first 6 seconds after the first call, then it answers.
const BUSY_FOR = 6;

class WeatherFlow extends Workflow {
  @step({
    retryPolicy: retryPolicy({
      retry: retryIfExceptionType(ServiceBusy),
      wait: waitExponential({ multiplier: 1, max: 10 }),
      stop: stopAfterAttempt(5),
    }),
  })
  async fetchForecast(ctx: Context, ev: StartEvent): Promise<ForecastEvent> {
    const info = ctx.retryInfo();
    if (info.retryNumber > 0) {
      console.log(`retry ${info.retryNumber} after ${info.elapsedSeconds}s: ${String(info.lastException)}`);
    }
    await sleep(0.5);
    if (info.elapsedSeconds < BUSY_FOR) {
      throw new ServiceBusy("The forecast service is busy, try again later");
    }
    return new ForecastEvent({ city: ev.city, forecast: "sunny" });
  }

  @step()
  async report(ctx: Context, ev: ForecastEvent): Promise<StopEvent> {
    return new StopEvent({ result: `${ev.city}: ${ev.forecast}` });
  }

  // Runs only when fetchForecast has failed for good: its retries are used up, or the error is not retried.
  @catchError({ forSteps: ["fetchForecast"] })
  async noForecast(ctx: Context, ev: StepFailedEvent): Promise<StopEvent> {
    return new StopEvent({ result: `No forecast after ${ev.attempts} attempts: ${String(ev.exception)}` });
  }
}

const w = new WeatherFlow({ timeout: 60, verbose: false });
const result = await w.run({ city: "Lisbon" });
console.log(result);
