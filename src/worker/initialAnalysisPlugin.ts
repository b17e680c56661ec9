import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { Plugin } from 'vite';
import { createCompiler } from '../compiler/index.ts';
import type { GraphModel } from '../compiler/index.ts';
import { drawnGraph } from '../inspect/drawnGraph.ts';
import { elkGraphOf, layoutFromElk } from '../inspect/graphLayout.ts';
import type { GraphLayout } from '../inspect/graphLayout.ts';

const VIRTUAL = 'virtual:flowplay-initial-analysis';
const RESOLVED = `\0${VIRTUAL}`;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The examples whose analysis ships with the page: the one a first visit opens. */
const PRECOMPUTED = ['src/examples/concurrency/parallel.ts'];

/**
 * `virtual:flowplay-initial-analysis`: the language worker's answer for the default example,
 * computed at build time by the same compiler over the same declarations the worker bundles
 * (see bundledDeclarations.ts). The page shows that graph at once and can run it, instead of waiting
 * for the language worker to load TypeScript (about 1 MB gzip); the worker's own analysis replaces
 * it when it is ready. Its graph's layout ships too, computed by the same ELK options as the page's
 * layout worker: ELK is then fetched only when another graph is drawn.
 */
export function initialAnalysisPlugin(): Plugin {
  return {
    name: 'flowplay-initial-analysis',
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : null;
    },
    async load(id) {
      if (id !== RESOLVED) return null;
      const compiler = createCompiler({ libFiles: libFiles(), flowplayTypes: flowplayTypes() });
      const analyses = await Promise.all(
        PRECOMPUTED.map(async (path) => {
          this.addWatchFile(`${ROOT}${path}`);
          const source = readFileSync(`${ROOT}${path}`, 'utf8');
          const analysis = compiler.compile(source);
          return { source, analysis, layout: analysis.graph ? await layOut(analysis.graph) : null };
        }),
      );
      return `export default ${JSON.stringify(analyses)};`;
    },
  };
}

/** As bundledDeclarations.ts: `lib.es5.d.ts` and `lib.es20*.d.ts` from the installed TypeScript. */
function libFiles(): Record<string, string> {
  const dir = `${ROOT}node_modules/typescript/lib/`;
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) if (/^lib\.es(5|20.*)\.d\.ts$/.test(name)) files[name] = readFileSync(dir + name, 'utf8');
  return files;
}

/** As bundledDeclarations.ts: the engine's sources as the `flowplay` module. */
function flowplayTypes(): Record<string, string> {
  const dir = `${ROOT}src/engine/`;
  const files: Record<string, string> = { 'index.d.ts': "export * from './index.ts';\n" };
  for (const name of readdirSync(dir)) if (name.endsWith('.ts') && !name.endsWith('.test.ts')) files[name] = readFileSync(dir + name, 'utf8');
  return files;
}

/** The layout of the graph as the page draws it (with the nodes `drawnGraph` adds), so its key matches. */
async function layOut(model: GraphModel): Promise<GraphLayout> {
  const graph = drawnGraph(model);
  return layoutFromElk(graph, await new ELK().layout(elkGraphOf(graph)));
}
