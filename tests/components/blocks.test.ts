import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getContainerRenderer as mdxContainerRenderer } from '@astrojs/mdx/container-renderer';
import { loadRenderers } from 'astro:container';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import Fact from '../../src/components/blocks/Fact.astro';
import KeyFacts from '../../src/components/blocks/KeyFacts.astro';
import Known from '../../src/components/blocks/Known.astro';
import Photo from '../../src/components/blocks/Photo.astro';
import Quote from '../../src/components/blocks/Quote.astro';
import TimelineExcerpt from '../../src/components/blocks/TimelineExcerpt.astro';
import type { BlockContext } from '../../src/model/data.ts';
import { galleryImage } from '../helpers/photos.ts';
import { eventViews } from './fixtures.ts';
import { textOf } from '../helpers/render.ts';
// The gallery photo as content collections' `image()` hands it over: the file, imported.
import ministers from '../fixtures/minimal/articles/sample-story/photo.jpg';

const article: BlockContext = {
  id: 'sample-story',
  gallery: [
    {
      id: 'ministers',
      ...galleryImage(ministers),
      alt: 'Two ministers.',
      caption: 'Ada greets Ben.',
      credit: 'Test / Agency',
      rights: 'Test.',
      people: [],
      placeholder: false,
    },
  ],
  events: eventViews([
    { id: 'talks-begin', date: '2025-09-01' },
    { id: 'joint-statement', date: '2025-09-03' },
    { id: 'signing', date: '2025-09-04', main: true },
  ]),
  people: [
    {
      id: 'ada-example',
      name: 'Ada Example',
      roles: ['Foreign Minister of France'],
      country: { id: 'fr', name: 'France' },
    },
  ],
};

async function render(
  component: Parameters<AstroContainer['renderToString']>[0],
  props: Record<string, unknown>,
  slot = '',
) {
  // The MDX renderer, as in an .mdx article: blocks receive Markdown children from it.
  const container = await AstroContainer.create({ renderers: await loadRenderers([mdxContainerRenderer()]) });
  return parse(
    await container.renderToString(component, { props, locals: { article }, slots: { default: slot } }),
  );
}

describe('MDX blocks through the Container API', () => {
  it('Fact links its figure to a text fragment of the cited words', async () => {
    const li = (
      await render(Fact, { figure: '39', label: 'countries', cite: 'from 39 countries' })
    ).querySelector('li')!;
    expect(textOf(li.querySelector('.figure'))).toBe('39');
    expect(li.querySelector('a')?.getAttribute('href')).toBe('#:~:text=from%2039%20countries');
  });

  it('KeyFacts and Known frame their content with an accessible name', async () => {
    expect(
      (await render(KeyFacts, {}, '<li>x</li>')).querySelector('aside')?.getAttribute('aria-label'),
    ).toBe('Key numbers');
    expect(
      (await render(Known, { title: 'So far' })).querySelector('aside')?.getAttribute('aria-label'),
    ).toBe('So far');
  });

  it('Quote takes the speaker and role from the article', async () => {
    const root = await render(Quote, { speaker: 'ada-example', outlet: 'Wire', date: '2025-09-04' }, 'Yes.');
    expect(textOf(root.querySelector('figcaption'))).toBe(
      'Ada Example, Foreign Minister of France, September 4, 2025 (via Wire)',
    );
  });

  it('Photo shows the gallery photo with its caption and credit, linked to its page', async () => {
    const root = await render(Photo, { id: 'ministers' });
    expect(textOf(root.querySelector('figcaption'))).toContain('Ada greets Ben.');
    expect(textOf(root.querySelector('figcaption'))).toContain('Test / Agency');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('/articles/sample-story/photos/ministers/');
    // Its image through astro:assets: the 64x40 file at its own width, in WebP.
    const img = root.querySelector('a img')!;
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['64', '40']);
    const { searchParams } = new URL(img.getAttribute('src')!, 'http://localhost');
    expect([searchParams.get('w'), searchParams.get('f')]).toEqual(['64', 'webp']);
  });

  it("Photo carries the photo's #photo-<id> anchor and is a lightbox item: the page shows it here only", async () => {
    const root = await render(Photo, { id: 'ministers' });
    expect(root.querySelector('figure')?.getAttribute('id')).toBe('photo-ministers');
    expect(root.querySelector('a')?.getAttribute('data-photo')).toBe('ministers');
  });

  it('Photo, Quote and TimelineExcerpt refuse ids the article does not have', async () => {
    await expect(render(Photo, { id: 'nope' })).rejects.toThrow(/unknown id "nope"/);
    await expect(render(Quote, { speaker: 'nobody', outlet: 'x' })).rejects.toThrow(/unknown id "nobody"/);
    const ids = article.events.map((event) => event.id);
    await expect(render(TimelineExcerpt, { from: ids[0], to: 'nope' })).rejects.toThrow(/unknown id "nope"/);
  });

  it('TimelineExcerpt renders the range in time order, without anchors', async () => {
    const ids = article.events.map((event) => event.id);
    const root = await render(TimelineExcerpt, { from: ids[0], to: ids[1] });
    expect(root.querySelectorAll('li.event')).toHaveLength(2);
    expect(root.querySelectorAll('[id^="event-"]')).toHaveLength(0);
  });
});
