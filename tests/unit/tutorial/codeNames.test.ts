import { expect, test } from 'vitest';
import { codeName, inLang } from '../../../src/tutorial/codeNames.ts';

test('a name keeps its TypeScript spelling in TypeScript and becomes snake_case in Python', () => {
  expect(codeName('typescript', 'stepTwo')).toBe('stepTwo');
  expect(codeName('python', 'stepTwo')).toBe('step_two');
  expect(codeName('python', 'fetchForecast')).toBe('fetch_forecast');
  expect(codeName('python', 'collectEvents')).toBe('collect_events');
  expect(codeName('python', 'step2Done')).toBe('step2_done');
  expect(codeName('python', 'total')).toBe('total');
});

test('code that differs by more than spelling is picked by language', () => {
  expect(inLang('typescript', 'Context<PollState>', 'Context[PollState]')).toBe('Context<PollState>');
  expect(inLang('python', 'Context<PollState>', 'Context[PollState]')).toBe('Context[PollState]');
});
