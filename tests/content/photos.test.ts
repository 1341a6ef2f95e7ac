/**
 * Photos on article pages, built for real from tests/fixtures/photos/ (see its README section):
 * a photo the text places with <Photo> is not repeated under "More photos" (nor above the text
 * when it is the lead); an article without photos has no empty section, no lightbox and still a
 * drawn share image; a placeholder photo is never a preview or JSON-LD image. And a photo path
 * whose letter case differs from the file on disk is refused by `check:content`, naming the field.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, removeCopy, runAstro, type AstroRun } from '../helpers/astro.ts';
import { fileFor, htmlFiles, readPage } from '../helpers/dist.ts';
import { textOf } from '../helpers/render.ts';

const FIXTURE = join(projectRoot, 'tests/fixtures/photos');

const meta = (page: HTMLElement, key: string) =>
  page.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
const jsonLdOf = (page: HTMLElement): Record<string, any>[] =>
  page.querySelectorAll('script[type="application/ld+json"]').map((script) => JSON.parse(script.textContent));
/** Every image URL in a page's JSON-LD (NewsArticle images, ImageObjects, the publisher's logo aside). */
const jsonLdImages = (page: HTMLElement) =>
  jsonLdOf(page).flatMap((item) => [
    ...(item['image'] ?? []).map((image: { url: string }) => image.url),
    ...(item['@type'] === 'ImageObject' ? [item['contentUrl'], item['url']] : []),
  ]);
const photoIds = (page: HTMLElement) =>
  page.querySelectorAll('a[data-photo]').map((a) => a.getAttribute('data-photo'));

