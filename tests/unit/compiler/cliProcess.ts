/** Test helper: runs the CLI as `npm run flowplay -- …` does, from the repository root, with `input` on stdin. */
import { spawnSync } from 'node:child_process';

export function flowplayWithInput(input: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: new URL('../../../', import.meta.url),
    encoding: 'utf8',
    timeout: 60_000,
    input,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
