import { describe, expect, test } from 'vitest';
import { declareFields, StartEvent, StopEvent, Workflow, WorkflowRuntimeError, step } from 'flowplay';
import { runSource } from '../runSource.ts';

const SOURCE = `import { StartEvent, StopEvent, Workflow, step } from "flowplay";
class Query extends StartEvent {
  declare topic: string;
  declare limit?: number;
  declare mode: "fast" | "slow";
  declare tags: string[] | null;
  declare extra: SomethingElse;
}
type SomethingElse = { a: number };
class Flow extends Workflow {
  @step()
  async answer(ev: Query): Promise<StopEvent> {
    return new StopEvent({ result: ev.topic + " " + (ev.limit ?? 1) + " " + ev.mode });
  }
}
`;

describe("run() input checked against the workflow's StartEvent class", () => {
  test('fields that build the class run; others fail before anything runs, naming each field', async () => {
    const ok = await runSource(SOURCE, { input: { topic: 'cats', mode: 'fast', tags: null, extra: 1 } });
    expect(ok.error).toBeUndefined();
    expect(ok.lines).toContain('cats 1 fast');
    const bad = await runSource(SOURCE, { input: { wrong_field: 'test', limit: 'ten', mode: 'medium', tags: [1], extra: 'x' } });
    expect(bad.error).toBeInstanceOf(Error);
    expect((bad.error as Error).message.split('\n')).toEqual([
      `Failed creating a start event of type 'Query' with the keyword arguments: {"wrong_field":"test","limit":"ten","mode":"medium","tags":[1],"extra":"x"}`,
      '  - topic: missing (string)',
      '  - limit: expected number, got "ten"',
      '  - mode: expected "fast" | "slow", got "medium"',
    ]);
    expect(bad.trace.filter((r) => r.kind === 'step.started')).toEqual([]);
  });

  test('a subclass checks its base class fields too; an event instance and the plain StartEvent are not checked', async () => {
    class Base extends StartEvent {}
    class Derived extends Base {}
    declareFields(Base, { topic: { kinds: ['string'] } });
    declareFields(Derived, { n: { kinds: ['number'], optional: true } });
    class Flow extends Workflow {
      @step({ accepts: [Derived], returns: [StopEvent] })
      async s(ev: Derived) {
        return new StopEvent({ result: ev.topic });
      }
    }
    expect(() => new Flow().run({ n: 'x' })).toThrow(WorkflowRuntimeError);
    expect(() => new Flow().run({ n: 'x' })).toThrow(/topic: missing \(string\)\n {2}- n: expected number, got "x"/);
    expect(await new Flow().run(new Derived({ n: 'not checked' }))).toBeUndefined();
    class Plain extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async s(_ev: StartEvent) {
        return new StopEvent({ result: 'ok' });
      }
    }
    expect(await new Plain().run({ anything: 1 })).toBe('ok');
  });
});
