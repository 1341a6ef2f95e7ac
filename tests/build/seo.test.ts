/**
 * Head metadata on every built page: the tags link previews and crawlers read, absolute ASCII
 * URLs that resolve to files of the build, and JSON-LD that parses and carries what Google asks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { machineDate } from '../../src/seo/seo.ts';
import { site } from '../../src/site.ts';
import { rawArticles } from '../helpers/content.ts';
import { fileFor, htmlFiles, readPage, urlPathOf } from '../helpers/dist.ts';

const distDir = inject('distDir');
const pages = htmlFiles(distDir);
const origin = new URL(process.env['SITE_URL'] || site.url).origin;
const OFFSET_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
/** A date as precise as the data: a calendar date alone (no made-up midnight), or a time with its offset. */
const DATE_OR_OFFSET_TIME = new RegExp(`^\\d{4}(-\\d{2}(-\\d{2})?)?$|${OFFSET_TIME.source}`);

const meta = (page: HTMLElement, key: string) =>
  page
    .querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)
    .map((tag) => tag.getAttribute('content') ?? '');
const one = (page: HTMLElement, key: string) => {
  const values = meta(page, key);
  expect(values, key).toHaveLength(1);
  return values[0]!;
};

/** Pages that are (part of) an article: the article, its events and its photos. */
const isArticlePage = (file: string) =>
  /^articles\/[^/]+\/((timeline|photos)\/[^/]+\/)?index\.html$/.test(file);

/** How many tags an article page should carry: its article's, event's or photo's people and countries. */
function taggedEntities(file: string): number {
  const [, slug, kind, id] = /^articles\/([^/]+)\/(?:(timeline|photos)\/([^/]+)\/)?index\.html$/.exec(file)!;
  const { data } = rawArticles().find((article) => article.slug === slug)!;
  const count = (item: Record<string, any>) =>
    (item['people'] ?? []).length + (item['countries'] ?? []).length;
  if (kind === 'timeline') return count(data['timeline'].find((event: { id: string }) => event.id === id));
  // A photo page is tagged with the people it shows only.
  if (kind === 'photos')
    return (data['gallery'].find((photo: { id: string }) => photo.id === id)['people'] ?? []).length;
  return count(data);
}

function jsonLdOf(page: HTMLElement): Record<string, any>[] {
  return page
    .querySelectorAll('script[type="application/ld+json"]')
    .map((script) => JSON.parse(script.textContent));
}

/** Every string in a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** The file of the build an absolute URL on the site is served from. */
function builtFile(url: string): string {
  return join(distDir, fileFor(new URL(url).pathname));
}

