import type { Plugin } from 'vite';
import { sandboxPolicy } from './sandboxPage.ts';
import { APP_CSP } from './sandboxPlugin.ts';

/**
 * Response headers: what a meta tag cannot carry. `frame-ancestors` works only as a header; a worker
 * gets its policy from its own script's response, so without headers the language worker could
 * fetch anywhere; and the sandbox page's `sandbox` directive makes its origin opaque however it is
 * framed (by a page that leaves out the frame's `sandbox` attribute, or opened on its own).
 * Cross-Origin-Opener-Policy keeps another site that opened Flowplay from driving the window it
 * opened (navigating it through link after link).
 */
export const SANDBOX_CSP = sandboxPolicy();

const COMMON: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** The app's policy where the page may be framed only by itself, and where any site may embed it. */
const APP_PAGE_CSP = `${APP_CSP}; frame-ancestors 'self'`;
const EMBED_CSP = `${APP_CSP}; frame-ancestors *`;

/**
 * Which headers a path gets: the sandbox page its own policy, the app's pages and scripts (workers
 * included) the app's, the embed page the app's but framable by any site; other files (the embed
 * demo, which stands for a docs site) only the common ones.
 */
export function headersFor(path: string): Record<string, string> {
  if (path === '/sandbox.html') return { ...COMMON, 'Content-Security-Policy': SANDBOX_CSP };
  if (path === '/embed.html') return { ...COMMON, 'Content-Security-Policy': EMBED_CSP };
  if (path === '/' || path === '/index.html' || path.startsWith('/assets/')) return { ...COMMON, 'Content-Security-Policy': APP_PAGE_CSP };
  return { ...COMMON };
}

/**
 * The same rules as a `_headers` file, which Netlify and Cloudflare Pages read. Both merge every
 * rule that matches a path (joining repeated headers), so the app's policy is given path by path
 * and never also lands on the sandbox page.
 */
export function headersFile(): string {
  const block = (path: string, headers: Record<string, string>) => [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n');
  const app = { 'Content-Security-Policy': APP_PAGE_CSP };
  return [
    '# Security headers for static hosts (Netlify, Cloudflare Pages); see the README, "Deploying: the headers".',
    block('/*', COMMON),
    block('/', app),
    block('/index.html', app),
    block('/assets/*', app),
    block('/embed.html', { 'Content-Security-Policy': EMBED_CSP }),
    block('/sandbox.html', { 'Content-Security-Policy': SANDBOX_CSP }),
    '',
  ].join('\n');
}

/** Sends the headers from `vite preview` (and Cross-Origin-Opener-Policy from the dev server), and writes `_headers` into the build. */
export function securityHeadersPlugin(): Plugin {
  return {
    name: 'flowplay-security-headers',
    configureServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
        next();
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0]!;
        for (const [name, value] of Object.entries(headersFor(path))) res.setHeader(name, value);
        next();
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile() });
    },
  };
}
