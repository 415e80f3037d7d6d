// A plain static file server for the browser tests: a built folder served under its base,
// the way a web server without rewrites serves it (a folder answers with its index.html, a
// missing file with the site's 404 page and status 404). Files are read once and kept in
// memory, so a page and its assets come back at once however many tests ask.
//
//   node tests/static-server.ts [folder=dist] [port=4321] [base=/]
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/** Serves `folder` at `base` (e.g. `/` or `/kurs/virtualisierung/`) on 127.0.0.1. */
export async function serveStatic(folder: string, base = '/', port = 0): Promise<StaticServer> {
  const root = resolve(folder);
  const cache = new Map<string, Promise<{ body: Buffer; type: string } | undefined>>();

  /** The file for a path inside the root (a folder gives its index.html), if there is one. */
  const load = (file: string) => {
    let entry = cache.get(file);
    if (!entry) {
      entry = stat(file)
        .then(async (info) => {
          const served = info.isDirectory() ? join(file, 'index.html') : file;
          return {
            body: await readFile(served),
            type: TYPES[extname(served)] ?? 'application/octet-stream',
          };
        })
        .catch(() => undefined);
      cache.set(file, entry);
    }
    return entry;
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      let path = '';
      try {
        path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      } catch {
        // A broken escape names no file.
      }
      const file = path.startsWith(base) ? resolve(root, `./${path.slice(base.length)}`) : '';
      const inside = file === root || file.startsWith(root + sep);
      const found = inside && !path.includes('\0') ? await load(file) : undefined;
      if (found) {
        res.writeHead(200, { 'content-type': found.type, 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : found.body);
        return;
      }
      const notFound = await load(join(root, '404.html'));
      res.writeHead(404, { 'content-type': TYPES['.html'] ?? '' });
      res.end(req.method === 'HEAD' ? undefined : (notFound?.body ?? 'Not found'));
    })();
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    // Connections a browser keeps open (a service worker's among them) end with it, so
    // that a test can serve another folder at the same port at once.
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [folder = 'dist', port = '4321', base = '/'] = process.argv.slice(2);
  const { origin } = await serveStatic(folder, base, Number(port));
  console.log(`Serving ${folder} at ${origin}${base}`);
}
