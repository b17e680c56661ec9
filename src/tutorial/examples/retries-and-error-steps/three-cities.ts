// Three lookups at once. A busy service gets better if you ask again; an unknown city never does,
// yet this policy retries every error, so the Atlantis lookup wastes three more attempts.
import {
  Context, Event, StartEvent, StepFailedEvent, StopEvent, Workflow,
  catchError, retryPolicy, sleep, step, stopAfterAttempt, waitFixed,
} from "flowplay";

class ServiceBusy extends Error {
  name = "ServiceBusy";
}

class UnknownCity extends Error {
  name = "UnknownCity";
}

class CityEvent extends Event<{ city: string }> {}

class ForecastEvent extends Event<{ city: string; forecast: string }> {}

const KNOWN: Record<string, string> = { Lisbon: "sunny", Porto: "rain" };

class WeatherFlow extends Workflow {
  @step()
  async start(ctx: Context, ev: StartEvent): Promise<CityEvent | null> {
    for (const city of ["Lisbon", "Atlantis", "Porto"]) {
      ctx.sendEvent(new CityEvent({ city }));
    }
    return null;
  }

  @step({ retryPolicy: retryPolicy({ wait: waitFixed(2), stop: stopAfterAttempt(4) }) })
  async lookup(ctx: Context, ev: CityEvent): Promise<ForecastEvent> {
    await sleep(0.5);
    const forecast = KNOWN[ev.city];
    if (forecast === undefined) {
      throw new UnknownCity(`No such city: ${ev.city}`);
    }
    if (ctx.retryInfo().retryNumber === 0) {
      throw new ServiceBusy(`Busy, try ${ev.city} again`);
    }
    return new ForecastEvent({ city: ev.city, forecast });
  }

  @catchError()
  async noForecast(ctx: Context, ev: StepFailedEvent): Promise<ForecastEvent> {
    const city = (ev.inputEvent as CityEvent).city;
    return new ForecastEvent({ city, forecast: `unavailable (${String(ev.exception)})` });
  }

  @step()
  async report(ctx: Context, ev: ForecastEvent): Promise<StopEvent | null> {
    const all = ctx.collectEvents(ev, [ForecastEvent, ForecastEvent, ForecastEvent]);
    if (all === null) {
      return null;
    }
    return new StopEvent({ result: all.map((f) => `${f.city}: ${f.forecast}`) });
  }
}

const w = new WeatherFlow({ timeout: 60, verbose: false });
const result = await w.run();
console.log(result);
