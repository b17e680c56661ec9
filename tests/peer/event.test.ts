/**
 * Port of llama-index-workflows/tests/test_event.py: the workflow termination events. The rest of the
 * module tests pydantic models (field validation, serialisation, dict access, repr), see README.md.
 */
import { describe, expect, it } from 'vitest';
import { StopEvent, WorkflowCancelledEvent, WorkflowFailedEvent, WorkflowTimedOutEvent } from 'flowplay';
import { ValueError } from './pythonErrors.ts';

describe('test_event.py', () => {
  it('test_workflow_termination_events_are_stop_events', () => {
    expect(WorkflowTimedOutEvent.prototype).toBeInstanceOf(StopEvent);
    expect(WorkflowCancelledEvent.prototype).toBeInstanceOf(StopEvent);
    expect(WorkflowFailedEvent.prototype).toBeInstanceOf(StopEvent);
  });

  it('test_workflow_timed_out_event', () => {
    const ev = new WorkflowTimedOutEvent({ timeout: 30.0, activeSteps: ['step1', 'step2'] });
    expect(ev.timeout).toBe(30);
    expect(ev.activeSteps).toEqual(['step1', 'step2']);
    expect(ev).toBeInstanceOf(StopEvent);
  });

  it('test_workflow_timed_out_event_empty_active_steps', () => {
    const ev = new WorkflowTimedOutEvent({ timeout: 5.0, activeSteps: [] });
    expect(ev.timeout).toBe(5);
    expect(ev.activeSteps).toEqual([]);
  });

  it('test_workflow_cancelled_event', () => {
    expect(new WorkflowCancelledEvent()).toBeInstanceOf(StopEvent);
  });

  it('test_workflow_failed_event', () => {
    const ev = new WorkflowFailedEvent({ stepName: 'my_step', exception: new ValueError('Something went wrong'), attempts: 3, elapsedSeconds: 1.5 });
    expect(ev.stepName).toBe('my_step');
    expect(ev.exception).toBeInstanceOf(ValueError);
    expect(String((ev.exception as Error).message)).toBe('Something went wrong');
    expect(ev.attempts).toBe(3);
    expect(ev.elapsedSeconds).toBe(1.5);
    expect(ev).toBeInstanceOf(StopEvent);
  });
});
