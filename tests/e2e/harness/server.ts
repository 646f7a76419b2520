/**
 * A static server for the fixture pages under tests/fixtures/pages, bound to 127.0.0.1 on an
 * ephemeral port. It records every request so tests can prove nothing unexpected was fetched.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

/** Root directory the server serves by default. */
export const FIXTURE_PAGES_DIR = resolve(import.meta.dirname, '..', '..', 'fixtures', 'pages');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** A request the fixture server received. */
export interface RecordedRequest {
  url: string;
  method: string;
}

/** Options of `startFixtureServer`. */
export interface FixtureServerOptions {
  /** Directory to serve (default: tests/fixtures/pages). */
  root?: string;
  /**
   * Extra response headers per request path, e.g.
   * `{ '/strict-csp.html': { 'Content-Security-Policy': "default-src 'none'" } }`.
   * The key '*' applies to every path.
   */
  headers?: Record<string, Record<string, string>>;
}

/** A running fixture server. */
export interface FixtureServer {
  /** e.g. "http://127.0.0.1:41234". */
  origin: string;
  /** Absolute URL of a path on this server ("basic.html" or "/basic.html"). */
  url(path: string): string;
  /** Every request received so far, in order (path + query, method). */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Starts a static server for fixture pages on 127.0.0.1 and an ephemeral port. */
export async function startFixtureServer(opts: FixtureServerOptions = {}): Promise<FixtureServer> {
  const root = resolve(opts.root ?? FIXTURE_PAGES_DIR);
  const requests: RecordedRequest[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    requests.push({ url: rawUrl, method: req.method ?? 'GET' });
    const pathname = decodeURIComponent(new URL(rawUrl, 'http://127.0.0.1').pathname);
    const extra = { ...(opts.headers?.['*'] ?? {}), ...(opts.headers?.[pathname] ?? {}) };
    const notFound = () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...extra });
      res.end(`404 ${pathname}`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    let file = resolve(root, '.' + (pathname.endsWith('/') ? pathname + 'index.html' : pathname));
    // Never serve anything outside the fixture root.
    if (file !== root && !file.startsWith(root + sep)) return notFound();
    try {
      const info = await stat(file);
      if (info.isDirectory()) file = resolve(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        ...extra,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      notFound();
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((done, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path: string) => `${origin}/${path.replace(/^\/+/, '')}`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
