/**
 * <Gallery> lists an article's photos as linked, captioned <PhotoFigure>s. The photos are real
 * files imported as modules, as content collections' `image()` hands them over; `galleryImage`
 * adds what the site reads of each (src/model/data.ts photoImageOf).
 */
import type { ImageMetadata } from 'astro';
import { describe, expect, it } from 'vitest';
import Gallery from '../../src/components/Gallery.astro';
import { galleryImage } from '../helpers/photos.ts';
import { render, textOf } from '../helpers/render.ts';
// Fixture files (plain colour fields), so the test needs no particular content/.
import welcome from '../fixtures/images/large.jpg';
import handshake from '../fixtures/minimal/articles/sample-story/photo.jpg';

const photo = (id: string, src: ImageMetadata, placeholder = false) => ({
  id,
  ...galleryImage(src),
  alt: `What ${id} shows.`,
  caption: `Caption of ${id}.`,
  credit: `Credit of ${id}`,
  placeholder,
});

const PHOTOS = [
  photo('witkoff-macron-handshake', handshake),
  photo('macron-welcomes-zelensky', welcome, true),
];

describe('Gallery', () => {
  it('is a section labelled by its heading, "Photos" by default', async () => {
    const root = await render(Gallery, { slug: 'paris-meeting', photos: PHOTOS });
    const section = root.querySelector('section')!;
    const heading = root.querySelector(`#${section.getAttribute('aria-labelledby')}`)!;
    expect(heading.tagName).toBe('H2');
    expect(textOf(heading)).toBe('Photos');
  });

  it('uses the heading it is given', async () => {
    const root = await render(Gallery, { slug: 'paris-meeting', photos: PHOTOS, heading: 'More photos' });
    expect(textOf(root.querySelector('h2'))).toBe('More photos');
  });

  it('lists every photo in order as a captioned figure with id="photo-<id>"', async () => {
    const root = await render(Gallery, { slug: 'paris-meeting', photos: PHOTOS });
    const items = root.querySelectorAll('ul > li');
    expect(items.map((li) => li.id)).toEqual([
      'photo-witkoff-macron-handshake',
      'photo-macron-welcomes-zelensky',
    ]);
    items.forEach((li, index) => {
      const figure = li.querySelector('figure')!;
      expect(figure.querySelector('img')!.getAttribute('alt')).toBe(PHOTOS[index]!.alt);
      expect(textOf(figure.querySelector('figcaption'))).toContain(PHOTOS[index]!.caption);
    });
    expect(textOf(items[1]!.querySelector('figcaption'))).toMatch(/^Placeholder image\./);
    expect(textOf(items[0]!.querySelector('figcaption'))).not.toMatch(/Placeholder/);
  });

  it('links each photo to its own page under the article', async () => {
    const root = await render(Gallery, { slug: 'paris-meeting', photos: PHOTOS });
    expect(root.querySelectorAll('figure a').map((a) => a.getAttribute('href'))).toEqual([
      '/articles/paris-meeting/photos/witkoff-macron-handshake/',
      '/articles/paris-meeting/photos/macron-welcomes-zelensky/',
    ]);
  });

  it('loads every gallery photo lazily (only the lead image, outside the gallery, has priority)', async () => {
    const root = await render(Gallery, { slug: 'paris-meeting', photos: PHOTOS });
    const images = root.querySelectorAll('img');
    expect(images).toHaveLength(2);
    for (const image of images) expect(image.getAttribute('loading')).toBe('lazy');
  });

  it('shows each photo at its own sizes, in WebP, never wider than its file', async () => {
    const root = await render(Gallery, { slug: 'paris-meeting', photos: PHOTOS });
    const images = root.querySelectorAll('img');
    expect(images.map((image) => [image.getAttribute('width'), image.getAttribute('height')])).toEqual([
      ['64', '40'],
      ['1600', '1000'],
    ]);
    const widths = images.map((image) =>
      (image.getAttribute('srcset') ?? '').split(',').map((candidate) => {
        const { searchParams } = new URL(candidate.trim().split(/\s+/)[0]!, 'http://localhost');
        expect([searchParams.get('f'), searchParams.get('q')]).toEqual(['webp', '80']);
        return Number(searchParams.get('w'));
      }),
    );
    expect(widths).toEqual([[64], [400, 800, 1200, 1600]]);
  });

  it('renders nothing without photos', async () => {
    const root = await render(Gallery, { slug: 'paris-meeting', photos: [] });
    expect(root.querySelector('section')).toBeNull();
    expect(textOf(root)).toBe('');
  });
});
