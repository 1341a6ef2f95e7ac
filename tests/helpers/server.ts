/**
 * A small static server for a built site, as a host would serve it: index.html for folders,
 * 404.html with status 404, content types, gzip when the client accepts it, and the response
 * headers of `public/_headers` (Netlify's format) when that file exists.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { headersFor, parseHeaders } from '../../src/lib/headers.ts';

export { headersFor, parseHeaders, type HeaderRule } from '../../src/lib/headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest)|image\/svg)/;

export interface StaticServer {
  /** 'http://127.0.0.1:<port>' */
  url: string;
  close(): Promise<void>;
}

/** Serves `distDir` on 127.0.0.1 at a free port, with the rules of the build's copy of public/_headers. */
export async function serveDist(
  distDir: string,
  headersFile = join(distDir, '_headers'),
): Promise<StaticServer> {
  const rules = existsSync(headersFile) ? parseHeaders(readFileSync(headersFile, 'utf8')) : [];
  const root = normalize(distDir);

  function fileFor(pathname: string): string | undefined {
    // Host configuration, never served.
    if (pathname === '/_headers' || pathname === '/_redirects') return undefined;
    const path = normalize(join(root, pathname));
    if (path !== root && !path.startsWith(root + sep)) return undefined;
    if (existsSync(path) && statSync(path).isDirectory()) {
      // A folder without the trailing slash redirects, as static hosts do.
      return existsSync(join(path, 'index.html')) ? join(path, 'index.html') : undefined;
    }
    return existsSync(path) ? path : undefined;
  }

  function send(
    request: IncomingMessage,
    response: ServerResponse,
    status: number,
    file: string,
    pathname: string,
  ) {
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    let body = readFileSync(file);
    response.statusCode = status;
    response.setHeader('content-type', type);
    for (const [name, value] of headersFor(rules, pathname)) response.setHeader(name, value);
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body);
      response.setHeader('content-encoding', 'gzip');
      response.setHeader('vary', 'Accept-Encoding');
    }
    response.setHeader('content-length', body.length);
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.statusCode = 400;
      response.end();
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.statusCode = 405;
      response.setHeader('allow', 'GET, HEAD');
      response.end();
      return;
    }
    const file = fileFor(pathname);
    if (
      file &&
      !pathname.endsWith('/') &&
      file.endsWith(`${sep}index.html`) &&
      !pathname.endsWith('index.html')
    ) {
      response.statusCode = 301;
      response.setHeader('location', `${pathname}/`);
      response.end();
      return;
    }
    if (file) return send(request, response, 200, file, pathname);
    const notFound = join(root, '404.html');
    if (existsSync(notFound)) return send(request, response, 404, notFound, pathname);
    response.statusCode = 404;
    response.end('Not found');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
