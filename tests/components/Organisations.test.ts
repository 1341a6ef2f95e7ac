/**
 * Organisations and places in components: mention cards, who's who, the event page's place and
 * organisations, the dateline link, a role linked to its organisation, and the tops of the
 * organisation and place pages.
 */
import { describe, expect, it } from 'vitest';
import ArticleHeader from '../../src/components/ArticleHeader.astro';
import EventDetail from '../../src/components/EventDetail.astro';
import EventItem from '../../src/components/EventItem.astro';
import MentionCards from '../../src/components/MentionCards.astro';
import OrganisationSummary from '../../src/components/OrganisationSummary.astro';
import PlaceSummary from '../../src/components/PlaceSummary.astro';
import RoleHistory from '../../src/components/RoleHistory.astro';
import WhosWho from '../../src/components/WhosWho.astro';
import { neighbours } from '../../src/lib/sequence.ts';
import { render, textOf } from '../helpers/render.ts';
import { COUNTRIES, ORGANISATIONS, PEOPLE, PLACES, eventViews } from './fixtures.ts';

const organisations = [ORGANISATIONS['elysee-palace']!, ORGANISATIONS['nato']!];

describe('MentionCards with organisations', () => {
  it('gives each organisation a card keyed like its mention, with its country and page', async () => {
    const root = await render(MentionCards, { people: [], organisations, countries: [COUNTRIES['fr']!] });
    expect(root.querySelectorAll('[popover]').map((card) => card.id)).toEqual([
      'card-organisation-elysee-palace',
      'card-organisation-nato',
      'card-country-fr',
    ]);
    const elysee = root.querySelector('#card-organisation-elysee-palace')!;
    expect(elysee.getAttribute('aria-label')).toBe('Elysee Palace');
    expect(textOf(elysee)).toContain('France');
    expect(elysee.querySelector('a')?.getAttribute('href')).toBe('/organisations/elysee-palace/');
    expect(textOf(root.querySelector('#card-organisation-nato'))).not.toContain('France');
  });

  it('renders as before without organisations', async () => {
    const root = await render(MentionCards, { people: [], countries: [COUNTRIES['fr']!] });
    expect(root.querySelectorAll('[popover]')).toHaveLength(1);
  });
});

describe('WhosWho with organisations', () => {
  it('lists the organisations in the order given, under their own heading, linked to their pages', async () => {
    const root = await render(WhosWho, {
      people: [PEOPLE['emmanuel-macron']!],
      organisations,
      countries: [],
    });
    const headings = root.querySelectorAll('h3').map((h) => textOf(h));
    expect(headings).toContain('Organisations');
    const links = root.querySelectorAll('.organisations a');
    expect(links.map((a) => [textOf(a), a.getAttribute('href')])).toEqual([
      ['Elysee Palace', '/organisations/elysee-palace/'],
      ['NATO', '/organisations/nato/'],
    ]);
  });

  it('has no organisations heading when there are none', async () => {
    const root = await render(WhosWho, { people: [PEOPLE['emmanuel-macron']!], countries: [] });
    expect(root.querySelectorAll('h3').map((h) => textOf(h))).not.toContain('Organisations');
  });
});

describe('event places and organisations', () => {
  const views = eventViews(
    [
      {
        id: 'visit',
        date: '2025-08-22',
        title: 'Rutte visits Kyiv',
        placeId: 'kyiv',
        organisations: ['nato'],
      },
      { id: 'talks', date: '2025-08-23', title: 'Talks', place: 'the capital', placeId: 'kyiv' },
      { id: 'call', date: '2025-08-24', title: 'A call', place: 'By phone' },
    ],
    { organisations: ORGANISATIONS, places: PLACES },
  );

  it("links a registered place with its name, or with the source's words when given; free text stays text", async () => {
    const visit = await render(EventDetail, { event: views[0], around: neighbours(views, 0) });
    const place = visit.querySelectorAll('dt').find((dt) => textOf(dt) === 'Place')!.nextElementSibling!;
    expect(place.querySelector('a')?.getAttribute('href')).toBe('/places/kyiv/');
    expect(textOf(place)).toBe('Kyiv');
    const talks = await render(EventItem, { event: views[1] });
    expect(textOf(talks.querySelector('.details a'))).toBe('the capital');
    expect(talks.querySelector('.details a')?.getAttribute('href')).toBe('/places/kyiv/');
    const call = await render(EventItem, { event: views[2] });
    expect(textOf(call.querySelector('.details'))).toBe('By phone');
    expect(call.querySelector('.details a')).toBeNull();
  });

  it("lists the event's organisations", async () => {
    const root = await render(EventDetail, { event: views[0], around: neighbours(views, 0) });
    const dt = root.querySelectorAll('dt').find((item) => textOf(item) === 'Organisations')!;
    expect(dt.nextElementSibling?.querySelector('a')?.getAttribute('href')).toBe('/organisations/nato/');
  });
});

