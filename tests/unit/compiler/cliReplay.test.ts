import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowplayWithInput } from './cliProcess.ts';
import { compareTraces } from '../../../src/inspect/index.ts';
import type { TraceRecord } from '../../../src/engine/index.ts';

const flowplay = flowplayWithInput;

const ASK = 'src/tutorial/examples/human-in-the-loop/confirm.ts';

describe('flowplay run --replay', { timeout: 120_000 }, () => {
  it('re-runs a recorded run with its answers and says the trace is the same, record for record', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowplay-replay-'));
    const recorded = flowplay('Ada\nno\nGrace\nyes\n', 'run', ASK, '--seed', '9', '--trace', join(dir, 'a.json'));
    expect(recorded.code).toBe(0);
    // Standard input is not read in a replay: the answers come from the recording.
    const replayed = flowplay('', 'run', ASK, '--replay', join(dir, 'a.json'), '--trace', join(dir, 'b.json'));
    expect(replayed.stderr).toMatch(/the replay wrote the \d+ records of .*a\.json again, identical \(run ids aside\)/);
    expect(replayed.code).toBe(0);
    const a = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as TraceRecord[];
    const b = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')) as TraceRecord[];
    expect(a.filter((r) => r.kind === 'input.received')).toHaveLength(4);
    expect(compareTraces(a, b)).toEqual({ same: a.length, difference: null, differences: [], differing: 0 });
    // The questions are not asked again; what the code prints is.
    expect(recorded.stdout.endsWith('Hello, Grace!\n')).toBe(true);
    expect(replayed.stdout).toBe('Hello, Grace!\n');

    // Changed code: the replay names the first record that differs and exits 1.
    const changed = join(dir, 'changed.ts');
    writeFileSync(changed, readFileSync(ASK, 'utf8').replace('Shall I greet', 'May I greet'));
    const differs = flowplay('', 'run', changed, '--replay', join(dir, 'a.json'));
    expect(differs.code).toBe(1);
    expect(differs.stderr).toMatch(/the replay differs from .*a\.json at record (\d+) \(the \d+ before it are identical\):\n {2}recorded: #\d+ event\.emitted .*Shall I greet.*\n {2}replayed: #\d+ event\.emitted .*May I greet.*\n {2}(No other record differs\.|\d+ records differ in all\.\n( {4}(only in the first run|only in the second run|changed [\w, ]+): .*\n)+)$/);
  });

  it('refuses a damaged recording and flags that clash with it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowplay-replay-'));
    writeFileSync(join(dir, 'bad.json'), '[{"kind":"run.started"}]');
    const bad = flowplay('', 'run', ASK, '--replay', join(dir, 'bad.json'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.json: This trace is damaged: record 1/);
    const clash = flowplay('', 'run', ASK, '--replay', join(dir, 'bad.json'), '--seed', '3');
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('--replay takes the seed, start input and clock from the recorded run; leave out --seed.');
  });
});
