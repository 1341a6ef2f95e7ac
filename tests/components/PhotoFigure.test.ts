/**
 * <PhotoFigure> renders an <img> of a real photo file through astro:assets: the file is imported
 * as a module (as content collections' `image()` hands it over) and `galleryImage` adds what the
 * site reads of it (src/model/data.ts photoImageOf: its URL, upright pixel size and path). Under
 * the Container API (dev mode) each size is an `/_image/?href=...&w=&h=&q=&f=` URL that
 * astro:assets makes when asked for (the test has the configured service make some, as a build
 * does); a build writes the same sizes as files under /_astro/.
 */
import { readFileSync } from 'node:fs';
import { isLocalService } from 'astro/assets';
import { getConfiguredImageService, imageConfig } from 'astro:assets';
import type { HTMLElement } from 'node-html-parser';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import PhotoFigure from '../../src/components/PhotoFigure.astro';
import { PHOTO_ENCODING } from '../../src/lib/photos.ts';
import { galleryImage } from '../helpers/photos.ts';
import { render, textOf } from '../helpers/render.ts';
/** A 1600x1000 fixture (a plain colour field): the test needs no particular content/. */
import large from '../fixtures/images/large.jpg';
/** 64x40: narrower than the smallest width offered. */
import small from '../fixtures/minimal/articles/sample-story/photo.jpg';
/** Stored 40x20 with EXIF orientation 6 (turn 90° clockwise): upright, it is 20x40. */
import rotated from '../fixtures/images/rotated.jpg';

const PHOTO = {
  id: 'macron-welcomes-zelensky',
  ...galleryImage(large),
  alt: 'Emmanuel Macron shakes hands with Volodymyr Zelensky at the door of the Elysee Palace.',
  caption: 'French President Emmanuel Macron (r) welcomes President Volodymyr Zelensky in Paris.',
  credit: 'Ana Lopez Garcia / Europa Press via Getty Images',
  placeholder: false,
};

/** Widths listed in a srcset ("a 400w, b 800w" -> [400, 800]). */
const widthsOf = (srcset: string | undefined) =>
  (srcset ?? '').split(',').map((candidate) => Number(/(\d+)w\s*$/.exec(candidate.trim())?.[1]));

/** The URL of each candidate of a srcset. */
const urlsOf = (srcset: string | undefined) =>
  (srcset ?? '').split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!);

/** What an astro:assets URL asks for: the original (`href`), width, height, quality and format. */
const requestOf = (url: string) => {
  const { pathname, searchParams } = new URL(url, 'http://localhost');
  return {
    pathname,
    href: searchParams.get('href') ?? '',
    w: Number(searchParams.get('w')),
    h: Number(searchParams.get('h')),
    q: searchParams.get('q'),
    f: searchParams.get('f'),
  };
};

const img = (root: HTMLElement) => root.querySelector('figure img')!;

/** The size a URL names, made by the configured image service as a build makes it: its bytes' format and size. */
async function made(url: string, file: string) {
  const service = await getConfiguredImageService();
  if (!isLocalService(service)) throw new Error('the image service makes no files here');
  // Anything the service would warn of fails the test.
  const logger = {
    info: () => {},
    warn: (message: string) => expect.fail(message),
    error: (message: string) => expect.fail(message),
  };
  const transform = await service.parseURL(new URL(url, 'http://localhost'), imageConfig, logger);
  const { data } = await service.transform(readFileSync(file), transform!, imageConfig, logger);
  const { format, width, height, orientation } = await sharp(Buffer.from(data)).metadata();
  return { format, width, height, orientation };
}

