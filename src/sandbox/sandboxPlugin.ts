import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { engineModule, forgetEngineBuild, useBuiltEngine } from '../project/enginePackage.ts';
import { bundleEntry } from '../project/viteBundle.ts';
import { sandboxPage } from './sandboxPage.ts';

const RUNNER_ENTRY = fileURLToPath(new URL('../worker/runner.worker.ts', import.meta.url));
const VIRTUAL_RUNNER = 'virtual:flowplay-runner';
const RESOLVED_RUNNER = `\0${VIRTUAL_RUNNER}`;

/**
 * The app's policy (production only: the dev server's React refresh needs an inline script).
 * - no inline or foreign script; workers from the app only (the sandbox frame makes its blob worker
 *   under its own policy, see src/sandbox/sandboxPage.ts); images may be blobs (the PNG export draws one);
 * - the runner's frame is the app's own sandbox page;
 * - styles: 'unsafe-inline', measured: without it Chromium refuses the <style> element CodeMirror
 *   writes its themes into at run time, and the editor loses its layout. A nonce would need a fresh
 *   value per response, which a static host cannot give; a style cannot run code.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The sandboxed runner's build:
 * - `sandbox.html`, the sandbox page with its script (src/sandbox/sandboxFrame.ts) inline;
 * - `virtual:flowplay-runner`, the runner worker bundled into one script and exported as text, which
 *   the page hands to the sandbox frame to start as a blob worker (see src/worker/sandboxHost.ts);
 * - the content security policy in index.html.
 */
export function sandboxPlugin(): Plugin {
  let runner: Promise<string> | null = null;
  const runnerCode = () => (runner ??= bundleRunner());
  return {
    name: 'flowplay-sandbox',
    resolveId(id) {
      return id === VIRTUAL_RUNNER ? RESOLVED_RUNNER : null;
    },
    async load(id) {
      if (id !== RESOLVED_RUNNER) return null;
      return `export default ${JSON.stringify(await runnerCode())};`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== '/sandbox.html') return next();
        res.setHeader('Content-Type', 'text/html');
        res.end(sandboxPage());
      });
      // The runner is bundled on demand; an edit to it, to the engine or to what it takes from
      // src/python (the assets' shape) and src/inspect (the value budget) makes the next load rebuild it.
      server.watcher.on('change', (file) => {
        if (/[/\\]src[/\\](engine|worker|python|inspect)[/\\]/.test(file)) {
          runner = null;
          forgetEngineBuild();
          const module = server.moduleGraph.getModuleById(RESOLVED_RUNNER);
          if (module) server.moduleGraph.invalidateModule(module);
        }
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'sandbox.html', source: sandboxPage() });
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        if (context.server) return html;
        return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: APP_CSP }, injectTo: 'head-prepend' }];
      },
    },
  };
}

/**
 * The runner worker and everything it imports as one classic script, no imports left. Its engine is
 * the engine package's build (src/project/enginePackage.ts), the same code a downloaded project runs.
 */
async function bundleRunner(): Promise<string> {
  const engine = await engineModule();
  return bundleEntry({ entry: RUNNER_ENTRY, format: 'iife', name: 'flowplayRunner', plugins: [useBuiltEngine(engine)] });
}
