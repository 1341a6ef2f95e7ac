import { describe, expect, it } from 'vitest';
import {
  breadcrumbs,
  compact,
  jsonLdHtml,
  newsArticle,
  photoObject,
  type NewsArticleFacts,
} from '../../src/seo/structured-data.ts';

const publisher = {
  name: 'Backstory',
  url: 'https://backstory.example/',
  logo: { url: 'https://backstory.example/icons/icon-512.png', width: 512, height: 512 },
};

const facts: NewsArticleFacts = {
  url: 'https://backstory.example/articles/x/',
  headline: 'Putin says he has "never ruled out" meeting Zelensky',
  description: 'A dek.',
  published: '2025-09-04',
  dateline: 'Paris',
  byline: 'Backstory staff',
  section: 'Explainers',
  inLanguage: 'en',
  images: [
    {
      url: 'https://backstory.example/og/articles/x/16x9.jpg',
      width: 1200,
      height: 675,
      creditText: 'Ludovic Marin / POOL / AFP',
      copyrightNotice: 'Not licensed',
    },
    {
      url: 'https://backstory.example/og/articles/x/4x3.jpg',
      width: 1200,
      height: 900,
      creditText: 'Ludovic Marin / POOL / AFP',
      copyrightNotice: 'Not licensed',
    },
    {
      url: 'https://backstory.example/og/articles/x/1x1.jpg',
      width: 1000,
      height: 1000,
      creditText: 'Ludovic Marin / POOL / AFP',
      copyrightNotice: 'Not licensed',
    },
  ],
  publisher,
  about: [
    {
      kind: 'person',
      name: 'Volodymyr Zelensky',
      nativeName: 'Володимир Зеленський',
      jobTitles: ['President of Ukraine'],
      url: 'https://backstory.example/people/volodymyr-zelensky/',
    },
    { kind: 'country', name: 'Ukraine', code: 'ua', url: 'https://backstory.example/countries/ua/' },
  ],
  mentions: [{ kind: 'person', name: 'Mark Rutte', url: 'https://backstory.example/people/mark-rutte/' }],
};

describe('newsArticle', () => {
  const data = newsArticle(facts) as Record<string, any>;

  it('carries the fields Google reads, a date-only publication as a date', () => {
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('NewsArticle');
    expect(data['headline']).toBe(facts.headline);
    expect(data['description']).toBe('A dek.');
    // No midnight is made up for a date the editor gave without a time.
    expect(data['datePublished']).toBe('2025-09-04');
    expect(data['dateModified']).toBe('2025-09-04');
    expect(data['dateline']).toBe('Paris');
    expect(data['mainEntityOfPage']).toEqual({ '@type': 'WebPage', '@id': facts.url });
  });

  it('writes instants in full with the offset they were written with', () => {
    const timed = newsArticle({
      ...facts,
      published: '2025-03-28T18:40+07:00',
      modified: '2025-03-29T08:00:00Z',
    }) as Record<string, any>;
    expect(timed['datePublished']).toBe('2025-03-28T18:40:00+07:00');
    expect(timed['dateModified']).toBe('2025-03-29T08:00:00+00:00');
  });

  it('lists the three crops with their credits', () => {
    expect(data['image']).toHaveLength(3);
    for (const image of data['image']) {
      expect(image['@type']).toBe('ImageObject');
      expect(image.width * image.height).toBeGreaterThanOrEqual(50_000);
      expect(image.creditText).toBe('Ludovic Marin / POOL / AFP');
      expect(image.copyrightNotice).toBe('Not licensed');
    }
  });

  it('names the staff byline as the organisation, and the publisher with its logo', () => {
    expect(data['author']).toEqual([{ '@type': 'Organization', name: 'Backstory', url: publisher.url }]);
    expect(data['publisher']['@type']).toBe('Organization');
    expect(data['publisher']['logo']).toMatchObject({
      '@type': 'ImageObject',
      url: publisher.logo.url,
      width: 512,
      height: 512,
    });
    const byPerson = newsArticle({ ...facts, byline: 'Jane Doe' }) as Record<string, any>;
    expect(byPerson['author']).toEqual([{ '@type': 'Person', name: 'Jane Doe' }]);
  });

  it('gives people and countries as about and mentions, dropping what is unknown', () => {
    expect(data['about']).toEqual([
      {
        '@type': 'Person',
        name: 'Volodymyr Zelensky',
        alternateName: 'Володимир Зеленський',
        jobTitle: 'President of Ukraine',
        url: 'https://backstory.example/people/volodymyr-zelensky/',
      },
      {
        '@type': 'Country',
        name: 'Ukraine',
        identifier: 'UA',
        url: 'https://backstory.example/countries/ua/',
      },
    ]);
    expect(data['mentions']).toEqual([
      { '@type': 'Person', name: 'Mark Rutte', url: 'https://backstory.example/people/mark-rutte/' },
    ]);
    expect(JSON.stringify(data)).not.toContain('undefined');
    const none = newsArticle({ ...facts, mentions: [] }) as Record<string, unknown>;
    expect('mentions' in none).toBe(false);
  });

  it('gives an honorific as honorificPrefix, several roles as a list, and no jobTitle for none', () => {
    const person = (extra: object) =>
      (
        newsArticle({
          ...facts,
          about: [{ kind: 'person', name: 'Kittirat Phanphet', url: facts.url, ...extra }],
        }) as Record<string, any>
      )['about'][0];
    expect(person({ honorific: 'Pol. Gen.', jobTitles: ['Commissioner', 'Chair'] })).toEqual({
      '@type': 'Person',
      name: 'Kittirat Phanphet',
      honorificPrefix: 'Pol. Gen.',
      jobTitle: ['Commissioner', 'Chair'],
      url: facts.url,
    });
    expect(person({ jobTitles: [] })).toEqual({
      '@type': 'Person',
      name: 'Kittirat Phanphet',
      url: facts.url,
    });
  });

  it('gives an organisation as an Organization, its short name as alternateName', () => {
    const organisation = (extra: object) =>
      (
        newsArticle({
          ...facts,
          about: [
            { kind: 'organisation', name: 'North Atlantic Treaty Organization', url: facts.url, ...extra },
          ],
        }) as Record<string, any>
      )['about'][0];
    expect(organisation({ shortName: 'NATO' })).toEqual({
      '@type': 'Organization',
      name: 'North Atlantic Treaty Organization',
      alternateName: 'NATO',
      url: facts.url,
    });
    expect(organisation({ shortName: 'North Atlantic Treaty Organization' })).toEqual({
      '@type': 'Organization',
      name: 'North Atlantic Treaty Organization',
      url: facts.url,
    });
  });

  it('keeps an updated time with its own offset', () => {
    const updated = newsArticle({ ...facts, modified: '2025-09-05T08:00:00+02:00' }) as Record<
      string,
      unknown
    >;
    expect(updated['dateModified']).toBe('2025-09-05T08:00:00+02:00');
  });

  it('cuts an overlong headline at a word', () => {
    const long = newsArticle({ ...facts, headline: 'word '.repeat(40).trim() }) as Record<string, string>;
    expect(long['headline']!.length).toBeLessThanOrEqual(110);
    expect(long['headline']).toMatch(/^(word )+word…$/);
  });
});

