/**
 * Port of llama-index-workflows/tests/test_streaming.py (`test_resume_streams` resumes from a saved
 * context: it belongs to the 2.x API port, see README.md), with the stream's end on failure, timeout
 * and cancel from the library's control loop (terminal events published before the run ends).
 */
import { describe, expect, it } from 'vitest';
import {
  Context,
  Event,
  StartEvent,
  StopEvent,
  Workflow,
  WorkflowCancelledError,
  WorkflowCancelledEvent,
  WorkflowFailedEvent,
  WorkflowRuntimeError,
  WorkflowTimedOutEvent,
  WorkflowTimeoutError,
  sleep,
  step,
} from 'flowplay';
import { ValueError } from './pythonErrors.ts';
import { runToEnd } from './workflowTestRunner.ts';

class StreamingWorkflow extends Workflow {
  @step({ accepts: [StartEvent], returns: [StopEvent] })
  async chat(ctx: Context, _ev: StartEvent) {
    for (const w of 'Paul Graham is a British-American computer scientist, entrepreneur, vc, and writer.'.split(' ')) {
      await Promise.resolve();
      ctx.writeEventToStream(new Event({ msg: w }));
    }
    return new StopEvent({ result: null });
  }
}

describe('test_streaming.py', () => {
  it('test_multiple_sequential_streams', async () => {
    const wf = new StreamingWorkflow();
    await runToEnd(wf, new StartEvent());
    await expect(runToEnd(wf, new StartEvent())).resolves.toBeDefined();
  });

  it('test_consume_only_once', async () => {
    const handler = new StreamingWorkflow().run();
    for await (const _ of handler.streamEvents()) continue;
    expect(() => handler.streamEvents()).toThrow(new WorkflowRuntimeError('All the streamed events have already been consumed.'));
    await handler;
  });

  it('test_multiple_ongoing_streams', async () => {
    const wf = new StreamingWorkflow();
    const stream1 = wf.run();
    const stream2 = wf.run();
    for (const handler of [stream1, stream2]) {
      for await (const ev of handler.streamEvents()) {
        if (!(ev instanceof StopEvent)) expect('msg' in ev).toBe(true);
      }
    }
    await Promise.all([stream1, stream2]);
  });
});

describe('the stream ends with a terminal event (control_loop.py: WorkflowFailedEvent, WorkflowTimedOutEvent, WorkflowCancelledEvent)', () => {
  async function streamOf(handler: ReturnType<Workflow['run']>): Promise<Event[]> {
    const events: Event[] = [];
    for await (const ev of handler.streamEvents()) events.push(ev);
    return events;
  }

  it('a failing step: WorkflowFailedEvent with the step, the exception and the attempts; awaiting raises the exception', async () => {
    class Fails extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async boom(_ev: StartEvent): Promise<StopEvent> {
        throw new ValueError('The step raised an error!');
      }
    }
    const handler = new Fails().run({}, { clock: 'virtual' });
    const events = await streamOf(handler);
    expect(events).toHaveLength(1);
    expect(events[0]).toBeInstanceOf(WorkflowFailedEvent);
    expect(events[0]).toBeInstanceOf(StopEvent);
    expect(events[0]).toMatchObject({ stepName: 'boom', attempts: 1, elapsedSeconds: 0 });
    expect((events[0] as WorkflowFailedEvent).exception).toBeInstanceOf(ValueError);
    await expect(handler).rejects.toThrow('The step raised an error!');
  });

  it('a timeout: WorkflowTimedOutEvent with the timeout and the active steps', async () => {
    class Slow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async slow(_ev: StartEvent) {
        await sleep(10);
        return new StopEvent();
      }
    }
    const handler = new Slow({ timeout: 2 }).run({}, { clock: 'virtual' });
    const events = await streamOf(handler);
    expect(events).toHaveLength(1);
    expect(events[0]).toBeInstanceOf(WorkflowTimedOutEvent);
    expect(events[0]).toMatchObject({ timeout: 2, activeSteps: ['slow'] });
    await expect(handler).rejects.toThrow(new WorkflowTimeoutError('Operation timed out after 2 seconds. Currently active steps: slow'));
  });

  it('a cancel: WorkflowCancelledEvent', async () => {
    class Forever extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async wait(_ev: StartEvent) {
        await sleep(1000);
        return new StopEvent();
      }
    }
    const handler = new Forever({ timeout: null }).run();
    setTimeout(() => handler.cancel(), 1);
    const events = await streamOf(handler);
    expect(events.map((e) => e.constructor)).toEqual([WorkflowCancelledEvent]);
    await expect(handler).rejects.toBeInstanceOf(WorkflowCancelledError);
  });
});