describe.each(pages)('%s', (file) => {
  const page = readPage(distDir, file);
  const notFound = file === '404.html';

  it('has a title, a description and robots that allow large image previews', () => {
    expect(page.querySelectorAll('title')).toHaveLength(1);
    expect(page.querySelector('title')!.textContent.trim()).not.toBe('');
    expect(one(page, 'description').length).toBeGreaterThan(20);
    const robots = one(page, 'robots');
    expect(robots).toContain('max-image-preview:large');
    expect(robots.startsWith(notFound ? 'noindex' : 'index')).toBe(true);
  });

  it('has Open Graph and Twitter tags with an absolute image, its size and alt text', () => {
    expect(one(page, 'og:title')).not.toBe('');
    expect(one(page, 'og:description')).toBe(one(page, 'description'));
    expect(one(page, 'og:site_name')).toBe(site.name);
    expect(one(page, 'og:locale')).toBe(site.locale);
    expect(one(page, 'og:type')).toBe(isArticlePage(file) ? 'article' : 'website');
    expect(one(page, 'og:image')).toMatch(new RegExp(`^${origin}/og/.+\\.jpg$`));
    expect(one(page, 'og:image:type')).toBe('image/jpeg');
    expect(one(page, 'og:image:width')).toBe('1200');
    expect(one(page, 'og:image:height')).toBe('630');
    expect(one(page, 'og:image:alt').length).toBeGreaterThan(10);
    expect(one(page, 'twitter:card')).toBe('summary_large_image');
    expect(one(page, 'twitter:title')).toBe(one(page, 'og:title'));
    expect(one(page, 'twitter:description')).toBe(one(page, 'og:description'));
    expect(one(page, 'twitter:image')).toBe(one(page, 'og:image'));
    expect(one(page, 'twitter:image:alt')).toBe(one(page, 'og:image:alt'));
  });

  it(
    notFound ? 'has no canonical URL of its own' : 'has an absolute canonical URL, the same as og:url',
    () => {
      const canonical = page.querySelectorAll('link[rel=canonical]');
      if (notFound) {
        expect(canonical).toHaveLength(0);
        expect(meta(page, 'og:url')).toEqual([]);
        return;
      }
      expect(canonical).toHaveLength(1);
      const href = canonical[0]!.getAttribute('href')!;
      expect(href).toBe(`${origin}${urlPathOf(file)}`);
      expect(one(page, 'og:url')).toBe(href);
    },
  );

  it.runIf(isArticlePage(file))(
    'dates the article as precisely as its data and gives its section and tags',
    () => {
      expect(one(page, 'article:published_time')).toMatch(DATE_OR_OFFSET_TIME);
      for (const modified of meta(page, 'article:modified_time'))
        expect(modified).toMatch(DATE_OR_OFFSET_TIME);
      expect(one(page, 'article:section')).toBe(site.section);
      // Tagged with the people, then the countries, of what the page is about (none is possible).
      const tags = meta(page, 'article:tag');
      expect(tags).toHaveLength(taggedEntities(file));
      for (const tag of tags) expect(tag.trim()).not.toBe('');
    },
  );

  it('links the feed, the manifest and the icons', () => {
    expect(page.querySelector('link[rel=alternate][type="application/rss+xml"]')?.getAttribute('href')).toBe(
      `${origin}/rss.xml`,
    );
    expect(page.querySelector('link[rel=manifest]')?.getAttribute('href')).toBe('/manifest.webmanifest');
    expect(page.querySelector('link[rel=icon][type="image/svg+xml"]')).not.toBeNull();
    expect(page.querySelector('link[rel=apple-touch-icon]')).not.toBeNull();
  });

  it('writes every absolute URL on the site in ASCII, each served by a file of the build', () => {
    const urls = [
      ...page.querySelectorAll('link[href], a[href]').map((element) => element.getAttribute('href')!),
      ...page.querySelectorAll('meta[content]').map((element) => element.getAttribute('content')!),
      ...jsonLdOf(page).flatMap(strings),
    ].filter((value) => value.startsWith(origin));
    expect(urls.length).toBeGreaterThan(0);
    const problems = urls.flatMap((url) => [
      ...(/^[\x21-\x7e]+$/.test(url) ? [] : [`${url} is not ASCII`]),
      ...(existsSync(builtFile(url)) ? [] : [`${url}: no ${fileFor(new URL(url).pathname)}`]),
    ]);
    expect(problems).toEqual([]);
  });

  it('has JSON-LD that parses, escaped so no text can close its script', () => {
    for (const script of page.querySelectorAll('script[type="application/ld+json"]')) {
      expect(script.textContent).not.toMatch(/[<>]/);
      expect(script.textContent).not.toContain('undefined');
      expect(() => JSON.parse(script.textContent)).not.toThrow();
    }
  });
});

