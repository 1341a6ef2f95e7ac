/**
 * The site search's index: after the pages are written, Pagefind (npm `pagefind`, its Node API
 * over a Rust binary) reads the built HTML and writes its index, its search script and its
 * WebAssembly into `<output>/pagefind/`, which src/pages/search.astro loads.
 *
 * Only pages whose `<main>` carries `data-pagefind-body` (BaseLayout's `searchable`) are indexed:
 * articles, timeline events, stories, people, organisations, places and countries. Once one page of a site
 * has the attribute, Pagefind leaves every page without it out of the index, so the home page,
 * the indexes, the archive, photo pages, About and the 404 page are never results. Within a page, parts marked
 * `data-pagefind-ignore` (share links, who's-who lists, lists of other pages) are not indexed.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

/** The folder of the output the index is written to, and the URL it is served at (search.client.ts loads /pagefind/pagefind.js). */
const SEARCH_BUNDLE = 'pagefind';

/**
 * Pagefind's ready-made search interfaces, written beside the index: the site has its own
 * (src/components/search.client.ts), so they are not published.
 */
const UNUSED_UI = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

interface IndexResult {
  pages: number;
  milliseconds: number;
}

/** Indexes the built site in `siteDir` and writes the bundle into `siteDir/pagefind/`. */
async function writeSearchIndex(siteDir: string): Promise<IndexResult> {
  const start = performance.now();
  try {
    const created = await createIndex({});
    if (!created.index) throw new Error(created.errors.join('\n') || 'no index');
    const { index } = created;
    const bundle = join(siteDir, SEARCH_BUNDLE);
    const added = await index.addDirectory({ path: siteDir });
    const written = await index.writeFiles({ outputPath: bundle });
    const errors = [...created.errors, ...added.errors, ...written.errors];
    if (errors.length > 0) throw new Error(errors.join('\n'));
    await Promise.all(UNUSED_UI.map((name) => rm(join(bundle, name), { force: true })));
    // addDirectory counts every HTML file it read; the entry file, the pages it kept.
    const entry = JSON.parse(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    return { pages, milliseconds: Math.round(performance.now() - start) };
  } finally {
    // The Node API keeps the Pagefind binary running until told to stop.
    await close();
  }
}

/** The Astro integration: indexes the output once the build is done; a failure fails the build. */
export function searchIndex(): AstroIntegration {
  return {
    name: 'backstory:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pages, milliseconds } = await writeSearchIndex(fileURLToPath(dir));
        if (pages === 0) throw new Error('The search index is empty: no page has data-pagefind-body.');
        logger.info(`indexed ${pages} pages for search in ${milliseconds} ms`);
      },
    },
  };
}
