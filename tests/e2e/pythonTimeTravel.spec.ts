import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRunFile } from '../../src/inspect/index.ts';
import type { TraceRecord } from '../../src/engine/index.ts';
import { expect, forkEvent, openPlayground, setCode, stepNode, switchToPython, test } from './fixtures.ts';

const mapReduce = readFileSync(new URL('../../src/examples/concurrency/map-reduce.py', import.meta.url), 'utf8');

test('Python: fork the map-reduce with another payload; the Python step gets it, and the command line re-runs the fork', async ({ page }) => {
  test.setTimeout(300_000);
  await openPlayground(page);
  await switchToPython(page);
  await setCode(page, mapReduce);
  await expect(stepNode(page, 'step_three')).toBeVisible();
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped', { timeout: 150_000 });
  await expect(page.getByTestId('run-result')).toContainText('Query 2');

  await forkEvent(page, 'StepTwoEvent #2', '{ "query": "Query 9" }', { before: (editor) => expect(editor.getByTestId('fork-fields')).toHaveValue(/"query": "Query 2"/) });

  await expect(page.getByTestId('replay-verdict')).toHaveAttribute('data-identical', 'true', { timeout: 60_000 });
  await expect(page.getByTestId('run-result')).toContainText('Query 9', { timeout: 60_000 });
  await expect(page.getByTestId('run-result')).not.toContainText('Query 2');
  // The step body itself read the new payload, not the event it was first made with.
  await expect(page.getByTestId('console').locator('.console-line').filter({ hasText: 'Running query  Query 9' })).toHaveCount(1);

  // The fork, saved, re-runs from the command line.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('save-run').click();
  const text = await readFile((await (await downloading).path())!, 'utf8');
  const saved = parseRunFile(text);
  if (!saved.ok) throw new Error(saved.error);
  const dir = mkdtempSync(join(tmpdir(), 'flowplay-e2e-pyfork-'));
  writeFileSync(join(dir, 'run.json'), text);
  writeFileSync(join(dir, 'flow.py'), saved.file.code);
  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run', join(dir, 'flow.py'), '--replay', join(dir, 'run.json'), '--trace', join(dir, 'out.json')], { encoding: 'utf8', timeout: 120_000, input: '' });
  // The command line sends the changed payload in at the same moment: its step reads it too.
  expect(cli.stdout).toContain('Running query  Query 9');
  const replayed = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as TraceRecord[];
  expect(replayed.find((r) => r.kind === 'input.received')).toMatchObject({ input: 'fields', type: 'StepTwoEvent', value: { query: 'Query 9' } });
  expect(replayed.at(-1)).toMatchObject({ kind: 'run.finished', status: 'stopped' });
});