describe('photos on article pages', () => {
  let run: AstroRun;
  beforeAll(() => {
    run = runAstro('build', { content: FIXTURE });
  });
  afterAll(() => removeCopy(run.root));

  const page = (file: string) => readPage(run.distDir, file);
  /** The built file an absolute or site-relative URL is served from. */
  const built = (url: string) => join(run.distDir, fileFor(new URL(url, 'https://x.invalid').pathname));

  it('builds', () => {
    expect(run.status, run.output).toBe(0);
  });

  describe('an article whose text places photos', () => {
    const article = () => page('articles/placed-photos/index.html');

    it('shows each photo once, in page order: the lead, those the text places, then "More photos"', () => {
      expect(photoIds(article())).toEqual(['lead', 'podium', 'street', 'crowd']);
      expect(article().querySelector('figure.lead a')?.getAttribute('data-photo')).toBe('lead');
      expect(
        article()
          .querySelectorAll('.prose figure.photo a')
          .map((a) => a.getAttribute('data-photo')),
      ).toEqual(['podium', 'street']);
      const gallery = article().querySelector('section.gallery')!;
      expect(textOf(gallery.querySelector('h2'))).toBe('More photos');
      expect(gallery.querySelectorAll('a[data-photo]').map((a) => a.getAttribute('data-photo'))).toEqual([
        'crowd',
      ]);
    });

    it('keeps one #photo-<id> anchor per photo, where it shows, and the lightbox', () => {
      for (const id of ['lead', 'podium', 'street', 'crowd']) {
        const anchors = article().querySelectorAll(`#photo-${id}`);
        expect(anchors, id).toHaveLength(1);
        expect(anchors[0]!.querySelector(`a[data-photo="${id}"]`), id).not.toBeNull();
      }
      expect(article().querySelectorAll('photo-lightbox dialog')).toHaveLength(1);
    });

    it('gives every photo, placed or not, its own page with its own share image', () => {
      for (const id of ['lead', 'podium', 'street', 'crowd']) {
        const photoPage = page(`articles/placed-photos/photos/${id}/index.html`);
        expect(existsSync(built(meta(photoPage, 'og:image')!)), id).toBe(true);
      }
    });

    it('numbers photo pages and steps between them in page order, not in gallery order', () => {
      const order = ['lead', 'podium', 'street', 'crowd'];
      order.forEach((id, index) => {
        const photoPage = page(`articles/placed-photos/photos/${id}/index.html`);
        expect(textOf(photoPage.querySelector('h1')), id).toBe(`Photo ${index + 1} of 4`);
        const links = photoPage.querySelectorAll('a').map((a) => a.getAttribute('href'));
        if (index > 0) expect(links, id).toContain(`/articles/placed-photos/photos/${order[index - 1]}/`);
        if (index < 3) expect(links, id).toContain(`/articles/placed-photos/photos/${order[index + 1]}/`);
      });
    });

    it('never uses the placeholder lead as a preview or JSON-LD image: a drawn card of text instead', () => {
      const newsArticle = jsonLdOf(article()).find((item) => item['@type'] === 'NewsArticle')!;
      expect(newsArticle['image']).toHaveLength(3);
      for (const image of newsArticle['image']) {
        expect(existsSync(built(image.url))).toBe(true);
        // The credits are the placeholder's original photo's: not of a card of text.
        expect(image).not.toHaveProperty('creditText');
        expect(image).not.toHaveProperty('caption');
      }
      const lead = page('articles/placed-photos/photos/lead/index.html');
      expect(meta(lead, 'og:image')).toMatch(/\/og\/articles\/placed-photos\/photos\/lead\.jpg$/);
      expect(meta(lead, 'og:image:alt')).toBe(
        'Backstory: Ada Example and Ben Example walk to the meeting in Paris.',
      );
      expect(meta(lead, 'twitter:image:alt')).toBe(meta(lead, 'og:image:alt'));
      expect(jsonLdOf(lead).map((item) => item['@type'])).toEqual(['BreadcrumbList']);
      // The page itself still shows the placeholder, labelled.
      expect(textOf(lead.querySelector('figure figcaption'))).toMatch(/^Placeholder image\./);
    });

    it('uses a real photo, with its credit, on its own page', () => {
      const street = page('articles/placed-photos/photos/street/index.html');
      expect(meta(street, 'og:image:alt')).toBe(
        'A street lined with flags. Credit: Test Photographer / Test Agency.',
      );
      const image = jsonLdOf(street).find((item) => item['@type'] === 'ImageObject')!;
      expect(image).toMatchObject({ creditText: 'Test Photographer / Test Agency' });
    });
  });

  describe('an article whose text places its only photo, the lead', () => {
    const article = () => page('articles/placed-lead/index.html');

    it('shows it once, where the text places it: not above the text, no "More photos"', () => {
      expect(photoIds(article())).toEqual(['handshake']);
      expect(article().querySelector('figure.lead')).toBeNull();
      expect(article().querySelector('.prose #photo-handshake a[data-photo="handshake"]')).not.toBeNull();
      expect(article().querySelector('section.gallery')).toBeNull();
      expect(article().querySelectorAll('photo-lightbox dialog')).toHaveLength(1);
    });

    it('keeps it as the article image in structured data, with its credit', () => {
      const newsArticle = jsonLdOf(article()).find((item) => item['@type'] === 'NewsArticle')!;
      for (const image of newsArticle['image']) {
        expect(image).toMatchObject({ creditText: 'Test Photographer / Test Agency' });
        expect(existsSync(built(image.url))).toBe(true);
      }
    });
  });

  describe('an article without photos', () => {
    const files = () => htmlFiles(run.distDir).filter((file) => file.startsWith('articles/no-photos/'));

    it('has its article and timeline pages, and no photo pages', () => {
      expect(files().sort()).toEqual([
        'articles/no-photos/index.html',
        'articles/no-photos/timeline/first-meeting/index.html',
        'articles/no-photos/timeline/index.html',
        'articles/no-photos/timeline/second-meeting-planned/index.html',
      ]);
    });

    it('shows no figure, no gallery and no lightbox, and no empty section or heading', () => {
      for (const file of files()) {
        const html = page(file);
        expect(html.querySelector('figure.photo, section.gallery, photo-lightbox'), file).toBeNull();
        expect(
          html.querySelectorAll('script').some((s) => s.textContent.includes('photo-lightbox')),
          file,
        ).toBe(false);
        for (const heading of html.querySelectorAll('h1, h2, h3, h4'))
          expect(textOf(heading), `${file}: a heading`).not.toBe('');
        for (const section of html.querySelectorAll('main section'))
          expect(textOf(section).length, `${file}: ${section.outerHTML.slice(0, 80)}`).toBeGreaterThan(0);
      }
      const headings = page('articles/no-photos/index.html').querySelectorAll('main h2');
      expect(headings.map((heading) => textOf(heading))).not.toContain('More photos');
    });

    it('still has a drawn share image and structured-data images on every page, and no broken one', () => {
      for (const file of files()) {
        const html = page(file);
        const image = meta(html, 'og:image')!;
        expect(image, file).toMatch(/\/og\/articles\/no-photos(\/|\.jpg)/);
        expect(existsSync(built(image)), `${file}: ${image}`).toBe(true);
        for (const url of jsonLdImages(html)) expect(existsSync(built(url)), `${file}: ${url}`).toBe(true);
      }
      const newsArticle = jsonLdOf(page('articles/no-photos/index.html')).find(
        (item) => item['@type'] === 'NewsArticle',
      )!;
      expect(newsArticle['image']).toHaveLength(3);
    });

    it('is in the feed like any other article', () => {
      const feed = readFileSync(join(run.distDir, 'rss.xml'), 'utf8');
      expect(feed).toContain('<title>Ministers agree to meet again</title>');
      expect(feed).toMatch(/<link>[^<]*\/articles\/no-photos\/<\/link>/);
    });
  });
});

describe('check:content and photo file names', () => {
  it('refuses a path whose letter case differs from the file on disk, naming the file and field', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'backstory-photo-case-'));
    try {
      cpSync(join(projectRoot, 'tests/fixtures/minimal'), copy, { recursive: true });
      const file = join(copy, 'articles/sample-story/index.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('src: ./photo.jpg', 'src: ./Photo.JPG'));
      const result = await promisify(execFile)(
        join(projectRoot, 'node_modules/.bin/node'),
        ['src/cli/check-content.ts', copy],
        { cwd: projectRoot },
      ).then(
        ({ stdout }) => ({ code: 0, output: stdout }),
        (error: { code: number; stdout: string; stderr: string }) => ({
          code: error.code,
          output: `${error.stdout}${error.stderr}`,
        }),
      );
      expect(result.code).toBe(1);
      expect(result.output).toMatch(
        /articles\/sample-story\/index\.md:\d+ {2}gallery\[0\]\.src {2}"\.\/Photo\.JPG" does not match the letter case of the file on disk \("photo\.jpg"\); it would be found on macOS and Windows only: write "\.\/photo\.jpg", or rename the file/,
      );
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
