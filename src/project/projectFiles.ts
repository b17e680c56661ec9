/**
 * "Download project": the files of a project that runs outside the page. Pure: the page passes the
 * code, what the compiler made of it and the engine's build; the zip is made by `zipProject`.
 */
import { strToU8, zipSync } from 'fflate';
import type { ProjectSettings } from '../node/runProject.ts';

/** What the build ships for downloads: the engine package's files and the project runner (`run.js`). */
export interface ProjectBundle {
  engine: Readonly<Record<string, string>>;
  runner: string;
}

export type ProjectLanguage = 'typescript' | 'python';

export interface ProjectSource {
  lang: ProjectLanguage;
  /** The code as the user wrote it. */
  code: string;
  /** The compiler's runnable JS (TypeScript only; null when the code does not compile). */
  js: string | null;
  settings: ProjectSettings;
  /** Base of the folder and file names (`parallel-flow`). */
  name: string;
}

/** The package Python projects install; the playground's Python mode follows its API. */
export const PYTHON_REQUIREMENT = 'llama-index-workflows';

export class ProjectError extends Error {}

/** Paths (inside one folder named after the workflow) to file contents. */
export function projectFiles(source: ProjectSource, bundle: ProjectBundle | null): Record<string, string> {
  const dir = `${source.name}/`;
  if (source.lang === 'python') {
    return {
      [`${dir}workflow.py`]: source.code,
      [`${dir}requirements.txt`]: `${PYTHON_REQUIREMENT}\n`,
      [`${dir}README.md`]: pythonReadme(source.name),
    };
  }
  if (source.js === null) throw new ProjectError('The code has errors; fix them to download a project that runs.');
  if (!bundle) throw new ProjectError('The engine for downloads is not part of this build.');
  const files: Record<string, string> = {
    [`${dir}workflow.ts`]: source.code,
    [`${dir}workflow.compiled.js`]: source.js,
    [`${dir}flowplay.json`]: `${JSON.stringify(source.settings, null, 2)}\n`,
    [`${dir}run.js`]: bundle.runner,
    [`${dir}package.json`]: `${JSON.stringify(
      {
        name: source.name,
        private: true,
        type: 'module',
        description: 'A workflow made in Flowplay, with the engine it ran on.',
        scripts: { start: 'node run.js' },
        // Installing links the bundled engine as `flowplay`, so editors resolve the import in workflow.ts.
        dependencies: { flowplay: 'file:./flowplay' },
        engines: { node: '>=20' },
      },
      null,
      2,
    )}\n`,
    [`${dir}tsconfig.json`]: `${JSON.stringify(
      { compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', strict: true, experimentalDecorators: true, noEmit: true, paths: { flowplay: ['./flowplay/index.d.ts'] } }, include: ['workflow.ts'] },
      null,
      2,
    )}\n`,
    [`${dir}README.md`]: typescriptReadme(source.name, source.settings),
  };
  for (const [path, text] of Object.entries(bundle.engine)) files[`${dir}flowplay/${path}`] = text;
  return files;
}

/** The files as a zip archive. */
export function zipProject(files: Readonly<Record<string, string>>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [path, text] of Object.entries(files)) entries[path] = strToU8(text);
  return zipSync(entries, { level: 6 });
}

function typescriptReadme(name: string, settings: ProjectSettings): string {
  return `# ${name}

A workflow made in the Flowplay playground, with the engine it ran on.

\`\`\`sh
npm start            # or: node run.js   (Node 20 or later; nothing to install)
\`\`\`

It prints what the playground's console showed for the same run: seed ${settings.seed}, the ${settings.clock} clock,
input \`${JSON.stringify(settings.input)}\`. Change them in \`flowplay.json\`.

| file | what it is |
| --- | --- |
| \`workflow.ts\` | the workflow as written in the playground |
| \`workflow.compiled.js\` | what the playground compiled it to and ran (decorators lowered, step signatures recorded for routing) |
| \`flowplay/\` | the engine, as a package (\`import … from "flowplay"\`), with its type declarations |
| \`run.js\` | runs \`workflow.compiled.js\` the way the playground's runner does and prints its console |
| \`flowplay.json\` | input, seed and clock of the run |

\`npm install\` is optional: it links \`flowplay/\` into \`node_modules\` so that editors resolve the import in
\`workflow.ts\`. To run an edited \`workflow.ts\`, paste it into the playground (or use its \`flowplay run\` command)
and download again: the routing information comes from Flowplay's compiler.
`;
}

function pythonReadme(name: string): string {
  return `# ${name}

A workflow made in Flowplay's Python mode. It runs on LlamaIndex Workflows:

\`\`\`sh
python -m venv .venv && . .venv/bin/activate
pip install -r requirements.txt
python workflow.py
\`\`\`

\`workflow.py\` is the file as written in the playground. The playground runs a workflow that the file only
defines; run by Python, the file needs its own \`asyncio.run(...)\` of the workflow to print anything.
`;
}