describe('PhotoFigure', () => {
  it('works from the files as imported: their path and pixel sizes', () => {
    expect(PHOTO.image).toMatchObject({ width: 1600, height: 1000 });
    expect(PHOTO.image.file).toMatch(/\/tests\/fixtures\/images\/large\.jpg$/);
    expect(PHOTO.image.url).toContain('large.jpg');
    expect(galleryImage(small).image).toMatchObject({ width: 64, height: 40 });
    // The image for astro:assets is the one imported, untouched.
    expect(PHOTO.src).toBe(large);
  });

  it('renders a <figure> with one <img> carrying the alt text', async () => {
    const root = await render(PhotoFigure, { photo: PHOTO });
    const figure = root.querySelector('figure')!;
    expect(figure.querySelectorAll('img')).toHaveLength(1);
    expect(img(root).getAttribute('alt')).toBe(PHOTO.alt);
  });

  it('always sets width and height, with the file’s aspect ratio', async () => {
    const root = await render(PhotoFigure, { photo: PHOTO });
    const width = Number(img(root).getAttribute('width'));
    const height = Number(img(root).getAttribute('height'));
    expect(width).toBeGreaterThan(0);
    expect(height).toBeGreaterThan(0);
    expect(width / height).toBeCloseTo(1600 / 1000);
  });

  it('offers WebP alone, at every width up to the original (no second format to encode)', async () => {
    const root = await render(PhotoFigure, { photo: PHOTO });
    expect(root.querySelector('picture, source')).toBeNull();
    const srcset = img(root).getAttribute('srcset');
    expect(widthsOf(srcset)).toEqual([400, 800, 1200, 1600]);
    const requests = urlsOf(srcset).map(requestOf);
    expect(PHOTO_ENCODING).toEqual({ format: 'webp', quality: 80 });
    requests.forEach((request, index) => {
      // Each candidate asks astro:assets for that width of this file, in WebP at quality 80.
      expect(request).toMatchObject({ pathname: '/_image/', q: '80', f: 'webp' });
      expect(request.href).toMatch(/\/tests\/fixtures\/images\/large\.jpg(\?|$)/);
      expect(request.w).toBe([400, 800, 1200, 1600][index]);
      expect(request.h).toBe(request.w * (1000 / 1600));
    });
    // The largest size is the fallback src.
    expect(img(root).getAttribute('src')).toBe(urlsOf(srcset).at(-1));
    expect(requestOf(img(root).getAttribute('src')!).w).toBe(1600);
    expect(img(root).getAttribute('sizes')).toBe('(min-width: 45rem) 41rem, calc(100vw - 2rem)');
  });

  it('never asks for a width larger than the file', async () => {
    const root = await render(PhotoFigure, { photo: { ...PHOTO, ...galleryImage(small) } });
    const srcset = img(root).getAttribute('srcset');
    expect(widthsOf(srcset)).toEqual([64]);
    expect(urlsOf(srcset).map(requestOf)).toMatchObject([{ w: 64, h: 40, q: '80', f: 'webp' }]);
    expect(img(root).getAttribute('src')).toBe(urlsOf(srcset)[0]);
    expect([img(root).getAttribute('width'), img(root).getAttribute('height')]).toEqual(['64', '40']);
  });

  it('sizes a photo stored on its side (EXIF orientation) upright', async () => {
    const upright = galleryImage(rotated);
    expect(upright.image).toMatchObject({ width: 20, height: 40 });
    const root = await render(PhotoFigure, { photo: { ...PHOTO, ...upright } });
    expect([img(root).getAttribute('width'), img(root).getAttribute('height')]).toEqual(['20', '40']);
    const srcset = img(root).getAttribute('srcset');
    expect(widthsOf(srcset)).toEqual([20]);
    expect(urlsOf(srcset).map(requestOf)).toMatchObject([{ w: 20, h: 40, f: 'webp' }]);
  });

  it('gets each size made as named: WebP of that width, upright', async () => {
    const root = await render(PhotoFigure, { photo: PHOTO });
    const second = urlsOf(img(root).getAttribute('srcset'))[1]!;
    expect(await made(second, PHOTO.image.file)).toMatchObject({ format: 'webp', width: 800, height: 500 });
    // Turned by its EXIF orientation, which the size no longer needs.
    const upright = galleryImage(rotated);
    const side = await render(PhotoFigure, { photo: { ...PHOTO, ...upright } });
    expect(await made(img(side).getAttribute('src')!, upright.image.file)).toEqual({
      format: 'webp',
      width: 20,
      height: 40,
      orientation: undefined,
    });
  });

  it('loads lazily by default and eagerly, with high priority, for the lead image', async () => {
    const lazy = img(await render(PhotoFigure, { photo: PHOTO }));
    expect(lazy.getAttribute('loading')).toBe('lazy');
    expect(lazy.getAttribute('fetchpriority')).not.toBe('high');
    const lead = img(await render(PhotoFigure, { photo: PHOTO, priority: true }));
    expect(lead.getAttribute('loading')).toBe('eager');
    expect(lead.getAttribute('fetchpriority')).toBe('high');
  });

  it('passes the sizes it is given to the image', async () => {
    const root = await render(PhotoFigure, { photo: PHOTO, sizes: '50vw' });
    expect(img(root).getAttribute('sizes')).toBe('50vw');
  });

  it('puts the caption before the credit in the <figcaption>', async () => {
    const root = await render(PhotoFigure, { photo: PHOTO });
    const caption = textOf(root.querySelector('figcaption'));
    expect(caption).toContain(PHOTO.caption);
    expect(caption).toContain(PHOTO.credit);
    expect(caption.indexOf(PHOTO.caption)).toBeLessThan(caption.indexOf(PHOTO.credit));
    // Separated by whitespace even with compressHTML.
    expect(caption).not.toContain(`${PHOTO.caption}Photo`);
    expect(caption).not.toMatch(/placeholder/i);
  });

  it('says a placeholder is a placeholder, first in the caption', async () => {
    const root = await render(PhotoFigure, { photo: { ...PHOTO, placeholder: true } });
    expect(textOf(root.querySelector('figcaption'))).toMatch(/^Placeholder image\. French President/);
  });

  it('without href, does not link the image', async () => {
    const root = await render(PhotoFigure, { photo: PHOTO });
    expect(root.querySelector('figure a')).toBeNull();
  });

  it('with href, links the picture to the photo’s page', async () => {
    const href = '/articles/paris-meeting/photos/macron-welcomes-zelensky/';
    const root = await render(PhotoFigure, { photo: PHOTO, href });
    const link = root.querySelector('figure a')!;
    expect(link.getAttribute('href')).toBe(href);
    expect(link.querySelector('img')).not.toBeNull();
    expect(link.getAttribute('data-photo')).toBe(PHOTO.id);
    // The caption stays outside the link.
    expect(link.querySelector('figcaption')).toBeNull();
  });

  it('passes other attributes to the <figure> and keeps its own class', async () => {
    const root = await render(PhotoFigure, { photo: PHOTO, id: 'photo-lead', class: 'lead' });
    const figure = root.querySelector('figure')!;
    expect(figure.id).toBe('photo-lead');
    expect(figure.classList.contains('lead')).toBe(true);
    expect(figure.classList.contains('photo')).toBe(true);
  });

  it('escapes caption and credit text', async () => {
    const root = await render(PhotoFigure, { photo: { ...PHOTO, caption: 'A <b>bold</b> caption' } });
    expect(root.querySelector('figcaption b')).toBeNull();
    expect(textOf(root.querySelector('figcaption'))).toContain('A <b>bold</b> caption');
  });
});
