/**
 * Security and caching headers for static hosts (public/_headers, Netlify / Cloudflare Pages
 * format), served by the test server as a host would, then graded by Mozilla's HTTP
 * Observatory scanner (@mdn/mdn-http-observatory) on the local server: every test passes but
 * the two that need HTTPS (redirection to HTTPS, and HSTS, which browsers ignore over HTTP).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { headersFor, parseHeaders, serveDist, type StaticServer } from '../helpers/server.ts';

const distDir = inject('distDir');
const rules = parseHeaders(readFileSync(join(distDir, '_headers'), 'utf8'));

const PAGE_PATHS = ['/', '/articles/x/', '/people/', '/404.html', '/rss.xml', '/og/x.jpg'];

describe('public/_headers', () => {
  it.each(PAGE_PATHS)('%s gets every security header', (path) => {
    const headers = Object.fromEntries(headersFor(rules, path));
    expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toMatch(/(^|, )camera=\(\)/);
    expect(headers['permissions-policy']).toMatch(/(^|, )geolocation=\(\)/);
    expect(headers['permissions-policy']).toMatch(/(^|, )microphone=\(\)/);
    expect(headers['strict-transport-security']).toMatch(/^max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(headers['strict-transport-security']!)![1])).toBeGreaterThanOrEqual(
      15_768_000, // six months, the Observatory's bar
    );
    // Left out on purpose: it costs a new renderer process per arrival (see public/_headers).
    expect(headers['cross-origin-opener-policy']).toBeUndefined();
  });

  it('keeps the features the site uses: sharing and copying a link', () => {
    // web-share and clipboard-write default to 'self'; a `()` for them would break the share button.
    const policy = headersFor(rules, '/').get('permissions-policy')!;
    expect(policy).not.toMatch(/web-share=\(\)|clipboard-write=\(\)/);
  });

  it('caches hashed assets and photo sizes for a year, immutable, and nothing else', () => {
    for (const path of ['/_astro/index.D4uBGsR9.css', '/_astro/photo.Eb1Bnm2Q_Z1g2bQL.webp'])
      expect(headersFor(rules, path).get('cache-control'), path).toBe('public, max-age=31536000, immutable');
    for (const path of PAGE_PATHS) expect(headersFor(rules, path).get('cache-control'), path).toBeUndefined();
  });

  it('sets each header in one rule only (hosts join the values of overlapping rules)', () => {
    const paths = [...PAGE_PATHS, '/_astro/x.js', '/_astro/x.webp'];
    for (const path of paths)
      for (const [name, value] of headersFor(rules, path)) {
        const count = rules.filter((rule) => headersFor([rule], path).has(name)).length;
        expect(count, `${name} on ${path}: ${value}`).toBe(1);
      }
  });

  it('is copied into the build from public/', () => {
    expect(existsSync(join(distDir, '_headers'))).toBe(true);
  });
});

/** One test's outcome, as the scanner reports it. */
interface ObservatoryTest {
  pass: boolean | null;
  result: string | null;
  scoreModifier?: number;
}

describe("Mozilla's HTTP Observatory, against the local test server", () => {
  let server: StaticServer;
  let result: {
    scan: { score: number; grade: string; testsPassed: number; testsQuantity: number };
    tests: Record<string, ObservatoryTest>;
  };

  beforeAll(async () => {
    // The package's postinstall downloads the HSTS preload list (and cannot reach the network
    // here; package.json denies it). A local address is on no preload list: an empty one is true.
    const packageDir = dirname(
      createRequire(import.meta.url).resolve('@mdn/mdn-http-observatory/package.json'),
    );
    const preload = join(packageDir, 'conf', 'hsts-preload.json');
    if (!existsSync(preload)) writeFileSync(preload, '{}\n');
    // The package ships JavaScript without types: imported by a name TypeScript does not resolve.
    const observatory = '@mdn/mdn-http-observatory';
    const { scan } = (await import(observatory)) as { scan(host: string): Promise<typeof result> };
    server = await serveDist(distDir);
    // The scanner takes a host name; 'host:port' gives it http://127.0.0.1:<port>/ (its HTTPS
    // probe of the same port fails, as it must).
    result = await scan(new URL(server.url).host);
    const summary = Object.entries(result.tests)
      .map(([name, test]) => `${test.pass ? 'pass' : 'FAIL'} ${name} (${test.result})`)
      .join('\n  ');
    console.info(
      `HTTP Observatory: ${result.scan.score}/100 (${result.scan.grade}), ${result.scan.testsPassed}/${result.scan.testsQuantity} tests passed\n  ${summary}`,
    );
  });
  afterAll(async () => {
    await server?.close();
  });

  it('passes every test except the two that need HTTPS', () => {
    const failed = Object.entries(result.tests)
      .filter(([, test]) => !test.pass)
      .map(([name, test]) => `${name}: ${test.result}`);
    expect(failed.sort()).toEqual([
      'redirection: redirection-missing',
      'strict-transport-security: hsts-not-implemented-no-https',
    ]);
    expect(result.scan.testsQuantity).toBe(10);
  });

  it('grades the policies themselves at their best', () => {
    expect(result.tests['content-security-policy']?.result).toMatch(/^csp-implemented-with-no-unsafe/);
    expect(result.tests['x-frame-options']?.result).toBe('x-frame-options-implemented-via-csp');
    expect(result.tests['referrer-policy']?.result).toBe('referrer-policy-private');
    expect(result.tests['x-content-type-options']?.result).toBe('x-content-type-options-nosniff');
    expect(result.tests['subresource-integrity']?.result).toBe(
      'sri-not-implemented-but-all-scripts-loaded-from-secure-origin',
    );
  });
});
