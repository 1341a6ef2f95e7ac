/**
 * <PhotoFigure> renders an <img> of the published sizes of a real photo file, read by
 * src/files/photos.ts (its pixel size and hash); the sizes themselves are made after a build.
 */
import type { HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import PhotoFigure from '../../src/components/PhotoFigure.astro';
import type { PhotoImage } from '../../src/lib/photo-variants.ts';
import { photoImages } from '../helpers/photos.ts';
import { render, textOf } from '../helpers/render.ts';

/** A 1600x1000 fixture (a plain colour field): the test needs no particular content/. */
const LARGE = 'tests/fixtures/images/large.jpg';
const SMALL = 'tests/fixtures/minimal/articles/sample-story/photo.jpg';
const [large, small] = (await photoImages(LARGE, SMALL)) as [PhotoImage, PhotoImage];

const PHOTO = {
  id: 'macron-welcomes-zelensky',
  image: large,
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

const img = (root: HTMLElement) => root.querySelector('figure img')!;

describe('PhotoFigure', () => {
  it('works from the files as read: their pixel sizes', () => {
    expect(large).toMatchObject({ file: LARGE, width: 1600, height: 1000 });
    expect(small).toMatchObject({ file: SMALL, width: 64, height: 40 });
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
    for (const url of urlsOf(srcset)) expect(url).toMatch(/^\/_photos\/large-\d+\.[\w-]{10}\.webp$/);
    // The largest size is the fallback src.
    expect(img(root).getAttribute('src')).toBe(urlsOf(srcset).at(-1));
    expect(img(root).getAttribute('sizes')).toBe('(min-width: 45rem) 41rem, calc(100vw - 2rem)');
  });

  it('never asks for a width larger than the file', async () => {
    const root = await render(PhotoFigure, { photo: { ...PHOTO, image: small } });
    expect(widthsOf(img(root).getAttribute('srcset'))).toEqual([64]);
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
