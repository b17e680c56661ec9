import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { engineBeside, enginePackageFiles, forgetEngineBuild } from './enginePackage.ts';
import { bundleEntry } from './viteBundle.ts';

const RUNNER_ENTRY = fileURLToPath(new URL('../node/projectMain.ts', import.meta.url));
const VIRTUAL = 'virtual:flowplay-project-bundle';
const RESOLVED = `\0${VIRTUAL}`;

/** `run.js` of a downloaded project: the project runner, importing the engine shipped beside it. */
export function projectRunner(): Promise<string> {
  return bundleEntry({
    entry: RUNNER_ENTRY,
    format: 'es',
    minify: false,
    plugins: [engineBeside('./flowplay/index.js')],
    external: (id) => id.startsWith('node:'),
  });
}

/**
 * `virtual:flowplay-project-bundle`: the engine package and the project runner as text, for "Download
 * project". The page imports it only when a project is downloaded, so it costs the first load nothing.
 */
export function projectPlugin(): Plugin {
  let bundle: Promise<string> | null = null;
  const moduleCode = async () => {
    const [engine, runner] = await Promise.all([enginePackageFiles(), projectRunner()]);
    return `export const engine = ${JSON.stringify(engine)};\nexport const runner = ${JSON.stringify(runner)};\n`;
  };
  return {
    name: 'flowplay-project',
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      bundle ??= moduleCode();
      return bundle;
    },
    configureServer(server) {
      server.watcher.on('change', (file) => {
        if (!/[/\\]src[/\\](engine|worker|state|node)[/\\]/.test(file)) return;
        bundle = null;
        forgetEngineBuild();
        const module = server.moduleGraph.getModuleById(RESOLVED);
        if (module) server.moduleGraph.invalidateModule(module);
      });
    },
  };
}
