import type { HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import ArticleHeader from '../../src/components/ArticleHeader.astro';
import { render, textOf } from '../helpers/render.ts';

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
    // Without an article zone, instants are shown in the newsroom's zone (London, UTC+1 in September).
    expect(textOf(times[0])).toBe('September 4, 2025, 8 a.m. London time');
    expect(textOf(times[1])).toBe('September 4, 2025, 5:15 p.m. London time');
    expect(textOf(times[1]!.parentNode as HTMLElement)).toMatch(/^Updated /);
    expect(textOf(times[0]!.parentNode as HTMLElement)).toMatch(/^Published /);
  });

  it('shows instants in the article’s display zone, with the zone’s name', async () => {
    const root = await render(ArticleHeader, {
      ...PROPS,
      dateline: 'Bangkok',
      published: '2025-03-28T18:40:00+07:00',
      updated: '2025-03-29T08:00:00Z',
      timeZone: 'Asia/Bangkok',
    });
    const times = root.querySelectorAll('time');
    expect(times.map((time) => time.getAttribute('datetime'))).toEqual([
      '2025-03-28T18:40:00+07:00',
      '2025-03-29T08:00:00Z',
    ]);
    expect(times.map((time) => textOf(time))).toEqual([
      'March 28, 2025, 6:40 p.m. Bangkok time',
      'March 29, 2025, 3 p.m. Bangkok time',
    ]);
  });

  it('shows a date-only publication as the date alone in any zone: never a made-up time', async () => {
    for (const timeZone of ['Asia/Bangkok', 'America/Los_Angeles', 'Europe/London', undefined]) {
      const root = await render(ArticleHeader, { ...PROPS, updated: '2025-09-05', timeZone });
      const times = root.querySelectorAll('time');
      expect(times.map((time) => time.getAttribute('datetime'))).toEqual(['2025-09-04', '2025-09-05']);
      expect(times.map((time) => textOf(time))).toEqual(['September 4, 2025', 'September 5, 2025']);
      expect(textOf(root)).not.toMatch(/\d:\d\d|a\.m\.|p\.m\.|midnight|noon|\btime\b/);
    }
  });

  it('says nothing about updates when there is none', async () => {
    const root = await render(ArticleHeader, PROPS);
    expect(textOf(root)).not.toContain('Updated');
  });

  it('lists the cited sources in order, linking those with a URL and describing those with a description', async () => {
    const root = await render(ArticleHeader, PROPS);
    const sources = sourcesOf(root)!;
    expect(textOf(sources)).toBe('Sources cited: Suspilne (Ukrainian outlet), Reuters, the Elysee Palace');
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
