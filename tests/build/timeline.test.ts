import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { rawArticles } from '../helpers/content.ts';
import { readPage } from '../helpers/dist.ts';
import { textOf } from '../helpers/render.ts';

const distDir = inject('distDir');

describe.each(rawArticles())('timeline of $slug', ({ slug, data }) => {
  const events: { id: string; date?: string; after?: string; sameDay?: boolean; title: string }[] =
    data['timeline'] ?? [];
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

  it(
    events.length > 0 ? 'has a whole-story timeline page' : 'has no timeline page, and no link to one',
    () => {
      const file = `articles/${slug}/timeline/index.html`;
      if (events.length === 0) {
        // An article without events gets no empty timeline page, and nothing points to one.
        expect(existsSync(join(distDir, file))).toBe(false);
        expect(article.querySelector(`a[href="/articles/${slug}/timeline/"]`)).toBeNull();
        expect(article.querySelectorAll('.timeline')).toHaveLength(0);
        return;
      }
      expect(readPage(distDir, file).querySelectorAll('li.event')).toHaveLength(events.length);
    },
  );
});

describe('the cross-article timeline', () => {
  it('holds each event id once', () => {
    const page = readPage(distDir, 'timeline/index.html');
    const ids = page.querySelectorAll('li.event').map((li) => li.id);
    const expected = new Set(
      rawArticles().flatMap(({ data }) =>
        (data['timeline'] ?? []).map((e: { id: string }) => `event-${e.id}`),
      ),
    );
    expect(ids.sort()).toEqual([...expected].sort());
  });
});

/** Whole days from one calendar date to another ('2025-09-04', '2025-08-18' -> -17). */
const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const isDay = (date: unknown): date is string => typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date);

describe.each(rawArticles().filter(({ data }) => (data['timeline'] ?? []).length > 0))(
  'the timeline labels of $slug',
  ({ slug, data }) => {
    type Event = {
      id: string;
      date?: string;
      after?: string;
      sameDay?: boolean;
      planned?: boolean;
      main?: boolean;
    };
    const events: Event[] = data['timeline'];
    const main = events.find((event) => event.main);
    const page = readPage(distDir, `articles/${slug}/index.html`);
    const when = (event: Event) => textOf(page.querySelector(`#event-${event.id} .when`));
    const dayOf = (event: Event): string | undefined =>
      isDay(event.date)
        ? event.date
        : event.sameDay
          ? dayOf(events.find((other) => other.id === event.after)!)
          : undefined;

    it('highlights the main event, and only it', () => {
      const highlighted = page.querySelectorAll('.timeline li.event.main').map((li) => li.id);
      expect(highlighted).toEqual(main ? [`event-${main.id}`] : []);
    });

    it('labels each event known to the day with its distance from the main event', () => {
      const mainDay = main && dayOf(main);
      for (const event of events.filter((candidate) => candidate !== main)) {
        const day = dayOf(event);
        if (!mainDay || !day) continue;
        const days = daysFrom(mainDay, day);
        const count = `${Math.abs(days)} ${Math.abs(days) === 1 ? 'day' : 'days'}`;
        expect(textOf(page.querySelector(`#event-${event.id} .when .distance`)), event.id).toBe(
          days === 0 ? 'Same day' : `${count} ${days < 0 ? 'before' : 'after'}`,
        );
      }
    });

    it('says "later on" the anchor\'s day for a same-day event, and marks planned ones', () => {
      for (const event of events.filter((candidate) => candidate.sameDay && !candidate.date)) {
        expect(when(event), event.id).toMatch(/^Later on /);
        expect(page.querySelector(`#event-${event.id} time`)?.getAttribute('datetime'), event.id).toBe(
          dayOf(event),
        );
      }
      for (const event of events) {
        const tags = page.querySelectorAll(`#event-${event.id} .when .tag`).map((tag) => textOf(tag));
        expect(tags.includes('Planned'), event.id).toBe(event.planned === true);
      }
    });

    it('ships no JavaScript for the timeline', () => {
      expect(
        readPage(distDir, `articles/${slug}/timeline/index.html`).querySelectorAll('script'),
      ).toHaveLength(0);
    });
  },
);
