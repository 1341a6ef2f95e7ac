import { describe, expect, it, onTestFinished, vi } from 'vitest';
import {
  absoluteUrl,
  feedDate,
  machineDate,
  metaDescription,
  pageMeta,
  ROBOTS_INDEX,
  type MetaTag,
} from '../../src/seo/seo.ts';

describe('machineDate', () => {
  it('keeps a calendar date as written: no clock time is made up for it', () => {
    expect(machineDate('2025-09-04')).toBe('2025-09-04');
    expect(machineDate('2025-08')).toBe('2025-08');
    expect(machineDate('2025')).toBe('2025');
  });

  it('keeps the offset an instant was written with, adding seconds', () => {
    expect(machineDate('2025-09-04T14:30+02:00')).toBe('2025-09-04T14:30:00+02:00');
    expect(machineDate('2025-09-04T14:30:15-05:00')).toBe('2025-09-04T14:30:15-05:00');
    expect(machineDate('2025-09-04T12:00:00Z')).toBe('2025-09-04T12:00:00+00:00');
    expect(machineDate('2025-09-04T18:40+07:00')).toBe('2025-09-04T18:40:00+07:00');
  });

  it('does not depend on the build machine time zone', () => {
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
      vi.stubEnv('TZ', zone);
      expect(machineDate('2025-09-04'), zone).toBe('2025-09-04');
      expect(machineDate('2025-09-04T14:30+02:00'), zone).toBe('2025-09-04T14:30:00+02:00');
    }
  });

  it('refuses what is not a date', () => {
    expect(() => machineDate('2025-02-30')).toThrow(/not a real calendar date/);
    expect(() => machineDate('yesterday')).toThrow(/not a date/);
  });
});

describe('feedDate', () => {
  it('gives no moment for a calendar date, whose clock time is unknown', () => {
    expect(feedDate('2025-09-04')).toBeUndefined();
    expect(feedDate('2025-09')).toBeUndefined();
    expect(feedDate('2025')).toBeUndefined();
  });

  it('keeps an instant as it is', () => {
    expect(feedDate('2025-09-04T14:30+02:00')?.toISOString()).toBe('2025-09-04T12:30:00.000Z');
  });
});

describe('absoluteUrl', () => {
  it('resolves a path on the site', () => {
    expect(absoluteUrl('/articles/x/', 'https://backstory.example')).toBe(
      'https://backstory.example/articles/x/',
    );
    expect(absoluteUrl('/og/home.jpg', 'https://news.example/base/')).toBe(
      'https://news.example/og/home.jpg',
    );
  });

  it('writes non-ASCII as ASCII: percent-encoded path, punycode host', () => {
    expect(absoluteUrl('/people/зеленський/', 'https://bäckstory.example')).toBe(
      'https://xn--bckstory-0za.example/people/%D0%B7%D0%B5%D0%BB%D0%B5%D0%BD%D1%81%D1%8C%D0%BA%D0%B8%D0%B9/',
    );
  });
});

describe('metaDescription', () => {
  it('collapses whitespace and keeps short text whole', () => {
    expect(metaDescription('  One   line\n of text. ')).toBe('One line of text.');
  });

  it('cuts long text at a word boundary with an ellipsis', () => {
    const text = 'word '.repeat(60).trim();
    const cut = metaDescription(text, 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut).toMatch(/^(word )+word…$/);
  });
});

describe('pageMeta', () => {
  const site = {
    url: 'https://backstory.example',
    name: 'Backstory',
    locale: 'en_GB',
  };
  const image = {
    url: '/og/articles/x.jpg',
    width: 1200,
    height: 630,
    alt: 'Backstory: Headline',
    type: 'image/jpeg',
  };
  const content = (tags: MetaTag[], key: string) =>
    tags.filter((tag) => ('property' in tag ? tag.property : tag.name) === key).map((tag) => tag.content);

  it('describes an article for link previews, with absolute URLs and dates as precise as the data', () => {
    const meta = pageMeta({
      title: 'Headline',
      description: 'Dek.',
      path: '/articles/x/',
      site,
      image,
      article: {
        published: '2025-09-04',
        modified: '2025-09-05T08:00+02:00',
        section: 'Explainers',
        tags: ['Ukraine', 'France'],
      },
    });
    expect(meta.title).toBe('Headline | Backstory');
    expect(meta.canonical).toBe('https://backstory.example/articles/x/');
    const tags = meta.tags;
    expect(content(tags, 'og:type')).toEqual(['article']);
    expect(content(tags, 'og:url')).toEqual([meta.canonical]);
    expect(content(tags, 'og:title')).toEqual(['Headline']);
    expect(content(tags, 'og:description')).toEqual(['Dek.']);
    expect(content(tags, 'og:site_name')).toEqual(['Backstory']);
    expect(content(tags, 'og:locale')).toEqual(['en_GB']);
    expect(content(tags, 'og:image')).toEqual(['https://backstory.example/og/articles/x.jpg']);
    expect(content(tags, 'og:image:width')).toEqual(['1200']);
    expect(content(tags, 'og:image:height')).toEqual(['630']);
    expect(content(tags, 'og:image:alt')).toEqual(['Backstory: Headline']);
    // A date-only publication stays a date: no midnight is made up for it.
    expect(content(tags, 'article:published_time')).toEqual(['2025-09-04']);
    expect(content(tags, 'article:modified_time')).toEqual(['2025-09-05T08:00:00+02:00']);
    expect(content(tags, 'article:section')).toEqual(['Explainers']);
    expect(content(tags, 'article:tag')).toEqual(['Ukraine', 'France']);
    expect(content(tags, 'twitter:card')).toEqual(['summary_large_image']);
    // The Twitter card repeats what Open Graph says, for readers of its own names only.
    expect(content(tags, 'twitter:title')).toEqual(['Headline']);
    expect(content(tags, 'twitter:description')).toEqual(['Dek.']);
    expect(content(tags, 'twitter:image')).toEqual(['https://backstory.example/og/articles/x.jpg']);
    expect(content(tags, 'twitter:image:alt')).toEqual(['Backstory: Headline']);
    expect(content(tags, 'robots')).toEqual([ROBOTS_INDEX]);
    expect(ROBOTS_INDEX).toContain('max-image-preview:large');
  });

  it('calls other pages websites and writes no article tags', () => {
    const meta = pageMeta({ title: 'People', description: 'Everyone.', path: '/people/', site, image });
    expect(content(meta.tags, 'og:type')).toEqual(['website']);
    expect(meta.tags.some((tag) => 'property' in tag && tag.property.startsWith('article:'))).toBe(false);
  });

  it('gives a noindex page no canonical URL', () => {
    const meta = pageMeta({
      title: 'Page not found',
      description: 'None.',
      path: '/404/',
      site,
      image,
      noindex: true,
    });
    expect(meta.canonical).toBeUndefined();
    expect(content(meta.tags, 'og:url')).toEqual([]);
    expect(content(meta.tags, 'robots')[0]).toMatch(/^noindex/);
  });
});