describe('photoObject and breadcrumbs', () => {
  it('describes a photo page with its credits', () => {
    const data = photoObject({
      name: 'Photo 1 of 3: Headline',
      url: 'https://backstory.example/og/articles/x/photos/p.jpg',
      width: 1200,
      height: 630,
      caption: 'Caption',
      creditText: 'Credit',
      copyrightNotice: 'Rights',
      pageUrl: 'https://backstory.example/articles/x/photos/p/',
      articleUrl: 'https://backstory.example/articles/x/',
    });
    expect(data).toMatchObject({
      '@type': 'ImageObject',
      creditText: 'Credit',
      copyrightNotice: 'Rights',
      caption: 'Caption',
    });
  });

  it('numbers breadcrumbs from 1', () => {
    const data = breadcrumbs([
      { name: 'Home', url: 'https://a.example/' },
      { name: 'Article', url: 'https://a.example/x/' },
    ]) as Record<string, any>;
    expect(data['itemListElement'].map((item: { position: number }) => item.position)).toEqual([1, 2]);
  });
});

describe('jsonLdHtml', () => {
  it('cannot close its script element or open a comment', () => {
    const html = jsonLdHtml({ headline: '</script><script>alert(1)</script><!-- & -->' });
    expect(html).not.toMatch(/[<>&]/);
    expect(JSON.parse(html)).toEqual({ headline: '</script><script>alert(1)</script><!-- & -->' });
  });

  it('escapes the line and paragraph separators', () => {
    const html = jsonLdHtml({ text: 'a\u2028b\u2029c' });
    expect(html).toContain('\\u2028');
    expect(html).toContain('\\u2029');
    expect(JSON.parse(html)).toEqual({ text: 'a\u2028b\u2029c' });
  });

  it('drops undefined values and refuses what JSON cannot carry', () => {
    expect(compact({ a: 1, b: undefined, c: [], d: { e: undefined } })).toEqual({ a: 1, d: {} });
    expect(() => compact({ n: Number.NaN })).toThrow(/NaN/);
    expect(() => compact({ list: [1, undefined] })).toThrow(/undefined/);
    expect(() => compact({ when: new Date() })).toThrow(/plain data/);
  });
});