describe.each(rawArticles())('structured data of $slug', ({ slug, data }) => {
  const page = readPage(distDir, `articles/${slug}/index.html`);
  const article = jsonLdOf(page).find((item) => item['@type'] === 'NewsArticle')!;

  it('is a NewsArticle with headline, description, dateline and dates as precise as the data', () => {
    expect(article).toBeDefined();
    expect(article['@context']).toBe('https://schema.org');
    expect(article['headline']).toBe(data['title']);
    expect(article['description']).toBe(data['dek']);
    expect(article['dateline']).toBe(data['dateline']);
    // A date-only `published` stays 'YYYY-MM-DD'; an instant is written with its offset.
    expect(article['datePublished']).toBe(machineDate(String(data['published'])));
    expect(article['dateModified']).toMatch(DATE_OR_OFFSET_TIME);
    expect(article['datePublished']).toBe(meta(page, 'article:published_time')[0]);
    expect(article['mainEntityOfPage']['@id']).toBe(`${origin}/articles/${slug}/`);
  });

  it('lists 16x9, 4x3 and 1x1 images of at least 50,000 pixels, with the photo credit unless a placeholder', async () => {
    const sharp = (await import('sharp')).default;
    const ratios = [];
    for (const image of article['image']) {
      expect(image.width * image.height).toBeGreaterThanOrEqual(50_000);
      const file = builtFile(image.url);
      const actual = await sharp(readFileSync(file)).metadata();
      expect({ width: actual.width, height: actual.height }, image.url).toEqual({
        width: image.width,
        height: image.height,
      });
      ratios.push(Math.round((image.width / image.height) * 100) / 100);
      const [lead] = data['gallery'] ?? [];
      if (lead && !lead.placeholder) {
        expect(image.creditText).toBe(lead.credit);
        expect(image.copyrightNotice).toBe(lead.rights);
      } else {
        // No photo, or a placeholder that is never a search image: the article's card, uncredited.
        expect(image.creditText).toBeUndefined();
        expect(image.copyrightNotice).toBeUndefined();
      }
    }
    expect(ratios).toEqual([1.78, 1.33, 1]);
  });

  it('names the author and the publisher, with a logo that exists', async () => {
    expect(article['author'].length).toBeGreaterThan(0);
    expect(article['publisher']).toMatchObject({ '@type': 'Organization', name: site.name });
    const logo = article['publisher']['logo'];
    const sharp = (await import('sharp')).default;
    const actual = await sharp(readFileSync(builtFile(logo.url))).metadata();
    expect([actual.width, actual.height, actual.format]).toEqual([logo.width, logo.height, 'png']);
  });

  it('says which people and countries it is about or mentions', () => {
    const entities = [...(article['about'] ?? []), ...(article['mentions'] ?? [])];
    const people = entities.filter((entity) => entity['@type'] === 'Person').map((entity) => entity.url);
    const countries = entities.filter((entity) => entity['@type'] === 'Country').map((entity) => entity.url);
    expect(people.sort()).toEqual(
      (data['people'] ?? []).map((id: string) => `${origin}/people/${id}/`).sort(),
    );
    expect(countries.sort()).toEqual(
      (data['countries'] ?? []).map((id: string) => `${origin}/countries/${id}/`).sort(),
    );
  });

  it.each(
    (data['gallery'] ?? []) as {
      id: string;
      credit: string;
      rights: string;
      caption: string;
      placeholder: boolean;
    }[],
  )('gives photo page $id an ImageObject with its credits (none for a placeholder)', (photo) => {
    const describePhotoPage = readPage(distDir, `articles/${slug}/photos/${photo.id}/index.html`);
    const image = jsonLdOf(describePhotoPage).find((item) => item['@type'] === 'ImageObject');
    if (photo.placeholder) {
      // Its share image is a card of text, not the photo these credits are for.
      expect(image).toBeUndefined();
      return;
    }
    expect(image).toMatchObject({
      creditText: photo.credit,
      copyrightNotice: photo.rights,
      caption: photo.caption,
    });
    expect(existsSync(builtFile(image!['contentUrl']))).toBe(true);
  });

  it.each((data['timeline'] ?? []) as { id: string; title: string }[])(
    'gives event page $id breadcrumbs',
    (event) => {
      const eventPage = readPage(distDir, `articles/${slug}/timeline/${event.id}/index.html`);
      const crumbs = jsonLdOf(eventPage).find((item) => item['@type'] === 'BreadcrumbList')!;
      expect(crumbs['itemListElement'].at(-1)).toMatchObject({
        name: event.title,
        item: `${origin}/articles/${slug}/timeline/${event.id}/`,
      });
    },
  );
});
