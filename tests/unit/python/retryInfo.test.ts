/**
 * `ctx.retry_info()` and StepFailedEvent's `failed_at` in Python, as the library types them. Tests named
 * after the LlamaIndex tests they port (tests/test_catch_error.py).
 */
import { describe, expect, it } from 'vitest';
import { runPython } from './runPython.ts';

const HEADER = `import asyncio
from workflows import Context, Workflow, catch_error, step
from workflows.events import Event, StartEvent, StepFailedEvent, StopEvent
from workflows.retry_policy import RetryInfo, retry_policy, stop_after_attempt, wait_fixed

def _retry(attempts):
    return retry_policy(stop=stop_after_attempt(attempts), wait=wait_fixed(2))

class _InputStart(StartEvent):
    query: str = "hello"
`;

describe('retry_info and failed_at in Python', { timeout: 180_000 }, () => {
  it('test_retry_info_defaults_on_first_attempt', async () => {
    const run = await runPython(`${HEADER}
captured = {}

class Flow(Workflow):
    @step
    async def first(self, ctx: Context, ev: StartEvent) -> StopEvent:
        captured["info"] = ctx.retry_info()
        return StopEvent(result="ok")

await Flow(timeout=5).run()
info = captured["info"]
print(isinstance(info, RetryInfo), info.retry_number, info.elapsed_seconds, info.last_exception, info.last_failed_at)
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['True 0 0.0 None None']);
  });

  it("test_retry_info_after_failure_populated: the retry sees the attempt before it, on the run's clock", async () => {
    const run = await runPython(`${HEADER}
from datetime import datetime
observed = []

class Flow(Workflow):
    @step(retry_policy=_retry(3))
    async def flaky(self, ctx: Context, ev: StartEvent) -> StopEvent:
        await asyncio.sleep(1)
        info = ctx.retry_info()
        observed.append(info)
        if info.retry_number < 1:
            raise ValueError("boom")
        return StopEvent(result="ok")

print(await Flow(timeout=5).run())
first, second = observed
print(first.retry_number, first.last_exception, first.last_failed_at)
print(second.retry_number, second.elapsed_seconds, type(second.last_exception).__name__, second.last_exception)
print(isinstance(second.last_failed_at, datetime), second.last_failed_at.tzinfo is not None, second.last_failed_at.isoformat())
`);
    expect(run.error).toBeUndefined();
    // The first attempt failed at 1 s; the retry began 2 s later and reads its info 1 s into it.
    expect(run.lines).toEqual(['ok', '0 None None', '1 4.0 ValueError boom', 'True True 1970-01-01T00:00:01+00:00']);
  });

  it('test_step_failed_event_fields: failed_at is a timezone-aware datetime', async () => {
    const run = await runPython(`${HEADER}
from datetime import datetime
captured = {}

class Flow(Workflow):
    @step(retry_policy=_retry(2))
    async def flaky(self, ev: _InputStart) -> StopEvent:
        raise RuntimeError(f"bad:{ev.query}")

    @catch_error
    async def handler(self, ctx: Context, ev: StepFailedEvent) -> StopEvent:
        captured["ev"] = ev
        return StopEvent(result="caught")

print(await Flow(timeout=5).run(start_event=_InputStart(query="hello")))
ev = captured["ev"]
print(ev.step_name, type(ev.input_event).__name__, ev.input_event.query, type(ev.exception).__name__, ev.exception, ev.attempts, ev.elapsed_seconds)
print(isinstance(ev.failed_at, datetime), ev.failed_at.tzinfo is not None, ev.failed_at.isoformat())
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['caught', 'flaky _InputStart hello RuntimeError bad:hello 2 2.0', 'True True 1970-01-01T00:00:02+00:00']);
  });
});
