import { describe, expect, it } from 'vitest';
import Gallery from '../../src/components/Gallery.astro';
import type { PhotoImage } from '../../src/lib/photo-variants.ts';
import { photoImages } from '../helpers/photos.ts';
import { render, textOf } from '../helpers/render.ts';

// Fixture files (plain colour fields), so the test needs no particular content/.
const [welcome, handshake] = (await photoImages(
  'tests/fixtures/images/large.jpg',
  'tests/fixtures/minimal/articles/sample-story/photo.jpg',
)) as [PhotoImage, PhotoImage];

const photo = (id: string, image: PhotoImage, placeholder = false) => ({
  id,
  image,
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

  it('renders nothing without photos', async () => {
    const root = await render(Gallery, { slug: 'paris-meeting', photos: [] });
    expect(root.querySelector('section')).toBeNull();
    expect(textOf(root)).toBe('');
  });
});
