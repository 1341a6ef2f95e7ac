/**
 * Props for the timeline components, built the way `src/model/data.ts` builds them but without
 * `astro:content` (whose collections are empty inside vitest): plain events shaped like the
 * `timelineEvent` schema's output, ordered with the real `orderEvents` and labelled with the real
 * label functions.
 */
import type {
  CountryOnDate,
  EventView,
  OrganisationOnDate,
  PersonOnDate,
  PlaceView,
} from '../../src/model/data.ts';
import { distanceLabel, eventDateLabel, knownDay } from '../../src/lib/event-labels.ts';
import { markdownToHtml } from '../../src/markdown/markdown.ts';
import { paths } from '../../src/lib/paths.ts';
import { orderEvents } from '../../src/lib/timeline.ts';
import { site } from '../../src/site.ts';

/** One event as an editor writes it; the schema's defaults are filled in by {@link timelineEvent}. */
export interface EventInput {
  id: string;
  date?: string;
  after?: string;
  sameDay?: boolean;
  time?: string;
  timeZone?: string;
  approximate?: boolean;
  timeOfDay?: 'morning' | 'afternoon' | 'evening' | 'night' | 'overnight';
  planned?: boolean;
  main?: boolean;
  title?: string;
  body?: string;
  place?: string;
  placeId?: string;
  people?: string[];
  organisations?: string[];
  countries?: string[];
  source?: { name: string; kind: 'said' | 'reported' | 'confirmed'; url?: string };
}

/** The `timelineEvent` schema's output for `input`: defaults applied, references as `{ collection, id }`. */
export function timelineEvent(input: EventInput) {
  const { people = [], countries = [], organisations = [], placeId, ...rest } = input;
  return {
    sameDay: false,
    approximate: false,
    planned: false,
    main: false,
    title: `Title of ${input.id}`,
    body: `Body of ${input.id}.`,
    ...rest,
    people: people.map((id) => ({ collection: 'people' as const, id })),
    countries: countries.map((id) => ({ collection: 'countries' as const, id })),
    organisations: organisations.map((id) => ({ collection: 'organisations' as const, id })),
    ...(placeId !== undefined && { placeId: { collection: 'places' as const, id: placeId } }),
  };
}

export const ARTICLE = { id: 'paris-meeting', title: 'Leaders meet in Paris' };

/** Resolves ids the way `peopleOn`/`countriesOn` would, from small registries given by the test. */
export interface Registry {
  people?: Record<string, PersonOnDate>;
  countries?: Record<string, CountryOnDate>;
  organisations?: Record<string, OrganisationOnDate>;
  places?: Record<string, PlaceView>;
}

/** The events of one article in time order, ready for <Timeline> and <EventItem>. */
export function eventViews(inputs: readonly EventInput[], registry: Registry = {}): EventView[] {
  const ordered = orderEvents(inputs.map(timelineEvent));
  const main = ordered.find((event) => event.main);
  const mainDay = main && knownDay(main);
  return ordered.map((event) => ({
    ...event,
    article: ARTICLE,
    href: paths.event(ARTICLE.id, event.id),
    anchorHref: paths.eventAnchor(ARTICLE.id, event.id),
    label: eventDateLabel(event, site.timeZone),
    distance: event.main ? undefined : distanceLabel(event, mainDay),
    bodyHtml: markdownToHtml(event.body),
    people: event.people.map(({ id }) => registry.people?.[id] ?? fail(`person ${id}`)),
    countries: event.countries.map(({ id }) => registry.countries?.[id] ?? fail(`country ${id}`)),
    organisations: event.organisations.map(
      ({ id }) => registry.organisations?.[id] ?? fail(`organisation ${id}`),
    ),
    // As src/model/data.ts: the text as written, else the registered place's name.
    ...(event.placeId && {
      placeEntry: registry.places?.[event.placeId.id] ?? fail(`place ${event.placeId.id}`),
      place: event.place ?? registry.places?.[event.placeId.id]?.name,
    }),
  })) as EventView[];
}

function fail(what: string): never {
  throw new Error(`test fixture: unknown ${what}`);
}

export const PEOPLE: Record<string, PersonOnDate> = {
  'volodymyr-zelensky': {
    id: 'volodymyr-zelensky',
    name: 'Volodymyr Zelensky',
    nativeName: { text: 'Володимир Зеленський', lang: 'uk' },
    roles: ['President of Ukraine'],
    country: { id: 'ua', name: 'Ukraine' },
  },
  'emmanuel-macron': {
    id: 'emmanuel-macron',
    name: 'Emmanuel Macron',
    roles: ['President of France'],
    country: { id: 'fr', name: 'France' },
  },
  'vladimir-putin': {
    id: 'vladimir-putin',
    name: 'Vladimir Putin',
    nativeName: { text: 'Владимир Путин', lang: 'ru' },
    roles: ['President of Russia'],
    country: { id: 'ru', name: 'Russia' },
  },
};

export const ORGANISATIONS: Record<string, OrganisationOnDate> = {
  nato: { id: 'nato', name: 'NATO', kind: 'intergovernmental' },
  'elysee-palace': {
    id: 'elysee-palace',
    name: 'Elysee Palace',
    kind: 'government',
    country: { id: 'fr', name: 'France' },
  },
};

export const PLACES: Record<string, PlaceView> = {
  kyiv: {
    id: 'kyiv',
    name: 'Kyiv',
    kind: 'city',
    country: { id: 'ua', name: 'Ukraine' },
    lat: 50.45,
    lon: 30.52,
    timeZone: 'Europe/Kyiv',
  },
};

export const COUNTRIES: Record<string, CountryOnDate> = {
  ua: { id: 'ua', name: 'Ukraine' },
  fr: { id: 'fr', name: 'France' },
  ru: { id: 'ru', name: 'Russia' },
};
