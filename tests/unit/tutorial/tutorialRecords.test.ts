/**
 * The page accepts a run's records only when the trace validator does (a record it refuses is dropped
 * with a notice). Every TypeScript file of the tutorial, example, start and solution alike, must write
 * records it accepts: a field the engine added and the schema lacks lost the caught failure of every
 * error step in the page.
 */
import { expect, test } from 'vitest';
import { TraceValidator } from '../../../src/inspect/traceValidator.ts';
import { tutorialSourcePaths } from '../../../src/tutorial/index.ts';
import { driveSource, readSrc } from './driveSource.ts';

const paths = tutorialSourcePaths().filter((p) => p.endsWith('.ts'));

test('there are tutorial files to run, error steps among them', () => {
  expect(paths).toContain('tutorial/examples/retries-and-error-steps/translate-fallback.ts');
});

test.each(paths)('%s writes records the page accepts', { timeout: 30_000 }, async (path) => {
  const { trace } = await driveSource(readSrc(path), { seed: 0, answers: ['yes', 'Ada', 'yes', 'yes'] });
  const validator = new TraceValidator({ maxDepth: 64 });
  for (const [i, record] of trace.entries()) validator.check(record, `trace[${i}]`);
  expect(trace.some((r) => r.kind === 'run.finished')).toBe(true);
});
