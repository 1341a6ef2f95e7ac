import type { HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import ArticleHeader from '../../src/components/ArticleHeader.astro';
import { render, textOf } from '../helpers/render';

const PROPS = {
  title: '39 countries meet in Paris on security guarantees for Ukraine',
  dek: 'Representatives from 39 countries gathered in Paris for talks on security guarantees.',
  dateline: 'Paris',
  byline: 'Backstory staff',
  published: '2025-09-04',
  sources: [
    { name: 'Suspilne', description: 'Ukrainian outlet', url: 'https://suspilne.media/' },
    { name: 'Reuters' },
    { name: 'the Elysee Palace', url: 'https://www.elysee.fr/' },
  ],
};

/** The paragraph that lists the cited sources, found by its wording. */
const sourcesOf = (root: HTMLElement) =>
  root.querySelectorAll('header p').find((p) => textOf(p).startsWith('Sources cited'));

describe('ArticleHeader', () => {
  it('has one <h1> with the headline, inside a <header>', async () => {
    const root = await render(ArticleHeader, PROPS);
    const headings = root.querySelectorAll('h1');
    expect(headings).toHaveLength(1);
    expect(textOf(headings[0])).toBe(PROPS.title);
    expect(headings[0]!.closest('header')).not.toBeNull();
  });

  it('shows the dek after the headline', async () => {
    const root = await render(ArticleHeader, PROPS);
    const h1 = root.querySelector('h1')!;
    expect(textOf(h1.nextElementSibling)).toBe(PROPS.dek);
  });

  it('shows dateline, byline and publication date, each separated', async () => {
    const root = await render(ArticleHeader, PROPS);
    const meta = root.querySelectorAll('header p').find((p) => textOf(p).includes('Published'))!;
    const text = textOf(meta);
    expect(text).toContain('Paris');
    expect(text).toContain('By Backstory staff');
    expect(text).toContain('Published September 4, 2025');
    // compressHTML must not glue the parts together.
    expect(text).not.toMatch(/ParisBy|staffPublished/);
  });

  it('marks the publication date up as <time> at the precision given', async () => {
    const root = await render(ArticleHeader, PROPS);
    const times = root.querySelectorAll('time');
    expect(times).toHaveLength(1);
    expect(times[0]!.getAttribute('datetime')).toBe('2025-09-04');
    expect(textOf(times[0])).toBe('September 4, 2025');
  });

  it('marks an update up as a second <time>, after the publication', async () => {
    const root = await render(ArticleHeader, {
      ...PROPS,
      published: '2025-09-04T09:00:00+02:00',
      updated: '2025-09-04T18:15:00+02:00',
    });
    const times = root.querySelectorAll('time');
    expect(times.map((time) => time.getAttribute('datetime'))).toEqual([
      '2025-09-04T09:00:00+02:00',
      '2025-09-04T18:15:00+02:00',
    ]);
    // Instants are shown in the newsroom's zone (London, UTC+1 in September).
    expect(textOf(times[0])).toBe('September 4, 2025, 08:00 GMT+01:00');
    expect(textOf(times[1])).toBe('September 4, 2025, 17:15 GMT+01:00');
    expect(textOf(times[1]!.parentNode as HTMLElement)).toMatch(/^Updated /);
    expect(textOf(times[0]!.parentNode as HTMLElement)).toMatch(/^Published /);
  });

  it('says nothing about updates when there is none', async () => {
    const root = await render(ArticleHeader, PROPS);
    expect(textOf(root)).not.toContain('Updated');
  });

  it('lists the cited sources in order, linking those with a URL and describing those with a description', async () => {
    const root = await render(ArticleHeader, PROPS);
    const sources = sourcesOf(root)!;
    expect(textOf(sources)).toBe(
      'Sources cited: Suspilne (Ukrainian outlet), Reuters, the Elysee Palace',
    );
    expect(sources.querySelectorAll('a').map((a) => [textOf(a), a.getAttribute('href')])).toEqual([
      ['Suspilne', 'https://suspilne.media/'],
      ['the Elysee Palace', 'https://www.elysee.fr/'],
    ]);
  });

  it('leaves the sources line out when there are none', async () => {
    const root = await render(ArticleHeader, { ...PROPS, sources: [] });
    expect(sourcesOf(root)).toBeUndefined();
    expect(textOf(root)).not.toContain('Sources cited');
  });

  it('escapes text instead of interpreting it as HTML', async () => {
    const root = await render(ArticleHeader, {
      ...PROPS,
      title: 'Leaders <script>alert(1)</script> meet',
      sources: [{ name: '<b>Reuters</b>' }],
    });
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(textOf(root.querySelector('h1'))).toBe('Leaders <script>alert(1)</script> meet');
  });
});
