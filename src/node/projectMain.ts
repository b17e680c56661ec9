/**
 * `run.js` of a downloaded project (`npm start`): reads `flowplay.json` (input, seed, clock) and the
 * compiled `workflow.compiled.js` beside it, and runs them as the page did. Needs Node 20 and nothing else.
 */
import { readFileSync } from 'node:fs';
import { parseProjectSettings, runProject } from './runProject.ts';

function read(name: string): string {
  try {
    return readFileSync(new URL(name, import.meta.url), 'utf8');
  } catch (error) {
    throw new ProjectError(`Cannot read ${name} next to run.js: ${(error as Error).message}`);
  }
}

class ProjectError extends Error {}

async function main(): Promise<number> {
  let raw: unknown;
  try {
    raw = JSON.parse(read('flowplay.json'));
  } catch (error) {
    if (error instanceof ProjectError) throw error;
    throw new ProjectError(`flowplay.json is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = parseProjectSettings(raw);
  if (!parsed.ok) throw new ProjectError(`flowplay.json cannot be used: ${parsed.problem}.`);
  const outcome = await runProject(read('workflow.compiled.js'), parsed.settings, (line) => process.stdout.write(`${line}\n`));
  return outcome.started && outcome.status === 'stopped' ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof ProjectError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
