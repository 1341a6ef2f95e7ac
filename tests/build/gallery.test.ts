/**
 * The gallery in the built site: images with alt, width and height everywhere; every caption with
 * its credit, in the HTML; a page per photo; and the lightbox script only where there are photos,
 * within its budget.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { HTMLElement } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../helpers/astro.ts';
import { htmlFiles, readPage } from '../helpers/dist.ts';
import { textOf } from '../helpers/render.ts';

/** Gzipped bytes of JavaScript the lightbox may add to a page. */
const LIGHTBOX_BUDGET = 3 * 1024;

const distDir = inject('distDir');
const pages = htmlFiles(distDir);

interface SourcePhoto {
  id: string;
  caption: string;
  credit: string;
  placeholder: boolean;
}

/** Each published article's gallery as the editor wrote it (drafts are not built). */
const articles = readdirSync(join(projectRoot, 'content/articles')).flatMap((slug) => {
  const folder = join(projectRoot, 'content/articles', slug);
  const file = ['index.md', 'index.mdx'].map((name) => join(folder, name)).find(existsSync)!;
  const [, yaml = '', ...body] = readFileSync(file, 'utf8').split(/^---\s*$/m);
  const frontmatter = parseYaml(yaml) as { gallery?: SourcePhoto[]; draft?: boolean };
  if (frontmatter.draft === true) return [];
  // The photos the text places with <Photo>, in order: shown there, not again in the gallery.
  const placed = [...body.join('---').matchAll(/<Photo\s+id="([^"]+)"/g)].map((match) => match[1]!);
  return [{ slug, gallery: frontmatter.gallery ?? [], placed }];
});
const withPhotos = articles.filter((article) => article.gallery.length > 0);

/** The JavaScript a page runs: inline module scripts and the files its scripts load. */
function scriptsOf(page: HTMLElement): string[] {
  return page.querySelectorAll('script').map((script) => {
    const src = script.getAttribute('src');
    return src ? readFileSync(join(distDir, src), 'utf8') : script.textContent;
  });
}
const lightboxScripts = (page: HTMLElement) =>
  scriptsOf(page).filter((code) => code.includes('photo-lightbox'));

describe('images', () => {
  it.each(pages)('%s: every <img> has alt text, width and height', (file) => {
    for (const img of readPage(distDir, file).querySelectorAll('img')) {
      const where = img.getAttribute('src');
      expect(img.getAttribute('alt')?.trim(), `alt of ${where}`).toBeTruthy();
      expect(Number(img.getAttribute('width')), `width of ${where}`).toBeGreaterThan(0);
      expect(Number(img.getAttribute('height')), `height of ${where}`).toBeGreaterThan(0);
    }
  });

  it.each(pages)('%s: every figure with a photo has a caption followed by its credit', (file) => {
    for (const figure of readPage(distDir, file).querySelectorAll('figure:has(img)')) {
      const figcaption = figure.querySelector('figcaption');
      const caption = textOf(figcaption?.querySelector('.caption'));
      const credit = textOf(figcaption?.querySelector('.credit'));
      expect(caption).toBeTruthy();
      expect(credit).toMatch(/^Photo: \S/);
      const text = textOf(figcaption);
      expect(text.indexOf(caption)).toBeLessThan(text.indexOf(credit));
    }
  });
});