describe('the dateline', () => {
  const header = {
    title: 'T',
    dek: 'D',
    dateline: 'Paris',
    byline: 'Backstory staff',
    published: '2025-09-04',
    sources: [],
  };

  it('links to the registered place, and stays text without one', async () => {
    const linked = await render(ArticleHeader, {
      ...header,
      datelineId: { collection: 'places', id: 'paris' },
    });
    expect(linked.querySelector('.dateline a')?.getAttribute('href')).toBe('/places/paris/');
    expect(textOf(linked.querySelector('.dateline'))).toBe('Paris');
    const plain = await render(ArticleHeader, header);
    expect(plain.querySelector('.dateline a')).toBeNull();
    expect(textOf(plain.querySelector('.dateline'))).toBe('Paris');
  });
});

describe('a role held in an organisation', () => {
  const nato = { name: 'NATO' };

  it("links the organisation's name inside the title, or adds it after", async () => {
    const root = await render(RoleHistory, {
      roles: [
        { title: 'Secretary General of NATO', from: '2024-10-01', organisation: { id: 'nato' } },
        {
          title: 'Deputy Secretary General',
          from: '2020-01-01',
          until: '2024-01-01',
          organisation: { id: 'nato' },
        },
        { title: 'Prime Minister of the Netherlands', from: '2010-10-14', until: '2019-07-02' },
      ],
      organisations: new Map([['nato', nato]]),
    });
    const items = root.querySelectorAll('li');
    expect(items.map((li) => textOf(li))).toEqual([
      'Secretary General of NATO, since October 1, 2024',
      'Deputy Secretary General, NATO, January 1, 2020 to January 1, 2024',
      'Prime Minister of the Netherlands, October 14, 2010 to July 2, 2019',
    ]);
    expect(items.map((li) => li.querySelector('a')?.getAttribute('href'))).toEqual([
      '/organisations/nato/',
      '/organisations/nato/',
      undefined,
    ]);
    expect(textOf(items[0]!.querySelector('a'))).toBe('NATO');
  });
});

describe('organisation and place pages', () => {
  it("an organisation's page names it, its kind and country, and the people with a role in it", async () => {
    const root = await render(OrganisationSummary, {
      id: 'nato',
      name: 'North Atlantic Treaty Organization',
      shortName: 'NATO',
      kind: 'intergovernmental',
      people: [
        {
          id: 'mark-rutte',
          name: 'Mark Rutte',
          roles: [{ title: 'Secretary General of NATO', from: '2024-10-01' }],
        },
        {
          id: 'jens-stoltenberg',
          name: 'Jens Stoltenberg',
          roles: [{ title: 'Secretary General of NATO', from: '2014-10-01', until: '2024-10-01' }],
        },
      ],
    });
    expect(textOf(root.querySelector('h1'))).toBe('North Atlantic Treaty Organization (NATO)');
    expect(textOf(root.querySelector('.kind'))).toBe('Intergovernmental organisation');
    const [person, former] = root.querySelectorAll('section li');
    expect(textOf(person)).toBe('Mark Rutte, Secretary General of NATO (since October 1, 2024)');
    // An ended role keeps its dates: it never reads as held now.
    expect(textOf(former)).toBe(
      'Jens Stoltenberg, Secretary General of NATO (October 1, 2014 to October 1, 2024)',
    );
    expect(person!.querySelector('a')?.getAttribute('href')).toBe('/people/mark-rutte/');
    const elysee = await render(OrganisationSummary, { ...ORGANISATIONS['elysee-palace']!, people: [] });
    expect(textOf(elysee.querySelector('.kind'))).toBe('Government office, France');
    expect(elysee.querySelector('.kind a')?.getAttribute('href')).toBe('/countries/fr/');
    expect(elysee.querySelector('section')).toBeNull();
  });

  it("a place's page names it, its kind and country, position and time zone", async () => {
    const root = await render(PlaceSummary, { place: PLACES['kyiv']! });
    expect(textOf(root.querySelector('h1'))).toBe('Kyiv');
    expect(textOf(root.querySelector('.kind'))).toBe('City, Ukraine');
    expect(textOf(root.querySelector('dl'))).toContain('50.45° N, 30.52° E');
    expect(textOf(root.querySelector('dl'))).toContain('Europe/Kyiv');
    const bare = await render(PlaceSummary, {
      place: { id: 'x', name: 'Somewhere', kind: 'site', country: { id: 'fr', name: 'France' } },
    });
    expect(bare.querySelector('dl')).toBeNull();
  });
});
