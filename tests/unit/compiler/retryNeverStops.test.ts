import { describe, expect, test } from 'vitest';
import { sharedCompiler } from '../runSource.ts';

const withStop = (stop: string, retry = '') => `import { StartEvent, StopEvent, Workflow, retryNever, retryPolicy, step, stopAfterAttempt, stopAll, stopAny, stopNever } from "flowplay";
class Flow extends Workflow {
  @step({ retryPolicy: retryPolicy({ ${retry}stop: ${stop} }) })
  async flaky(ev: StartEvent): Promise<StopEvent> {
    throw new Error("down");
  }
}
`;

const found = (source: string) => sharedCompiler().compile(source).diagnostics.filter((d) => d.code === 'retry-never-stops');

describe('a retry policy that can never stop', () => {
  test.each([
    ['stopNever()', true],
    ['stopAll(stopAfterAttempt(3), stopNever())', true],
    ['stopAfterAttempt(3).and(stopNever())', true],
    ['stopAny(stopNever(), stopNever())', true],
    ['stopNever().or(stopAfterAttempt(3))', false],
    ['stopAny(stopNever(), stopAfterAttempt(3))', false],
    ['stopAfterAttempt(3)', false],
  ])('stop: %s -> warned: %s', (stop, warned) => {
    const diagnostics = found(withStop(stop));
    expect(diagnostics.length > 0).toBe(warned);
    if (warned) {
      expect(diagnostics[0]).toMatchObject({ severity: 'warning', node: 'step:flaky' });
      expect(diagnostics[0]!.message).toMatch(/^This retry policy never stops: while flaky keeps failing/);
      expect(withStop(stop).slice(diagnostics[0]!.range.start, diagnostics[0]!.range.end)).toBe(stop);
    }
  });

  test('a policy that never retries cannot loop, whatever its stop', () => {
    expect(found(withStop('stopNever()', 'retry: retryNever(), '))).toEqual([]);
  });
});
