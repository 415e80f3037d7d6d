// A small static server for the built site that behaves like a plain static host: folder
// URLs serve their index.html, unknown paths get 404.html, and text formats are sent
// gzip-compressed (zlib's default level 6, what common hosts use) when the client accepts it.
// Pagefind's index files are already compressed and go out as they are.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};
/** What a typical host compresses on the fly. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg']);

export interface Served {
  origin: string;
  url: (path: string) => string;
  close: () => Promise<void>;
}

/** Serves `root` on 127.0.0.1:`port` under the path `base` (default `/`). */
export async function serve(root: string, port: number, base = '/'): Promise<Served> {
  /** gzip bodies by file path (the output does not change). */
  const gzipped = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = '/';
    }
    if (!path.startsWith(base)) return send(res, req, join(root, '404.html'), 404);
    const file = normalize(join(root, path.slice(base.length)));
    if (file !== root && !file.startsWith(root + sep)) return send(res, req, null, 403);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { Location: `${path}/${url.search}` }).end();
        return;
      }
      return send(res, req, join(file, 'index.html'), 200);
    }
    return send(res, req, file, 200);
  });

  function send(
    res: ServerResponse,
    req: IncomingMessage,
    file: string | null,
    status: number,
  ): ServerResponse | undefined {
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      const notFound = join(root, '404.html');
      if (status === 404 || !existsSync(notFound)) return res.writeHead(404).end('Not found');
      return send(res, req, notFound, 404);
    }
    const ext = extname(file);
    const headers = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    };
    const wantsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (COMPRESSIBLE.has(ext) && wantsGzip) {
      let body = gzipped.get(file);
      if (!body) gzipped.set(file, (body = gzipSync(readFileSync(file))));
      res.writeHead(status, {
        ...headers,
        'Content-Encoding': 'gzip',
        'Content-Length': body.length,
        Vary: 'Accept-Encoding',
      });
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    res.writeHead(status, { ...headers, 'Content-Length': statSync(file).size });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
    return undefined;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
