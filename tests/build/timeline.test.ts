import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { rawArticles } from '../helpers/content';
import { readPage } from '../helpers/dist';
import { textOf } from '../helpers/render';

const distDir = inject('distDir');

describe.each(rawArticles())('timeline of $slug', ({ slug, data }) => {
  const events: { id: string; date?: string; after?: string; sameDay?: boolean; title: string }[] = data['timeline'] ?? [];
  const article = readPage(distDir, `articles/${slug}/index.html`);

  it('lists every event on the article page, each with its anchor', () => {
    const ids = article.querySelectorAll('.timeline li.event').map((li) => li.id);
    expect(ids.sort()).toEqual(events.map((event) => `event-${event.id}`).sort());
  });

  it.each(events)('gives "$id" its own page with a canonical URL and a link back', (event) => {
    const file = `articles/${slug}/timeline/${event.id}/index.html`;
    expect(existsSync(join(distDir, file))).toBe(true);
    const page = readPage(distDir, file);
    expect(textOf(page.querySelector('h1'))).toBe(event.title.replace(/\s+/g, ' '));
    expect(page.querySelector('link[rel=canonical]')?.getAttribute('href')).toMatch(
      new RegExp(`^https?://[^/]+/articles/${slug}/timeline/${event.id}/$`),
    );
    expect(page.querySelector(`a[href="/articles/${slug}/#event-${event.id}"]`)).not.toBeNull();
  });

  it.each(events)('dates "$id" exactly as precisely as the data', (event) => {
    const time = article.querySelector(`#event-${event.id} .when time`);
    if (event.date) {
      expect(time?.getAttribute('datetime')).toBe(event.date);
    } else if (event.sameDay) {
      const anchor = events.find((other) => other.id === event.after)!;
      expect(time?.getAttribute('datetime')).toBe(anchor.date);
    } else {
      // The source gives no date: no <time>, and the text says so.
      expect(time).toBeNull();
      expect(textOf(article.querySelector(`#event-${event.id} .when`))).toMatch(/gives no date/);
    }
  });

  it('orders dated events by date and keeps undated ones after their anchor', () => {
    const ids = article.querySelectorAll('.timeline li.event').map((li) => li.id.replace(/^event-/, ''));
    const dated = ids.map((id) => events.find((event) => event.id === id)!).filter((event) => event.date);
    expect(dated.map((event) => event.date)).toEqual(dated.map((event) => event.date).sort());
    for (const event of events.filter((candidate) => candidate.after)) {
      expect(ids.indexOf(event.id), event.id).toBeGreaterThan(ids.indexOf(event.after!));
    }
  });

  it('has a whole-story timeline page', () => {
    const page = readPage(distDir, `articles/${slug}/timeline/index.html`);
    expect(page.querySelectorAll('li.event')).toHaveLength(events.length);
  });
});

describe('the cross-article timeline', () => {
  it('holds each event id once', () => {
    const page = readPage(distDir, 'timeline/index.html');
    const ids = page.querySelectorAll('li.event').map((li) => li.id);
    const expected = new Set(rawArticles().flatMap(({ data }) => (data['timeline'] ?? []).map((e: { id: string }) => `event-${e.id}`)));
    expect(ids.sort()).toEqual([...expected].sort());
  });
});

describe('the seed article', () => {
  it('labels distances from the main event and highlights it', () => {
    const page = readPage(distDir, 'articles/coalition-of-the-willing-paris/index.html');
    expect(textOf(page.querySelector('#event-washington-talks .when'))).toContain('17 days before');
    expect(textOf(page.querySelector('#event-putin-never-ruled-out .when'))).toContain('1 day before');
    expect(page.querySelector('#event-paris-meeting')?.classList.contains('main')).toBe(true);
    expect(textOf(page.querySelector('#event-call-with-trump .when'))).toMatch(/Later on September 4, 2025.*Same day.*Planned/);
  });

  it('ships no JavaScript for the timeline', () => {
    const page = readPage(distDir, 'articles/coalition-of-the-willing-paris/timeline/index.html');
    expect(page.querySelectorAll('script')).toHaveLength(0);
  });
});
