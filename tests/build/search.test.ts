/**
 * The site search in the built site: Pagefind's bundle in dist/pagefind/ (src/build/search-index.ts),
 * exactly the searchable pages marked `data-pagefind-body` (articles, timeline events, people,
 * organisations, places, countries, stories), the date each result shows, and the search page without
 * JavaScript. The search itself runs in Chromium in tests/e2e/search.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { htmlFiles, readPage } from '../helpers/dist.ts';
import { textOf } from '../helpers/render.ts';

const distDir = inject('distDir');
const bundle = join(distDir, 'pagefind');
const pages = htmlFiles(distDir);

/** The pages a search can find, by their file in dist/. */
const SEARCHABLE = [
  /^articles\/[^/]+\/index\.html$/,
  /^articles\/[^/]+\/timeline\/[^/]+\/index\.html$/,
  /^(people|countries|organisations|places|stories)\/[^/]+\/index\.html$/,
];
const searchable = (file: string) => SEARCHABLE.some((pattern) => pattern.test(file));

describe("Pagefind's bundle", () => {
  it('has the search script, its worker, the WebAssembly, an index and fragments', () => {
    for (const name of ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'wasm.en.pagefind'])
      expect(existsSync(join(bundle, name)), name).toBe(true);
    expect(readdirSync(join(bundle, 'index')).length).toBeGreaterThan(0);
    expect(readdirSync(join(bundle, 'fragment')).length).toBeGreaterThan(0);
  });

  it("publishes none of Pagefind's ready-made interfaces (the site has its own)", () => {
    const names = readdirSync(bundle).filter((name) => /ui\.(js|css)$|highlight/.test(name));
    expect(names).toEqual([]);
  });

  it('indexes as many pages as carry data-pagefind-body, and that is every searchable page', () => {
    const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const indexed = Object.values(entry.languages).reduce((sum, { page_count }) => sum + page_count, 0);
    expect(indexed).toBe(pages.filter(searchable).length);
    expect(indexed).toBeGreaterThan(0);
  });
});

describe.each(pages)('%s', (file) => {
  const page = readPage(distDir, file);
  const main = page.querySelector('main');

  it(`${searchable(file) ? 'is' : 'is not'} a search result (data-pagefind-body on <main>)`, () => {
    expect(main?.hasAttribute('data-pagefind-body')).toBe(searchable(file));
    // Only <main> says what is indexed: nothing else on the page claims to be the body.
    expect(page.querySelectorAll('[data-pagefind-body]').length).toBe(searchable(file) ? 1 : 0);
  });

  it('keeps share links, who’s-who cards and lists of other pages out of the index', () => {
    for (const part of page.querySelectorAll(
      'main .share-links, main mention-cards, main photo-lightbox, main .whos-who, main .timeline',
    ))
      expect(part.hasAttribute('data-pagefind-ignore'), part.rawTagName).toBe(true);
    // Not vacuous: every article page has share links to check.
    if (SEARCHABLE[0]!.test(file)) expect(page.querySelector('main .share-links')).not.toBeNull();
  });

  it('loads Pagefind only on the search page', () => {
    // The page's scripts, inline (Astro inlines small ones) or from _astro/.
    const scripts = page
      .querySelectorAll('script')
      .filter((script) => script.getAttribute('type') !== 'application/ld+json')
      .map((script) => {
        const src = script.getAttribute('src');
        return src ? readFileSync(join(distDir, src), 'utf8') : script.rawText;
      });
    expect(scripts.some((code) => code.includes('/pagefind/pagefind.js'))).toBe(file === 'search/index.html');
  });
});

describe('the date a result shows', () => {
  const articles = pages.filter((file) => SEARCHABLE[0]!.test(file));
  const events = pages.filter((file) => SEARCHABLE[1]!.test(file));

  it.each(articles)('%s: the published date as the article shows it', (file) => {
    const page = readPage(distDir, file);
    const main = page.querySelector('main')!;
    expect(main.getAttribute('data-pagefind-meta')).toBe('date[data-search-date]');
    const published = page
      .querySelectorAll('.article-header .meta span')
      .find((span) => textOf(span).startsWith('Published '));
    expect(main.getAttribute('data-search-date')).toBe(textOf(published!.querySelector('time')));
  });

  it.each(events)('%s: the event’s date as the event page shows it', (file) => {
    const page = readPage(distDir, file);
    const main = page.querySelector('main')!;
    const when = page.querySelector('.event-detail .when')!;
    const label = textOf(when.querySelector('time') ?? when);
    expect(label.startsWith(main.getAttribute('data-search-date')!)).toBe(true);
    expect(main.getAttribute('data-search-date')).not.toBe('');
  });
});

describe('the search page', () => {
  const page = readPage(distDir, 'search/index.html');

  it('has a labelled search form that submits the query with GET to /search/', () => {
    const form = page.querySelector('form[role=search]')!;
    expect(form.getAttribute('action')).toBe('/search/');
    expect(form.getAttribute('method')).toBe('get');
    const labelledBy = form.getAttribute('aria-labelledby');
    expect(textOf(page.getElementById(labelledBy!))).toBe('Search');
    const input = form.querySelector('input[type=search]')!;
    expect(input.getAttribute('name')).toBe('q');
    expect(textOf(form.querySelector(`label[for="${input.id}"]`))).not.toBe('');
    expect(page.querySelector('[role=status]')?.getAttribute('aria-live')).toBe('polite');
  });

  it('says without JavaScript that search needs it, and links to every article (the archive) and the sections', () => {
    const note = page.querySelector('main .browse')!;
    expect(textOf(note)).toMatch(/needs JavaScript/);
    expect(note.querySelectorAll('a').map((link) => link.getAttribute('href'))).toEqual([
      '/archive/',
      '/stories/',
      '/timeline/',
      '/people/',
      '/countries/',
    ]);
  });

  it('is not itself a search result', () => {
    expect(page.querySelector('main')!.hasAttribute('data-pagefind-body')).toBe(false);
  });
});
