import { fileBaseName } from '../../inspect/index.ts';
import { mainWorkflow, parseInput } from '../../state/index.ts';
import type { Playground } from '../playground.ts';
import { download } from './download.ts';

/**
 * "Download project": the code as written, what it compiled to, the engine and a runner, zipped. The
 * engine's build and the zip library load only now, so the page's first load does not carry them.
 */
export async function downloadProject({ workspace, run }: Pick<Playground, 'workspace' | 'run'>): Promise<void> {
  const [bundle, project] = await Promise.all([import('virtual:flowplay-project-bundle'), import('../../project/projectFiles.ts')]);
  const { source, analysis, lang } = workspace.getState();
  const { settings } = run.getState();
  const input = parseInput(settings.inputText);
  if (!input.ok) throw new Error(`${input.message}. Fix the input to download a project that runs as the page does.`);
  const workflow = mainWorkflow(analysis?.workflows ?? []);
  const name = fileBaseName(workflow);
  const files = project.projectFiles(
    {
      lang,
      code: source,
      js: analysis?.js ?? null,
      settings: { input: input.value, seed: settings.seed, clock: settings.clock, workflow },
      name,
    },
    { engine: bundle.engine, runner: bundle.runner },
  );
  const zip = project.zipProject(files);
  download({ name: `${name}.zip`, blob: new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }) });
}
