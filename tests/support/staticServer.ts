/**
 * A bare static server on a free loopback port, for pages the app does not serve itself: a docs page
 * of another origin that embeds Flowplay, or the build under a sub-path (`/tools/flowplay/`) with no
 * rewrites, as a plain static host would serve it. Real responses from the loopback, so Chromium
 * treats them as it would any local site.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

export interface StaticFile {
  body: string | Buffer;
  type: string;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** Serves whatever `resolve` answers for a path (404 for null). */
export async function serveStatic(resolve: (path: string) => Promise<StaticFile | null> | StaticFile | null): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    void Promise.resolve(resolve(path)).then(
      (file) => {
        if (!file) {
          res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
          return;
        }
        res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-cache' }).end(file.body);
      },
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** The files of `dir` under `prefix` (`/tools/flowplay/`), a directory's `index.html` for its path; nothing else. */
export function underPrefix(dir: string, prefix: string): (path: string) => Promise<StaticFile | null> {
  return async (path) => {
    if (!path.startsWith(prefix)) return null;
    let rest = normalize(path.slice(prefix.length));
    if (rest.startsWith('..')) return null;
    if (rest === '.' || rest.endsWith('/')) rest = join(rest, 'index.html');
    try {
      return { body: await readFile(join(dir, rest)), type: TYPES[extname(rest)] ?? 'application/octet-stream' };
    } catch {
      return null;
    }
  };
}
