/**
 * A downloaded project, unzipped and run by Node in a process of its own, prints what the page's
 * runner code prints in this process for the same seed and clock; the engine package's declarations
 * type-check a program that imports `flowplay`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, strFromU8 } from 'fflate';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { enginePackageFiles } from '../../../src/project/enginePackage.ts';
import { projectRunner } from '../../../src/project/projectPlugin.ts';
import { PYTHON_REQUIREMENT, ProjectError, projectFiles, zipProject } from '../../../src/project/projectFiles.ts';
import type { ProjectBundle } from '../../../src/project/projectFiles.ts';
import { setAsyncScope } from '../../../src/engine/index.ts';
import { installNodeScope } from '../../../src/node/installNodeScope.ts';
import { runProject } from '../../../src/node/runProject.ts';
import type { ProjectSettings } from '../../../src/node/runProject.ts';
import { exampleSource, sharedCompiler } from '../runSource.ts';

const run = promisify(execFile);
let bundle: ProjectBundle;
const dirs: string[] = [];

beforeAll(async () => {
  const [engine, runner] = await Promise.all([enginePackageFiles(), projectRunner()]);
  bundle = { engine, runner };
}, 60_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Writes the archive's files under a fresh directory, as unzip would. */
function unzipToTemp(zip: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'flowplay-project-'));
  dirs.push(dir);
  for (const [path, bytes] of Object.entries(unzipSync(zip))) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  return dir;
}

/** The runner's output in this process, without the async scope the test setup installs (the page's worker has none). */
async function inProcess(js: string, settings: ProjectSettings): Promise<string[]> {
  const lines: string[] = [];
  setAsyncScope(null);
  try {
    await runProject(js, settings, (line) => lines.push(line));
  } finally {
    installNodeScope();
  }
  return lines;
}

describe('download project', () => {
  test.each([
    ['concurrency/parallel.ts', 7],
    ['concurrency/map-reduce.ts', 3],
    ['realistic/agent-loop.ts', 0],
  ])('%s (seed %i) prints, unzipped and run with node, what the runner prints', async (path, seed) => {
    const code = exampleSource(path);
    const compiled = sharedCompiler().compile(code);
    const settings: ProjectSettings = { input: {}, seed, clock: 'virtual', workflow: compiled.workflows[0]?.name ?? null };
    const files = projectFiles({ lang: 'typescript', code, js: compiled.js, settings, name: 'my-flow' }, bundle);
    expect(files['my-flow/workflow.ts']).toBe(code);

    const dir = unzipToTemp(zipProject(files));
    const { stdout } = await run(process.execPath, ['run.js'], { cwd: join(dir, 'my-flow'), env: { PATH: process.env.PATH ?? '' } });
    const expected = await inProcess(compiled.js!, settings);
    expect(expected.length).toBeGreaterThan(1);
    expect(expected.at(-1)).toMatch(/^Result: /);
    expect(stdout.trimEnd().split('\n')).toEqual(expected);
  }, 60_000);

  test('a run that fails exits non-zero and says why', async () => {
    const code = `import { Workflow, step, StartEvent, StopEvent } from "flowplay";
class Broken extends Workflow {
  @step()
  async start(ev: StartEvent): Promise<StopEvent> {
    console.log("about to fail");
    throw new Error("no luck");
  }
}`;
    const compiled = sharedCompiler().compile(code);
    const files = projectFiles({ lang: 'typescript', code, js: compiled.js, settings: { input: {}, seed: 1, clock: 'virtual', workflow: null }, name: 'broken' }, bundle);
    const dir = unzipToTemp(zipProject(files));
    const failure = await run(process.execPath, ['run.js'], { cwd: join(dir, 'broken') }).catch((error: { code: number; stdout: string }) => error);
    expect('code' in failure ? failure.code : 0).toBe(1);
    expect(failure.stdout).toContain('0.00s start about to fail');
    expect(failure.stdout).toContain('Error: no luck');
  }, 60_000);

  test('a damaged flowplay.json is refused with the reason', async () => {
    const code = exampleSource('concurrency/parallel.ts');
    const compiled = sharedCompiler().compile(code);
    const files = projectFiles({ lang: 'typescript', code, js: compiled.js, settings: { input: {}, seed: 1, clock: 'virtual', workflow: null }, name: 'p' }, bundle);
    files['p/flowplay.json'] = '{"seed": "seven"}';
    const dir = unzipToTemp(zipProject(files));
    const failure = await run(process.execPath, ['run.js'], { cwd: join(dir, 'p') }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failure ? failure.code : 0).toBe(2);
    expect(failure.stderr).toContain('flowplay.json cannot be used: "seed" is not a whole number.');
  }, 60_000);

  test('code with errors makes no project', () => {
    expect(() => projectFiles({ lang: 'typescript', code: 'class {', js: null, settings: { input: {}, seed: 0, clock: 'virtual', workflow: null }, name: 'x' }, bundle)).toThrow(ProjectError);
  });

  test('a Python project is the file as written and a requirements.txt naming llama-index-workflows', () => {
    const code = 'from workflows import Workflow, step\n';
    const files = projectFiles({ lang: 'python', code, js: null, settings: { input: {}, seed: 0, clock: 'virtual', workflow: null }, name: 'py-flow' }, null);
    expect(Object.keys(files).sort()).toEqual(['py-flow/README.md', 'py-flow/requirements.txt', 'py-flow/workflow.py']);
    expect(files['py-flow/workflow.py']).toBe(code);
    expect(files['py-flow/requirements.txt']!.trim().split('\n')).toEqual([PYTHON_REQUIREMENT]);
    const zipped = unzipSync(zipProject(files));
    expect(strFromU8(zipped['py-flow/workflow.py']!)).toBe(code);
  });
});

describe('engine package', () => {
  test('its package.json points at the module and the declarations it ships', () => {
    const pkg = JSON.parse(bundle.engine['package.json']!) as { name: string; exports: { '.': { types: string; default: string } } };
    expect(pkg.name).toBe('flowplay');
    expect(bundle.engine[pkg.exports['.'].default.replace('./', '')]).toMatch(/export \{[^}]*\bWorkflow\b/);
    expect(bundle.engine[pkg.exports['.'].types.replace('./', '')]).toContain("from './workflow.js'");
  });

  test('its declarations type-check a program that imports flowplay, and catch a wrong one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowplay-types-'));
    dirs.push(dir);
    for (const [path, text] of Object.entries(bundle.engine)) {
      mkdirSync(join(dir, 'node_modules/flowplay', dirname(path)), { recursive: true });
      writeFileSync(join(dir, 'node_modules/flowplay', path), text);
    }
    const check = (source: string) => {
      writeFileSync(join(dir, 'main.ts'), source);
      const program = ts.createProgram([join(dir, 'main.ts')], {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        experimentalDecorators: true,
        types: [],
        lib: ['lib.es2023.d.ts'],
        skipLibCheck: true,
      });
      return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    };
    const good = `import { Workflow, step, StartEvent, StopEvent } from "flowplay";
class Hello extends Workflow {
  @step()
  async start(ev: StartEvent): Promise<StopEvent> { return new StopEvent({ result: "hi" }); }
}
export const result: PromiseLike<unknown> = new Hello().run({});
`;
    expect(check(good)).toEqual([]);
    expect(check(`import { Workflow } from "flowplay";\nconst n: number = new Workflow();\n`).join('\n')).toMatch(/not assignable to type 'number'/);
  }, 60_000);
});
