/**
 * A waitForEvent re-run starts an invocation that no event was delivered to: the page's gate takes
 * it for what it is when it names an invocation that ran before, and refuses it when it does not.
 */
import { expect, test } from 'vitest';
import type { TraceRecord } from '../../../src/engine/index.ts';
import { ShapeError } from '../../../src/inspect/checkShape.ts';
import { TraceValidator } from '../../../src/inspect/traceValidator.ts';
import { runSource } from '../runSource.ts';
import { ASKS } from './fixtures.ts';

test('a re-run after waitForEvent passes the gate; one that names no earlier invocation does not', async () => {
  const { trace } = await runSource(ASKS, { answers: ['Ada'] });
  const rerun = trace.find((r): r is Extract<TraceRecord, { kind: 'step.started' }> => r.kind === 'step.started' && r.rerunOf !== undefined);
  expect(rerun).toBeDefined();
  const validator = new TraceValidator({ maxDepth: 16 });
  for (const r of trace) expect(() => validator.check(r, 'record')).not.toThrow();

  const forged = new TraceValidator({ maxDepth: 16 });
  for (const r of trace.slice(0, trace.indexOf(rerun!))) forged.check(r, 'record');
  expect(() => forged.check({ ...rerun!, rerunOf: 99 }, 'record')).toThrow(ShapeError);
});
