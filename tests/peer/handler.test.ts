/** Port of llama-index-workflows/tests/test_handler.py. */
import { describe, expect, it } from 'vitest';
import { StartEvent, StopEvent, Workflow, WorkflowRuntimeError, step } from 'flowplay';

class TestWorkflow extends Workflow {
  @step({ accepts: [StartEvent], returns: [StopEvent] })
  async only(_ev: StartEvent) {
    return new StopEvent({ result: 'done' });
  }
}

describe('test_handler.py', () => {
  it('test_str', async () => {
    const h = new TestWorkflow().run({}, { runId: 'test-run-id' });
    expect(String(h)).toContain('TestWorkflow');
    expect(String(h)).toContain('test-run-id');
    expect(String(h)).toContain('status=running');
    await h;
    expect(String(h)).toBe('WorkflowHandler(workflow=TestWorkflow, run_id=test-run-id, status=stopped)');
  });

  it('test_stream_events_consume_only_once', async () => {
    const h = new TestWorkflow().run();
    for await (const _ of h.streamEvents()) continue;
    expect(() => h.streamEvents()).toThrow(new WorkflowRuntimeError('All the streamed events have already been consumed.'));
  });
});
