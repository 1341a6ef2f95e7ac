/** The static test server behaves like a static host: folders, 404s, types, gzip and _headers. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeaders, serveDist, type StaticServer } from '../helpers/server.ts';

const HEADERS = `# comment
/*
  X-Content-Type-Options: nosniff
  Content-Security-Policy: frame-ancestors 'none'

/articles/:slug/
  X-Robots-Tag: noindex
/_astro/*
  Cache-Control: public, max-age=31536000, immutable
`;

let dir: string;
let server: StaticServer;

beforeAll(async () => {
  // The served folder is dist/ inside a temporary folder that also holds a file it must not serve.
  dir = join(mkdtempSync(join(tmpdir(), 'backstory-server-')), 'dist');
  writeFileSync(join(dir, '..', 'secret.txt'), 'not for the web');
  mkdirSync(join(dir, 'articles/a'), { recursive: true });
  mkdirSync(join(dir, '_astro'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Home</title>');
  writeFileSync(join(dir, 'articles/a/index.html'), '<!doctype html><title>A</title>');
  writeFileSync(join(dir, '404.html'), '<!doctype html><title>Not found</title>');
  writeFileSync(join(dir, '_astro/x.avif'), Buffer.from([0, 1, 2]));
  writeFileSync(join(dir, '_headers'), HEADERS);
  server = await serveDist(dir);
});
afterAll(async () => {
  await server?.close();
  rmSync(join(dir, '..'), { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      request(`${server.url}${path}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      })
        .on('error', reject)
        .end();
    },
  );
}

describe('serveDist', () => {
  it('serves index.html for a folder, with its type', async () => {
    const response = await get('/articles/a/');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body.toString()).toContain('<title>A</title>');
  });

  it('redirects a folder without its trailing slash', async () => {
    const response = await get('/articles/a');
    expect(response.status).toBe(301);
    expect(response.headers['location']).toBe('/articles/a/');
  });

  it('answers a missing path with 404.html and status 404', async () => {
    const response = await get('/nowhere/');
    expect(response.status).toBe(404);
    expect(response.body.toString()).toContain('Not found');
  });

  it('gzips text when the client accepts it, never images', async () => {
    const html = await get('/', { 'accept-encoding': 'gzip, br' });
    expect(html.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(html.body).toString()).toContain('<title>Home</title>');
    const image = await get('/_astro/x.avif', { 'accept-encoding': 'gzip' });
    expect(image.headers['content-type']).toBe('image/avif');
    expect(image.headers['content-encoding']).toBeUndefined();
  });

  it('applies the _headers rules that match, and never serves the file itself', async () => {
    const article = await get('/articles/a/');
    expect(article.headers['x-content-type-options']).toBe('nosniff');
    expect(article.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(article.headers['x-robots-tag']).toBe('noindex');
    expect((await get('/')).headers['x-robots-tag']).toBeUndefined();
    expect((await get('/_astro/x.avif')).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect((await get('/_headers')).status).toBe(404);
  });

  it('refuses paths that climb out of the folder', async () => {
    // URL parsing removes plain and %2e dot segments before the request is sent; an encoded
    // slash survives it and reaches the server's decoding, so that is the form to refuse.
    for (const path of ['/..%2fsecret.txt', '/articles/..%2f..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.body.toString(), path).not.toContain('not for the web');
    }
  });
});

describe('parseHeaders', () => {
  it('reads path lines and their indented headers, merging repeated headers', () => {
    const rules = parseHeaders('/*\n  Link: <a>\n/x/\n  Link: <b>\n');
    expect(headersFor(rules, '/x/').get('link')).toBe('<a>, <b>');
    expect(() => parseHeaders('  Orphan: header')).toThrow(/_headers/);
  });
});
