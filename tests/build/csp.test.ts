/**
 * The content security policy of every built page: Astro writes it as a <meta> (security.csp in
 * astro.config.mjs) with the hashes of its own scripts and styles; public/_headers adds what a
 * <meta> cannot carry. Checked here on the HTML; tests/e2e/ loads the pages under it in Chromium.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { htmlFiles, readPage } from '../helpers/dist.ts';
import { headersFor, parseHeaders } from '../helpers/server.ts';

const distDir = inject('distDir');
const pages = htmlFiles(distDir);

/** 'a b; c d' -> Map { a => ['b'], c => ['d'] } */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

/**
 * The one exception to "nothing unsafe": Pagefind compiles WebAssembly when it searches on the
 * page's thread (its fallback when its web worker cannot start), which Chromium allows only with
 * 'wasm-unsafe-eval' (WebAssembly alone, never eval), on the search page only (src/pages/search.astro).
 */
const SEARCH_PAGE = 'search/index.html';
const WASM = "'wasm-unsafe-eval'";

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Script types a browser runs; others (JSON-LD) are data blocks, outside script-src. */
const EXECUTABLE = new Set(['', 'module', 'text/javascript', 'application/javascript']);

describe.each(pages)('%s', (file) => {
  const html = readFileSync(join(distDir, file), 'utf8');
  const page = readPage(distDir, file);
  const metas = page.querySelectorAll('meta[http-equiv="content-security-policy" i]');
  const policy = directives(metas[0]?.getAttribute('content') ?? '');

  it('has one CSP <meta>, before any script, style or stylesheet it governs', () => {
    expect(metas).toHaveLength(1);
    const head = html.slice(0, html.indexOf('</head>'));
    const before = head.slice(0, head.search(/<meta http-equiv="content-security-policy"/i));
    const governed = [...before.matchAll(/<(script|style|link)\b([^>]*)>/g)].filter(
      ([, tag, attributes = '']) =>
        tag === 'script'
          ? EXECUTABLE.has(/type="([^"]*)"/.exec(attributes)?.[1] ?? '')
          : tag === 'style' || /rel="stylesheet"/.test(attributes),
    );
    expect(governed.map(([tag]) => tag)).toEqual([]);
  });

  it("sets default-src 'self', object-src 'none', base-uri 'self', frame-src 'none', form-action 'self'", () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
  });

  it("allows no 'unsafe-inline', 'unsafe-eval', 'unsafe-hashes', wildcard or data: source anywhere", () => {
    const loose = [...policy].flatMap(([name, sources]) =>
      sources
        .filter((source) => /unsafe|^\*$|^(data|blob|https?):$/.test(source))
        .filter((source) => !(file === SEARCH_PAGE && name === 'script-src' && source === WASM))
        .map((source) => `${name} ${source}`),
    );
    expect(loose).toEqual([]);
  });

  it('covers every inline script and style of the page with a hash, and loads the rest from itself', () => {
    const scriptSources = policy.get('script-src') ?? [];
    const styleSources = policy.get('style-src') ?? [];
    const uncovered: string[] = [];
    for (const script of page.querySelectorAll('script')) {
      if (!EXECUTABLE.has(script.getAttribute('type') ?? '')) continue;
      const src = script.getAttribute('src');
      if (src) {
        if (!src.startsWith('/')) uncovered.push(`script from ${src}`);
      } else if (!scriptSources.includes(sha256(script.rawText))) {
        uncovered.push(`inline script ${script.rawText.slice(0, 50)}`);
      }
    }
    for (const style of page.querySelectorAll('style'))
      if (!styleSources.includes(sha256(style.rawText)))
        uncovered.push(`inline style ${style.rawText.slice(0, 50)}`);
    for (const link of page.querySelectorAll('link[rel="stylesheet"]'))
      if (!link.getAttribute('href')!.startsWith('/'))
        uncovered.push(`stylesheet ${link.getAttribute('href')}`);
    expect(uncovered).toEqual([]);
    expect(scriptSources[0]).toBe("'self'");
    expect(styleSources[0]).toBe("'self'");
  });

  it('has no style attribute, event-handler attribute or javascript: URL (the policy would block them)', () => {
    const blocked = page.querySelectorAll('*').flatMap((element) =>
      Object.entries(element.attributes)
        .filter(
          ([name, value]) => name === 'style' || name.startsWith('on') || /^\s*javascript:/i.test(value),
        )
        .map(([name, value]) => `<${element.rawTagName} ${name}="${value.slice(0, 40)}">`),
    );
    expect(blocked).toEqual([]);
  });
});

describe("'wasm-unsafe-eval'", () => {
  it('is in script-src of the search page alone, which runs Pagefind’s WebAssembly', () => {
    const carrying = pages.filter((file) => {
      const meta = readPage(distDir, file).querySelector('meta[http-equiv="content-security-policy" i]');
      return (meta?.getAttribute('content') ?? '').includes(WASM);
    });
    expect(carrying).toEqual([SEARCH_PAGE]);
    const meta = readPage(distDir, SEARCH_PAGE).querySelector('meta[http-equiv="content-security-policy" i]');
    const policy = directives(meta!.getAttribute('content')!);
    expect([...policy].filter(([, sources]) => sources.includes(WASM)).map(([name]) => name)).toEqual([
      'script-src',
    ]);
  });
});

describe('the CSP response header (public/_headers)', () => {
  const rules = parseHeaders(readFileSync(join(distDir, '_headers'), 'utf8'));

  it.each(['/', '/articles/x/', '/404.html', '/_astro/x.js'])(
    "%s: frame-ancestors 'none' and the directives a <meta> repeats, no fetch directive",
    (path) => {
      // A header CSP with default-src, script-src or style-src would intersect with the <meta>
      // and block Astro's hashed inline styles: only what the <meta> cannot or need not carry.
      const policy = directives(headersFor(rules, path).get('content-security-policy') ?? '');
      expect(Object.fromEntries(policy)).toEqual({
        'frame-ancestors': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'object-src': ["'none'"],
      });
    },
  );
});
