import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { bundleEntry } from '../project/viteBundle.ts';
import { exampleEntry } from '../tutorial/examplesMenu.ts';
import { demoPage } from './demoPage.ts';
import type { DemoEmbed } from './demoPage.ts';

const ELEMENT_ENTRY = fileURLToPath(new URL('./flowplayEmbed.ts', import.meta.url));
const SRC = new URL('../', import.meta.url);

/** The demo's three examples and how each is embedded (read-only, editable, dark on the console). */
const DEMO: readonly { id: string; attributes: Record<string, string> }[] = [
  { id: 'first-workflow', attributes: {} },
  { id: 'parallel', attributes: { editable: '', seed: '3' } },
  { id: 'map-reduce', attributes: { theme: 'dark', tab: 'console' } },
];

function demoHtml(): string {
  const embeds: DemoEmbed[] = DEMO.map(({ id, attributes }) => {
    const entry = exampleEntry(id);
    if (!entry) throw new Error(`The embed demo names an example that does not exist: ${id}`);
    return { entry, attributes, source: readFileSync(new URL(entry.path, SRC), 'utf8') };
  });
  return demoPage(embeds);
}

/** `flowplay-embed.js` (the custom element, one classic script) and `embed-demo.html`, in the build and from the dev server. */
export function embedPlugin(): Plugin {
  let element: Promise<string> | null = null;
  const elementCode = () => (element ??= bundleEntry({ entry: ELEMENT_ENTRY, format: 'iife', name: 'flowplayEmbed' }));
  return {
    name: 'flowplay-embed',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0];
        if (path === '/flowplay-embed.js') {
          void elementCode().then((code) => {
            res.setHeader('Content-Type', 'text/javascript');
            res.end(code);
          }, next);
          return;
        }
        if (path !== '/embed-demo.html') return next();
        res.setHeader('Content-Type', 'text/html');
        res.end(demoHtml());
      });
      server.watcher.on('change', (file) => {
        if (/[/\\]src[/\\](embed|share)[/\\]/.test(file)) element = null;
      });
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'flowplay-embed.js', source: await elementCode() });
      this.emitFile({ type: 'asset', fileName: 'embed-demo.html', source: demoHtml() });
    },
  };
}
