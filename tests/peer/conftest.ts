/**
 * The library's tests/conftest.py fixtures, shared by the ports as they are by its modules: the test
 * events and `DummyWorkflow`, the three-step chain StartEvent -> OneTestEvent -> LastEvent -> StopEvent.
 */
import { Event, StartEvent, StopEvent, Workflow, step } from 'flowplay';

export class OneTestEvent extends Event<{ testParam?: string }> {}
export class AnotherTestEvent extends Event<{ anotherTestParam?: string }> {}
export class LastEvent extends Event {}

export class DummyWorkflow extends Workflow {
  @step({ accepts: [StartEvent], returns: [OneTestEvent] })
  async startStep(_ev: StartEvent) {
    return new OneTestEvent();
  }
  @step({ accepts: [OneTestEvent], returns: [LastEvent] })
  async middleStep(_ev: OneTestEvent) {
    return new LastEvent();
  }
  @step({ accepts: [LastEvent], returns: [StopEvent] })
  async endStep(_ev: LastEvent) {
    return new StopEvent({ result: 'Workflow completed' });
  }
}
