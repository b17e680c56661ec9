/**
 * Port of llama-index-workflows/tests/test_verbose_decorator.py. The library tests its verbose adapter
 * with hand-made ticks; Flowplay has no tick objects, so each case runs a workflow that causes the
 * same tick and reads the line it printed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Context, Event, HumanResponseEvent, StartEvent, StopEvent, Workflow, sleep, step } from 'flowplay';

class MyEvent extends Event {}

class TwoStepWorkflow extends Workflow {
  @step({ accepts: [StartEvent], returns: [StopEvent] })
  async first(_ev: StartEvent) {
    return new StopEvent({ result: 'done' });
  }
}

async function linesOf(workflow: Workflow, drive?: (handler: ReturnType<Workflow['run']>) => void, clock: 'virtual' | 'real' = 'virtual'): Promise<string[]> {
  const lines: string[] = [];
  const handler = workflow.run({}, { log: (line) => lines.push(line), clock });
  drive?.(handler);
  await handler.then(
    () => undefined,
    () => undefined,
  );
  return lines;
}

describe('test_verbose_decorator.py', () => {
  afterEach(() => vi.restoreAllMocks());

  describe('test_verbose_step_state', () => {
    class Produces extends Workflow {
      @step({ accepts: [StartEvent], returns: [MyEvent] })
      async myStep(_ev: StartEvent) {
        return new MyEvent();
      }
      @step({ accepts: [MyEvent], returns: [StopEvent] })
      async quiet(_ev: MyEvent) {
        return null;
      }
    }

    it('running', async () => {
      expect(await linesOf(new Produces({ verbose: true, timeout: 1 }))).toContain('[myStep:0] started from StartEvent');
    });

    it('complete-with-event', async () => {
      expect(await linesOf(new Produces({ verbose: true, timeout: 1 }))).toContain('[myStep:0] complete with MyEvent');
    });

    it('complete-no-result', async () => {
      expect(await linesOf(new Produces({ verbose: true, timeout: 1 }))).toContain('[quiet:0] complete with no result');
    });

    it('preparing', async () => {
      class Busy extends Workflow {
        @step({ accepts: [StartEvent], returns: [MyEvent] })
        async start(ctx: Context, _ev: StartEvent) {
          ctx.sendEvent(new MyEvent());
          ctx.sendEvent(new MyEvent());
          return null;
        }
        @step({ accepts: [MyEvent], returns: [StopEvent], numWorkers: 1 })
        async myStep(_ev: MyEvent) {
          await sleep(1);
          return null;
        }
      }
      expect(await linesOf(new Busy({ verbose: true, timeout: 5 }))).toContain('[myStep] enqueued (waiting for capacity)');
    });
  });

  it('test_verbose_auto_detects_logger_when_info_enabled', async () => {
    // The host chooses where the lines go (the run's `log` option), as a configured logger does.
    const lines = await linesOf(new TwoStepWorkflow({ verbose: true }));
    expect(lines).toContain('[first:0] started from StartEvent');
  });

  it('test_verbose_falls_back_to_print_by_default', async () => {
    const print = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await new TwoStepWorkflow({ verbose: true }).run();
    expect(print).toHaveBeenCalledWith('[first:0] started from StartEvent');
  });

  it('test_verbose_forwards_events', async () => {
    class Streams extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async s(ctx: Context, _ev: StartEvent) {
        ctx.writeEventToStream(new MyEvent());
        return new StopEvent({ result: 'done' });
      }
    }
    const handler = new Streams({ verbose: true }).run({}, { log: () => undefined });
    const seen: string[] = [];
    for await (const ev of handler.streamEvents()) seen.push(ev.constructor.name);
    expect(seen).toEqual(['MyEvent', 'StopEvent']);
  });

  describe('test_verbose_on_tick', () => {
    it('add-event', async () => {
      expect(await linesOf(new TwoStepWorkflow({ verbose: true }))).toContain('[tick] add: StartEvent()');
    });

    it('add-event-targeted', async () => {
      class Targeted extends Workflow {
        @step({ accepts: [StartEvent], returns: [MyEvent] })
        async start(ctx: Context, _ev: StartEvent) {
          ctx.sendEvent(new MyEvent(), 'retrieve');
          return null;
        }
        @step({ accepts: [MyEvent], returns: [StopEvent] })
        async retrieve(_ev: MyEvent) {
          return new StopEvent();
        }
      }
      expect(await linesOf(new Targeted({ verbose: true }))).toContain('[tick] add: MyEvent() -> retrieve');
    });

    it('publish-event', async () => {
      class Publishes extends Workflow {
        @step({ accepts: [StartEvent], returns: [StopEvent] })
        async s(ctx: Context, _ev: StartEvent) {
          ctx.writeEventToStream(new Event({ result: 'done' }));
          return new StopEvent();
        }
      }
      expect(await linesOf(new Publishes({ verbose: true }))).toContain("[tick] publish: Event(result='done')");
    });

    it('timeout', async () => {
      class Slow extends Workflow {
        @step({ accepts: [StartEvent], returns: [StopEvent] })
        async s(_ev: StartEvent) {
          await sleep(60);
          return new StopEvent();
        }
      }
      expect(await linesOf(new Slow({ verbose: true, timeout: 30 }))).toContain('[tick] timeout: 30s');
    });

    it('waiter-timeout', async () => {
      class Waits extends Workflow {
        @step({ accepts: [StartEvent], returns: [StopEvent] })
        async myStep(ctx: Context, _ev: StartEvent) {
          await ctx.waitForEvent(HumanResponseEvent, { waiterId: 'w-123', timeout: 1 }).catch(() => undefined);
          return new StopEvent();
        }
      }
      expect(await linesOf(new Waits({ verbose: true, timeout: 10 }))).toContain('[tick] waiter timeout: step myStep waiter w-123');
    });

    it('cancel', async () => {
      class Forever extends Workflow {
        @step({ accepts: [StartEvent], returns: [StopEvent] })
        async s(_ev: StartEvent) {
          await sleep(1000);
          return new StopEvent();
        }
      }
      const lines = await linesOf(new Forever({ verbose: true, timeout: null }), (handler) => setTimeout(() => handler.cancel(), 1), 'real');
      expect(lines).toContain('[tick] cancelled');
    });
  });

  it('test_verbose_tick_step_result_logs_stop_event', async () => {
    expect(await linesOf(new TwoStepWorkflow({ verbose: true }))).toContain("[result] StopEvent(result='done')");
  });

  it('test_verbose_tick_step_result_silent_for_non_stop', async () => {
    class NonStop extends Workflow {
      @step({ accepts: [StartEvent], returns: [MyEvent] })
      async s(_ev: StartEvent) {
        return new MyEvent();
      }
      @step({ accepts: [MyEvent], returns: [StopEvent] })
      async t(_ev: MyEvent) {
        return null;
      }
    }
    const lines = await linesOf(new NonStop({ verbose: true, timeout: 1 }));
    expect(lines.filter((l) => l.startsWith('[result]'))).toEqual([]);
  });

  it('test_workflow_verbose_integration', async () => {
    const lines: string[] = [];
    const result = await new TwoStepWorkflow({ verbose: true }).run({}, { log: (line) => lines.push(line) });
    expect(result).toBe('done');
    expect(lines).toContain('[first:0] started from StartEvent');
    expect(lines).toContain('[first:0] complete with StopEvent');
    expect(lines).toContain("[result] StopEvent(result='done')");
  });
});
