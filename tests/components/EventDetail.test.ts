import { describe, expect, it } from 'vitest';
import EventDetail from '../../src/components/EventDetail.astro';
import { neighbours } from '../../src/lib/sequence.ts';
import { render, textOf } from '../helpers/render.ts';
import { ARTICLE, COUNTRIES, PEOPLE, eventViews, type EventInput } from './fixtures.ts';

const EVENTS: EventInput[] = [
  { id: 'talks', date: '2025-08-18', title: 'Talks in Washington' },
  { id: 'later', after: 'talks', title: 'Rubio announces a framework' },
  {
    id: 'meeting',
    date: '2025-09-04',
    main: true,
    title: 'Leaders meet in Paris',
    body: 'Talks were **chaired** by Macron.',
    place: 'Paris',
    source: { name: 'Suspilne', kind: 'reported', url: 'https://suspilne.media/' },
    people: ['emmanuel-macron', 'volodymyr-zelensky'],
    countries: ['fr', 'ua'],
  },
  { id: 'call', after: 'meeting', sameDay: true, planned: true, title: 'Leaders plan a call' },
];

const views = eventViews(EVENTS, { people: PEOPLE, countries: COUNTRIES });

async function renderEvent(id: string) {
  const index = views.findIndex((event) => event.id === id);
  return render(EventDetail, { event: views[index], around: neighbours(views, index) });
}

describe('EventDetail', () => {
  it('has the event title as its only <h1>', async () => {
    const root = await renderEvent('meeting');
    expect(root.querySelectorAll('h1').map((h1) => textOf(h1))).toEqual(['Leaders meet in Paris']);
  });

  it('says where the event sits in the story and links back to it on the article', async () => {
    const root = await renderEvent('meeting');
    const kicker = root.querySelector('article p')!;
    expect(textOf(kicker)).toBe(`Event 3 of 4 in ${ARTICLE.title}`);
    expect(kicker.querySelector('a')!.getAttribute('href')).toBe('/articles/paris-meeting/#event-meeting');
  });

  it('dates the event with <time> at its precision, and says it is the main event', async () => {
    const root = await renderEvent('meeting');
    const time = root.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe('2025-09-04');
    expect(textOf(time)).toBe('September 4, 2025');
    expect(textOf(root)).toContain('The main event of the story');
    expect(textOf(root)).not.toContain('Planned');
  });

  it('states the distance from the main event', async () => {
    const root = await renderEvent('talks');
    expect(textOf(root)).toContain('17 days before the main event');
    expect(textOf(root)).not.toContain('The main event of the story');
  });

  it('gives an undated event no <time> and no distance', async () => {
    const root = await renderEvent('later');
    expect(root.querySelector('time')).toBeNull();
    expect(textOf(root)).toContain('August 18, 2025');
    expect(textOf(root)).not.toMatch(/days? (before|after)/);
  });

  it('marks a planned event as planned at publication', async () => {
    const root = await renderEvent('call');
    expect(textOf(root)).toContain('Planned at the time of publication');
    expect(root.querySelector('time')!.getAttribute('datetime')).toBe('2025-09-04');
  });

  it('words a same-day distance grammatically', async () => {
    const root = await renderEvent('call');
    expect(textOf(root)).not.toContain('Same day the main event');
    expect(textOf(root)).toContain('Same day as the main event');
  });

  it('renders the Markdown body', async () => {
    const root = await renderEvent('meeting');
    const body = root.querySelectorAll('p').find((p) => textOf(p).startsWith('Talks were'))!;
    expect(textOf(body)).toBe('Talks were chaired by Macron.');
    expect(textOf(body.querySelector('strong'))).toBe('chaired');
  });

  it('lists place, source, people with roles and countries as a description list', async () => {
    const root = await renderEvent('meeting');
    const dl = root.querySelector('dl')!;
    const terms = dl.querySelectorAll('dt').map((dt) => textOf(dt));
    expect(terms).toEqual(['Place', 'Source', 'People', 'Countries']);
    const dds = dl.querySelectorAll('dd').map((dd) => textOf(dd));
    expect(dds).toEqual([
      'Paris',
      'Reported by Suspilne',
      'Emmanuel Macron, President of France',
      'Volodymyr Zelensky, President of Ukraine',
      'France',
      'Ukraine',
    ]);
    expect(dl.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
      'https://suspilne.media/',
      '/people/emmanuel-macron/',
      '/people/volodymyr-zelensky/',
      '/countries/fr/',
      '/countries/ua/',
    ]);
  });

  it('names a person in full with every role held, and by name alone without roles', async () => {
    const people = {
      ...PEOPLE,
      'emmanuel-macron': {
        ...PEOPLE['emmanuel-macron']!,
        honorific: 'Dr.',
        roles: ['President', 'Co-Prince'],
      },
      'volodymyr-zelensky': { ...PEOPLE['volodymyr-zelensky']!, roles: [] },
    };
    const events = eventViews(EVENTS, { people, countries: COUNTRIES });
    const index = events.findIndex((event) => event.id === 'meeting');
    const root = await render(EventDetail, { event: events[index], around: neighbours(events, index) });
    const dds = root.querySelectorAll('dd').map((dd) => textOf(dd));
    expect(dds).toContain('Dr. Emmanuel Macron, President; Co-Prince');
    expect(dds).toContain('Volodymyr Zelensky');
  });

  it('leaves out empty parts of the description list', async () => {
    const root = await renderEvent('talks');
    expect(root.querySelectorAll('dt')).toHaveLength(0);
  });

  it('links to the previous and next events and to the whole timeline', async () => {
    const root = await renderEvent('later');
    const nav = root.querySelector('nav')!;
    const prev = nav.querySelector('a[rel="prev"]')!;
    const next = nav.querySelector('a[rel="next"]')!;
    expect(prev.getAttribute('href')).toBe('/articles/paris-meeting/timeline/talks/');
    expect(textOf(prev)).toBe('Previous: Talks in Washington');
    expect(next.getAttribute('href')).toBe('/articles/paris-meeting/timeline/meeting/');
    expect(textOf(next)).toBe('Next: Leaders meet in Paris');
    expect(nav.querySelectorAll('a').map((a) => a.getAttribute('href'))).toContain(
      '/articles/paris-meeting/timeline/',
    );
  });

  it('has no previous link on the first event and no next link on the last', async () => {
    const first = await renderEvent('talks');
    expect(first.querySelector('a[rel="prev"]')).toBeNull();
    expect(first.querySelector('a[rel="next"]')).not.toBeNull();
    const last = await renderEvent('call');
    expect(last.querySelector('a[rel="next"]')).toBeNull();
    expect(last.querySelector('a[rel="prev"]')).not.toBeNull();
  });
});