describe.each(withPhotos)('the article $slug', ({ slug, gallery, placed }) => {
  const page = readPage(distDir, `articles/${slug}/index.html`);
  const links = page.querySelectorAll('a[data-photo]');
  const leadShown = !placed.includes(gallery[0]!.id);

  it('shows every photo once: the lead first, then those the text places, then the rest, each linking to its own page', () => {
    const rest = gallery.slice(1).filter((photo) => !placed.includes(photo.id));
    expect(links.map((link) => link.getAttribute('data-photo'))).toEqual([
      ...(leadShown ? [gallery[0]!.id] : []),
      ...placed,
      ...rest.map((photo) => photo.id),
    ]);
    for (const link of links) {
      expect(link.getAttribute('href')).toBe(`/articles/${slug}/photos/${link.getAttribute('data-photo')}/`);
    }
  });

  it('prints each caption and credit verbatim, placeholders labelled as such', () => {
    gallery.forEach((photo) => {
      const figure = page.querySelector(`a[data-photo="${photo.id}"]`)!.closest('figure')!;
      expect(textOf(figure.querySelector('.caption'))).toBe(photo.caption);
      expect(textOf(figure.querySelector('.credit'))).toBe(`Photo: ${photo.credit}`);
      const alt = figure.querySelector('img')!.getAttribute('alt')!;
      if (photo.placeholder) {
        expect(textOf(figure.querySelector('figcaption'))).toMatch(/^Placeholder image\. /);
        expect(alt).toMatch(/placeholder/i);
      }
    });
  });

  it('prioritises the lead image (unless the text places it) and lazy-loads the others', () => {
    const images = links.map((link) => link.querySelector('img')!);
    const others = leadShown ? images.slice(1) : images;
    if (leadShown) {
      expect(images[0]!.getAttribute('loading')).toBe('eager');
      expect(images[0]!.getAttribute('fetchpriority')).toBe('high');
    }
    for (const img of others) {
      expect(img.getAttribute('loading')).toBe('lazy');
      expect(img.getAttribute('fetchpriority')).toBeUndefined();
    }
  });

  it('offers WebP in several widths, with sizes', () => {
    for (const link of links) {
      const img = link.querySelector('img')!;
      const candidates = img.getAttribute('srcset')!.split(',');
      expect(candidates.length).toBeGreaterThan(1);
      for (const candidate of candidates) expect(candidate.trim()).toMatch(/\.webp \d+w$/);
      expect(img.getAttribute('src')).toMatch(/\.webp$/);
      expect(img.getAttribute('sizes')).toBeTruthy();
    }
  });

  it('has one lightbox, a native <dialog>, and its script within budget', () => {
    expect(page.querySelectorAll('photo-lightbox dialog')).toHaveLength(1);
    const scripts = lightboxScripts(page);
    expect(scripts).toHaveLength(1);
    const gzipped = gzipSync(scripts[0]!, { level: 9 }).length;
    expect(gzipped).toBeLessThan(LIGHTBOX_BUDGET);
  });

  it('has no inline event handlers in the gallery or the lightbox', () => {
    for (const element of page.querySelectorAll('figure, figure *, photo-lightbox, photo-lightbox *')) {
      expect(Object.keys(element.attributes).filter((name) => /^on/i.test(name))).toEqual([]);
    }
  });
});

describe('the lightbox script', () => {
  it('is not loaded on pages without photos', () => {
    for (const file of pages) {
      const page = readPage(distDir, file);
      if (page.querySelector('a[data-photo]')) continue;
      expect(lightboxScripts(page), file).toEqual([]);
      expect(page.querySelector('photo-lightbox'), file).toBeNull();
    }
  });
});

describe.each(withPhotos)('the photo pages of $slug', ({ slug, gallery }) => {
  it.each(gallery.map((photo, index) => ({ ...photo, index })))('$id has its own page', (photo) => {
    const path = `/articles/${slug}/photos/${photo.id}/`;
    const page = readPage(distDir, `articles/${slug}/photos/${photo.id}/index.html`);
    const position = `Photo ${photo.index + 1} of ${gallery.length}`;
    expect(textOf(page.querySelector('h1'))).toBe(position);
    expect(textOf(page.querySelector('title'))).toMatch(new RegExp(`^${position}: `));
    expect(new URL(page.querySelector('link[rel="canonical"]')!.getAttribute('href')!).pathname).toBe(path);
    expect(page.querySelector('meta[name="description"]')!.getAttribute('content')).toContain(photo.caption);
    expect(textOf(page.querySelector('figure .caption'))).toBe(photo.caption);
    expect(textOf(page.querySelector('figure .credit'))).toBe(`Photo: ${photo.credit}`);
    expect(page.querySelector('figure img')!.getAttribute('fetchpriority')).toBe('high');
    const previous = gallery[photo.index - 1];
    const next = gallery[photo.index + 1];
    expect(page.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe(
      previous && `/articles/${slug}/photos/${previous.id}/`,
    );
    expect(page.querySelector('a[rel="next"]')?.getAttribute('href')).toBe(
      next && `/articles/${slug}/photos/${next.id}/`,
    );
    const back = page.querySelectorAll('a').find((a) => textOf(a) === 'Back to the article');
    expect(back?.getAttribute('href')).toBe(`/articles/${slug}/`);
    expect(lightboxScripts(page)).toEqual([]);
  });
});
