/** Fields named `constructor` or `__proto__` (easy to send from an Input box or a link) are refused with a message, not routed wrong. */
import { describe, expect, test } from 'vitest';
import { Event, StartEvent, StopEvent, Workflow, step } from 'flowplay';
import { finished, record } from './recorder.ts';

class Echo extends Workflow {
  @step({ accepts: [StartEvent], returns: [StopEvent] })
  async only(ev: StartEvent) {
    return new StopEvent({ result: Object.keys(ev).join(',') });
  }
}

class Named extends Event<Record<string, unknown>> {}

describe('reserved field names', () => {
  test('an event made with one throws a message that names the field and the type', () => {
    expect(() => new Named({ constructor: 1 })).toThrow(/cannot be named "constructor" or "__proto__" \(Named was given one\)/);
    expect(() => new Named(JSON.parse('{"__proto__": {"x": 1}}'))).toThrow(/Named was given one/);
    expect(new Named({ proto: 1, constructorName: 'fine' })).toMatchObject({ proto: 1, constructorName: 'fine' });
  });

  for (const input of ['{"constructor": 1}', '{"__proto__": {"x": 1}}']) {
    test(`a run whose input is ${input} fails at once and says why`, async () => {
      const { records, error } = await record(new Echo({ timeout: 5 }), JSON.parse(input));
      expect(String(error)).toMatch(/cannot be named "constructor" or "__proto__"/);
      const end = finished(records);
      if (end) expect(end).toMatchObject({ status: 'failed' });
    });
  }
});
