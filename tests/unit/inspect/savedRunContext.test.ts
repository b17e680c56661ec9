import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { MAX_CONTEXT_CHARS, createRunFile, parseRunFile, pendingQuestion, serializeRunFile } from '../../../src/inspect/index.ts';
import { readSavedContextText } from '../../../src/worker/savedContextText.ts';
import { saveWaitingRun } from '../runSource.ts';

const CONFIRM = readFileSync(new URL('../../../src/tutorial/examples/human-in-the-loop/confirm.ts', import.meta.url), 'utf8');

async function waitingFile() {
  const { trace, context } = await saveWaitingRun(CONFIRM, ['Ada']);
  const text = serializeRunFile(createRunFile({ code: CONFIRM, input: {}, seed: 0, context, trace }));
  return { trace, context, text, data: JSON.parse(text) as Record<string, unknown> & { context: Record<string, unknown> } };
}

describe('a saved run that waits for an answer', () => {
  test('carries its context, and reads back with it and with the question it waits on', async () => {
    const { text, context, trace } = await waitingFile();
    expect(context).toMatchObject({ workflow: 'ConfirmFlow', running: true, awaitingInput: 1, state: { name: 'Ada' } });
    const read = parseRunFile(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.contextProblem).toBeUndefined();
    expect(read.file.context).toEqual(context);
    expect(read.file.trace).toHaveLength(trace.length);
    expect(pendingQuestion(read.file.trace)?.prefix).toBe('Shall I greet Ada? (yes/no) ');
  });

  test('a damaged or oversized context is named, and the run still opens as recorded, without it', async () => {
    const { data, trace } = await waitingFile();
    const damage: [string, (c: Record<string, unknown>) => void, RegExp][] = [
      ['running as text', (c) => (c.running = 'yes'), /"context\.running" must be true or false/],
      ['a work item without a type', (c) => (c.work = [{ step: 'answer' }]), /"context\.work" item 1 needs "step" and "type"/],
      ['another version', (c) => (c.version = 9), /"context" has version 9/],
      ['an unknown field', (c) => (c.steal = true), /"context" has an unknown field "steal"/],
      ['a huge state', (c) => (c.state = { blob: 'x'.repeat(MAX_CONTEXT_CHARS) }), /"context" takes [\d,]+ characters; the limit is 4,194,304/],
      ['a deep state', (c) => (c.state = JSON.parse(`${'{"a":'.repeat(100)}1${'}'.repeat(100)}`)), /nested deeper than 64 levels/],
    ];
    for (const [what, change, message] of damage) {
      const copy = structuredClone(data);
      change(copy.context);
      const read = parseRunFile(JSON.stringify(copy));
      expect(read.ok, what).toBe(true);
      if (!read.ok) continue;
      expect(read.contextProblem, what).toMatch(message);
      expect(read.contextProblem, what).toMatch(/^Its saved context cannot be resumed: /);
      expect(read.file.context, what).toBeUndefined();
      expect(read.file.trace, what).toHaveLength(trace.length);
    }
    const notObject = parseRunFile(JSON.stringify({ ...data, context: [1] }));
    expect(notObject.ok && notObject.contextProblem).toMatch(/"context" must be an object/);
  });

  test('what the runner answers for the context is checked as a file is', async () => {
    const { context } = await waitingFile();
    expect(readSavedContextText(null)).toEqual({ ok: true, context: null });
    expect(readSavedContextText(JSON.stringify(context))).toEqual({ ok: true, context });
    expect(readSavedContextText({ then: 1 })).toMatchObject({ ok: false, error: /not give the run's context as text/ });
    expect(readSavedContextText('{')).toMatchObject({ ok: false, error: /is not valid/ });
    expect(readSavedContextText('x'.repeat(MAX_CONTEXT_CHARS + 1))).toMatchObject({ ok: false, error: /more than the 4,194,304/ });
    expect(readSavedContextText(JSON.stringify({ ...context, awaitingInput: -1 }))).toMatchObject({ ok: false, error: /awaitingInput/ });
  });
});
