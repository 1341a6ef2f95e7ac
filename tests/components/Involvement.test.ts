import type { HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import Involvement from '../../src/components/Involvement.astro';
import { render, textOf } from '../helpers/render.ts';
import { eventViews } from './fixtures.ts';

/** The fields of an article entry the component reads. */
const article = (id: string, title: string, published: string) => ({ id, data: { title, published } });

const ARTICLES = [
  article('paris-meeting', 'Leaders meet in Paris', '2025-09-04'),
  article('washington-talks', 'Talks in Washington', '2025-08'),
];

const EVENTS = eventViews([
  { id: 'talks', date: '2025-08-18', title: 'Talks in Washington' },
  { id: 'later', after: 'talks', title: 'A later announcement' },
]);

const sectionOf = (root: HTMLElement, heading: string) =>
  root.querySelectorAll('section').find((section) => textOf(section.querySelector('h2')) === heading);
const hrefOf = (li: HTMLElement) => li.querySelector('a')?.getAttribute('href');
const datetimeOf = (li: HTMLElement) => li.querySelector('time')?.getAttribute('datetime');

describe('Involvement', () => {
  it('lists the articles, linked, each with its date as <time>', async () => {
    const root = await render(Involvement, { articles: ARTICLES, events: EVENTS });
    const items = sectionOf(root, 'Articles')!.querySelectorAll('li');
    expect(items.map(hrefOf)).toEqual(['/articles/paris-meeting/', '/articles/washington-talks/']);
    expect(items.map((li) => textOf(li))).toEqual([
      'Leaders meet in Paris (September 4, 2025)',
      'Talks in Washington (August 2025)',
    ]);
    expect(items.map(datetimeOf)).toEqual(['2025-09-04', '2025-08']);
  });

  it('lists the events, linked to their pages, dated with <time> only when they have a date', async () => {
    const root = await render(Involvement, { articles: ARTICLES, events: EVENTS });
    const items = sectionOf(root, 'Timeline events')!.querySelectorAll('li');
    expect(items.map(hrefOf)).toEqual([
      '/articles/paris-meeting/timeline/talks/',
      '/articles/paris-meeting/timeline/later/',
    ]);
    expect(datetimeOf(items[0]!)).toBe('2025-08-18');
    expect(items[1]!.querySelector('time')).toBeNull();
    expect(textOf(items[1])).toContain('August 18, 2025');
  });

  it('says so when there are no articles or no events', async () => {
    const root = await render(Involvement, { articles: [], events: [] });
    expect(textOf(sectionOf(root, 'Articles'))).toContain('No articles yet.');
    expect(textOf(sectionOf(root, 'Timeline events'))).toContain('No timeline events yet.');
    expect(root.querySelectorAll('li')).toHaveLength(0);
  });
});
