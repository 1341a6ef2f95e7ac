/**
 * Sharing in the built site: the generated share images (size, bytes), what a real link-preview
 * library extracts from pages, the share links and button, feeds and crawl files, and budgets.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { HTMLElement } from 'node-html-parser';
import ogs from 'open-graph-scraper';
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import { machineDate } from '../../src/seo/seo.ts';
import { site } from '../../src/site.ts';
import { rawArticles } from '../helpers/content.ts';
import { fileFor, htmlFiles, readPage, urlPathOf } from '../helpers/dist.ts';

const distDir = inject('distDir');
const pages = htmlFiles(distDir);
const origin = new URL(process.env['SITE_URL'] || site.url).origin;
const MAX_BYTES = 300_000;

// Every article, every event and every photo: no article is assumed to have either.
const articles = rawArticles();
const articleFiles = articles.map(({ slug }) => `articles/${slug}/index.html`);
const eventFiles = articles.flatMap(({ slug, data }) =>
  (data['timeline'] ?? []).map((event: { id: string }) => `articles/${slug}/timeline/${event.id}/index.html`),
);
const photos = articles.flatMap(({ slug, data }) =>
  (data['gallery'] ?? []).map((photo: Record<string, any>) => ({
    slug,
    photo,
    file: `articles/${slug}/photos/${photo['id']}/index.html`,
  })),
);
const photoFiles = photos.map(({ file }) => file);

const metaOf = (page: HTMLElement, key: string) =>
  page.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
const distPath = (url: string) => join(distDir, fileFor(new URL(url).pathname));

/** Every file under dist/og/. */
const ogFiles = readdirSync(join(distDir, 'og'), { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.jpg'))
  .sort();

describe('share images', () => {
  it('are all that dist/og holds: the list the build writes for them is gone', () => {
    const all = readdirSync(join(distDir, 'og'), { recursive: true, encoding: 'utf8' }).filter(
      (name) => !statSync(join(distDir, 'og', name)).isDirectory(),
    );
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter((name) => !name.endsWith('.jpg'))).toEqual([]);
  });

  it('exist for every page, one each', () => {
    const images = pages.map((file) => metaOf(readPage(distDir, file), 'og:image')!);
    for (const [index, image] of images.entries())
      expect(existsSync(distPath(image)), `${pages[index]}: ${image}`).toBe(true);
    const own = pages
      .filter((file) => file !== '404.html')
      .map((file) => metaOf(readPage(distDir, file), 'og:image'));
    expect(new Set(own).size).toBe(own.length);
  });

  it.each(ogFiles)('og/%s is a JPEG of the stated size, under 300 KB', async (name) => {
    const bytes = readFileSync(join(distDir, 'og', name));
    expect(bytes.length).toBeLessThanOrEqual(MAX_BYTES);
    const { width, height, format } = await sharp(bytes).metadata();
    expect(format).toBe('jpeg');
    const crop = /\/(16x9|4x3|1x1)\.jpg$/.exec(`/${name}`)?.[1];
    const expected = { '16x9': [1200, 675], '4x3': [1200, 900], '1x1': [1000, 1000] }[crop ?? ''] ?? [
      1200, 630,
    ];
    expect([width, height]).toEqual(expected);
  });

  it.each(photos)(
    'uses the photo itself, with its credit, on $file; a card of text for a placeholder',
    ({ slug, photo, file }) => {
      const page = readPage(distDir, file);
      const alt = metaOf(page, 'og:image:alt')!;
      if (photo.placeholder) {
        // A placeholder is never a preview image: the page's card says what the photo showed.
        expect(alt).toBe(`${site.name}: ${photo.caption}`);
      } else {
        expect(alt).toContain(photo.credit);
        expect(alt.startsWith(photo.alt)).toBe(true);
      }
      expect(metaOf(page, 'og:image')).toBe(`${origin}/og/articles/${slug}/photos/${photo['id']}.jpg`);
    },
  );
});

describe.each([
  ...articleFiles.map((file) => ['article', file]),
  ...eventFiles.map((file) => ['event', file]),
  ...photoFiles.map((file) => ['photo', file]),
])('the %s page %s in a link-preview library (open-graph-scraper, offline)', (_kind, file) => {
  it('gives the title, description and image the page states', async () => {
    const html = readFileSync(join(distDir, file), 'utf8');
    const page = readPage(distDir, file);
    const { error, result } = await ogs({ html });
    expect(error).toBe(false);
    expect(result.ogTitle).toBe(metaOf(page, 'og:title'));
    expect(result.ogDescription).toBe(metaOf(page, 'description'));
    expect(result.ogUrl).toBe(`${origin}${urlPathOf(file)}`);
    expect(result.ogSiteName).toBe(site.name);
    expect(result.twitterCard).toBe('summary_large_image');
    const [image] = result.ogImage ?? [];
    expect(image).toMatchObject({
      url: metaOf(page, 'og:image'),
      width: '1200',
      height: '630',
      type: 'image/jpeg',
    });
    expect(existsSync(distPath(image!.url))).toBe(true);
    expect(statSync(distPath(image!.url)).size).toBeLessThanOrEqual(MAX_BYTES);
  });
});

describe.each(articles)('the preview of $slug', ({ slug, data }) => {
  it('shows the headline and the dek', async () => {
    const { result } = await ogs({
      html: readFileSync(join(distDir, `articles/${slug}/index.html`), 'utf8'),
    });
    expect(result.ogTitle).toBe(data['title']);
    expect(result.ogDescription).toBe(data['dek']);
    expect(result.ogType).toBe('article');
  });
});

describe.each([...articleFiles, ...eventFiles, ...photoFiles])('share UI on %s', (file) => {
  const page = readPage(distDir, file);
  const section = page.querySelector('section.share-links');

  it('lists a plain link for each service, carrying the page URL', () => {
    expect(section).not.toBeNull();
    const hrefs = section!.querySelectorAll('li a').map((link) => link.getAttribute('href')!);
    const hosts = hrefs.map((href) => (href.startsWith('mailto:') ? 'mailto' : new URL(href).host));
    expect(hosts).toEqual([
      'mailto',
      'wa.me',
      't.me',
      'x.com',
      'bsky.app',
      'www.facebook.com',
      'www.linkedin.com',
    ]);
    for (const href of hrefs) expect(decodeURIComponent(href)).toContain(`${origin}${urlPathOf(file)}`);
  });

  it('has the share button hidden until its script runs, and a status region', () => {
    const element = section!.querySelector('share-button')!;
    expect(element.getAttribute('data-url')).toBe(`${origin}${urlPathOf(file)}`);
    expect(element.querySelector('button')!.hasAttribute('hidden')).toBe(true);
    expect(element.querySelector('[role=status]')).not.toBeNull();
  });
});

/** The JavaScript a page runs: inline module scripts and the files its scripts load. */
function scriptsOf(page: HTMLElement): string[] {
  return page
    .querySelectorAll('script')
    .filter((script) => script.getAttribute('type') !== 'application/ld+json')
    .map((script) => {
      const src = script.getAttribute('src');
      return src ? readFileSync(join(distDir, src), 'utf8') : script.textContent;
    });
}
const gz = (text: string | Buffer) => gzipSync(text).length;

describe('no third parties, and the budgets', () => {
  it.each(pages)('%s loads scripts, styles and frames only from the site itself', (file) => {
    const page = readPage(distDir, file);
    const loaded = [
      ...page
        .querySelectorAll('script[src], img[src], iframe[src]')
        .map((element) => element.getAttribute('src')!),
      ...page
        .querySelectorAll('link[rel=stylesheet], link[rel=preload], link[rel=modulepreload]')
        .map((element) => element.getAttribute('href')!),
    ];
    for (const url of loaded) expect(new URL(url, origin).origin, url).toBe(origin);
    expect(page.querySelectorAll('iframe')).toHaveLength(0);
  });

  it.each(articleFiles)('keeps the share script of %s well under 1 KB gzipped', (articleFile) => {
    const page = readPage(distDir, articleFile);
    const share = scriptsOf(page).filter((code) => code.includes('share-button'));
    expect(share).toHaveLength(1);
    expect(gz(share[0]!)).toBeLessThan(1024);
  });

  it.each(articleFiles)('keeps %s within 5 KB of JavaScript and 30 KB in all, gzipped', (articleFile) => {
    const page = readPage(distDir, articleFile);
    const js = scriptsOf(page).reduce((sum, code) => sum + gz(code), 0);
    const css = page
      .querySelectorAll('link[rel=stylesheet]')
      .reduce((sum, link) => sum + gz(readFileSync(join(distDir, link.getAttribute('href')!))), 0);
    const html = gz(readFileSync(join(distDir, articleFile)));
    expect(js).toBeLessThanOrEqual(5 * 1024);
    expect(html + css + js).toBeLessThanOrEqual(30 * 1024);
  });
});

describe('feeds and crawl files', () => {
  const rss = readFileSync(join(distDir, 'rss.xml'), 'utf8');
  const items = [...rss.matchAll(/<item>([\s\S]*?)<\/item>/g)].map(([, body]) => body!);
  const tag = (body: string, name: string) => new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(body)?.[1];
  const unescape = (text: string) =>
    text
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');

  it('has an RSS item per article with its full title, dek, date and link', () => {
    const articles = rawArticles();
    expect(items).toHaveLength(articles.length);
    for (const article of articles) {
      const item = items.find((body) => tag(body, 'link') === `${origin}/articles/${article.slug}/`);
      expect(item, article.slug).toBeDefined();
      expect(unescape(tag(item!, 'title')!)).toBe(article.data['title']);
      expect(unescape(tag(item!, 'description')!)).toBe(article.data['dek']);
      expect(existsSync(distPath(tag(item!, 'link')!))).toBe(true);
    }
    expect(rss).toContain(`<atom:link href="${origin}/rss.xml" rel="self"`);
  });

  it("gives each item the section and the article page's tags as categories", () => {
    for (const article of rawArticles()) {
      const item = items.find((body) => tag(body, 'link') === `${origin}/articles/${article.slug}/`)!;
      const categories = [...item.matchAll(/<category>([\s\S]*?)<\/category>/g)].map(([, text]) =>
        unescape(text!),
      );
      const page = readPage(distDir, `articles/${article.slug}/index.html`);
      const tags = page
        .querySelectorAll('meta[property="article:tag"]')
        .map((meta) => meta.getAttribute('content')!);
      // Its people, then its countries: as many as the article lists (none is possible).
      expect(tags, article.slug).toHaveLength(
        (article.data['people'] ?? []).length + (article.data['countries'] ?? []).length,
      );
      expect(categories, article.slug).toEqual([site.section, ...tags]);
    }
  });

  it('dates every item as precisely as its article: pubDate for an instant only, and as written', () => {
    for (const article of rawArticles()) {
      const published = String(article.data['published']);
      const item = items.find((body) => tag(body, 'link') === `${origin}/articles/${article.slug}/`)!;
      // pubDate needs a clock time: a date alone has none, so the item has no pubDate.
      if (/T/.test(published))
        expect(new Date(tag(item, 'pubDate')!).toISOString(), article.slug).toBe(
          new Date(published).toISOString(),
        );
      else expect(tag(item, 'pubDate'), article.slug).toBeUndefined();
      // The date as written: a date stays a date, an instant keeps its offset.
      expect(tag(item, 'dcterms:issued'), article.slug).toBe(machineDate(published));
    }
  });

  it('has a sitemap listing every page but the 404, reachable from robots.txt', () => {
    const robots = readFileSync(join(distDir, 'robots.txt'), 'utf8');
    const index = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(index).toBe(`${origin}/sitemap-index.xml`);
    const sitemaps = [...readFileSync(distPath(index!), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map(
      ([, loc]) => loc!,
    );
    const locs = sitemaps.flatMap((sitemap) =>
      [...readFileSync(distPath(sitemap), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => loc!),
    );
    const expected = pages.filter((file) => file !== '404.html').map((file) => `${origin}${urlPathOf(file)}`);
    expect(locs.sort()).toEqual(expected.sort());
    // No <lastmod>: a date-only article would need a made-up time or a misleading "modified".
    for (const sitemap of sitemaps)
      expect(readFileSync(distPath(sitemap), 'utf8')).not.toContain('<lastmod>');
  });

  it('has a web manifest whose icons exist at their stated sizes', async () => {
    const manifest = JSON.parse(readFileSync(join(distDir, 'manifest.webmanifest'), 'utf8'));
    expect(manifest).toMatchObject({ name: site.name, start_url: '/', theme_color: site.themeColor });
    for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
      const file = join(distDir, icon.src);
      expect(existsSync(file), icon.src).toBe(true);
      if (icon.type !== 'image/png') continue;
      const { width, height, format } = await sharp(readFileSync(file)).metadata();
      expect(`${width}x${height}`).toBe(icon.sizes);
      expect(format).toBe('png');
    }
  });

  it('has /favicon.ico, an ICO file, and the SVG favicon', () => {
    const ico = readFileSync(join(distDir, 'favicon.ico'));
    expect([...ico.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(ico.subarray(22, 26).toString('latin1')).toBe('\x89PNG');
    expect(existsSync(join(distDir, 'favicon.svg'))).toBe(true);
  });
});
