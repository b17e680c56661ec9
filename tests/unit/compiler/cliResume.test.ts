import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowplayWithInput as flowplay } from './cliProcess.ts';
import { createRunFile, serializeRunFile } from '../../../src/inspect/index.ts';
import { saveWaitingRun } from '../runSource.ts';

const ASK = 'src/tutorial/examples/human-in-the-loop/confirm.ts';

/** A run of ASK saved as the page saves it while it waits for "Shall I greet Ada?". */
async function savedWaiting(dir: string): Promise<{ path: string; data: Record<string, unknown> & { context: Record<string, unknown> } }> {
  const code = readFileSync(ASK, 'utf8');
  const { trace, context } = await saveWaitingRun(code, ['Ada']);
  const text = serializeRunFile(createRunFile({ code, input: {}, seed: 0, context, trace }));
  const path = join(dir, 'waiting.run.json');
  writeFileSync(path, text);
  return { path, data: JSON.parse(text) };
}

describe('flowplay run --resume', { timeout: 120_000 }, () => {
  it('goes on from a saved waiting run: asks its open question again and finishes with the saved state', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowplay-resume-'));
    const { path } = await savedWaiting(dir);
    const resumed = flowplay('yes\n', 'run', ASK, '--resume', path, '--trace', join(dir, 'resumed.json'));
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    // The name came from the saved context: the question asked is the saved one, not the first.
    expect(resumed.stdout).toBe('Shall I greet Ada? (yes/no) Hello, Ada!\n');
    const trace = JSON.parse(readFileSync(join(dir, 'resumed.json'), 'utf8')) as { kind: string; type?: string; via?: string }[];
    // No new StartEvent: the run went on, it did not start over.
    expect(trace.filter((r) => r.kind === 'event.emitted' && r.type === 'StartEvent')).toEqual([]);
    expect(trace.at(-1)).toMatchObject({ kind: 'run.finished', status: 'stopped' });

    // "no" goes on as the saved run would have: it asks for the name again.
    const no = flowplay('no\nGrace\nyes\n', 'run', ASK, '--resume', path);
    expect(no.stdout).toBe('Shall I greet Ada? (yes/no) What is your name, then? Shall I greet Grace? (yes/no) Hello, Grace!\n');
  });

  it('refuses a file it cannot resume, saying why, and flags that clash with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowplay-resume-'));
    const { data } = await savedWaiting(dir);
    const damaged = join(dir, 'damaged.json');
    writeFileSync(damaged, JSON.stringify({ ...data, context: { ...data.context, work: 'lots' } }));
    const bad = flowplay('', 'run', ASK, '--resume', damaged);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('damaged.json: Its saved context cannot be resumed: "context.work" must be a list.');

    const ended = join(dir, 'ended.json');
    const { context: _context, ...withoutContext } = data;
    writeFileSync(ended, JSON.stringify(withoutContext));
    const none = flowplay('', 'run', ASK, '--resume', ended);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('ended.json has no saved context to resume: it was saved after its run ended (replay it with --replay).');

    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ ...data, context: { ...data.context, workflow: 'Elsewhere' } }));
    const wrong = flowplay('', 'run', ASK, '--resume', other);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('This is not a saved context Flowplay can resume: it was saved from workflow Elsewhere, not ConfirmFlow.');

    const clash = flowplay('', 'run', ASK, '--resume', damaged, '--seed', '3');
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('--resume takes the start input and seed from the saved run; leave out --seed.');
  });
});
