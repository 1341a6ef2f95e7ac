/**
 * The one place pages get content from. It wraps `getCollection` (whose order is not
 * guaranteed) and resolves references, so pages never filter, sort or look up ids themselves.
 * The content rules have run before any entry was loaded (src/schema/loaders.ts).
 */
import type { ImageMetadata } from 'astro';
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { parseWhen } from '../lib/dates.ts';
import { countryNameOn, rolesOn } from '../lib/entities.ts';
import { byAppearance, type EntityKind } from '../lib/mentions.ts';
import { roleTitle } from '../lib/organisations.ts';
import { hasEntries } from '../schema/registry.ts';
import { distanceLabel, eventDateLabel, knownDay, type EventDateLabel } from '../lib/event-labels.ts';
import { photosInPageOrder } from '../lib/gallery.ts';
import { markdownToHtml } from '../markdown/markdown.ts';
import { pageKey } from '../lib/page-key.ts';
import { paths } from '../lib/paths.ts';
import { lastModified, newestFirst } from '../lib/updates.ts';
import { relatedCoverage, storyPlace, type StoryPlace } from '../lib/stories.ts';
import { liveProblemsMessage } from '../schema/content-check-live.ts';
import { PLACED_PHOTOS } from '../markdown/remark-check-blocks.ts';
import { groupKey, mergeTimelines, orderEvents, type MergedEvent, type Placed } from '../lib/timeline.ts';
import { displayZone } from '../lib/display-zone.ts';
import { calendarDay } from '../lib/date-format.ts';

/** The content folder, as src/content.config.ts binds the loaders to it. */
const CONTENT = './content';

type ArticleEntry = CollectionEntry<'articles'>;
/**
 * What the site reads of a photo's image. astro:assets publishes the original only when something
 * reads a field of the image it gave (`src` below), so the rest of the code reads this copy and
 * hands `src` to astro:assets alone.
 */
export interface PhotoImage {
  /** The original's URL as astro:assets names it: in a build it carries a hash of the bytes. */
  url: string;
  /** Pixel size, upright (after the EXIF orientation). */
  width: number;
  height: number;
  /** The original's absolute path, for the share images drawn from it. */
  file: string;
}

/** A gallery photo: `src` for astro:assets, `image` for everything else. */
export type Photo = Omit<ArticleEntry['data']['gallery'][number], 'src'> & {
  src: ImageMetadata;
  image: PhotoImage;
};
export type Article = Omit<ArticleEntry, 'data'> & {
  data: Omit<ArticleEntry['data'], 'gallery'> & { gallery: Photo[] };
};
export type Person = CollectionEntry<'people'>;
export type Country = CollectionEntry<'countries'>;
export type Organisation = CollectionEntry<'organisations'>;
export type Place = CollectionEntry<'places'>;
export type Story = CollectionEntry<'stories'>;

/** A person as of one article's date. */
export interface PersonOnDate {
  id: string;
  name: string;
  /** Written before the name where the person is named in full (`fullName` in src/lib/entities.ts). */
  honorific?: string | undefined;
  nativeName?: { text: string; lang: string } | undefined;
  /** Titles of the roles held on the date, in the order written; none for a person without roles. */
  roles: string[];
  country: { id: string; name: string };
}

/** An organisation as of one article's date. */
export interface OrganisationOnDate {
  id: string;
  name: string;
  /** 'NATO': what cards and lists may show beside the name. */
  shortName?: string | undefined;
  kind: Organisation['data']['kind'];
  country?: { id: string; name: string } | undefined;
}

/** A registered place, for links and its page. */
export interface PlaceView {
  id: string;
  name: string;
  kind: Place['data']['kind'];
  country: { id: string; name: string };
  lat?: number | undefined;
  lon?: number | undefined;
  timeZone?: string | undefined;
}

/** A country as of one article's date. */
export interface CountryOnDate {
  id: string;
  name: string;
}

interface Content {
  articles: Article[];
  people: Map<string, Person>;
  countries: Map<string, Country>;
  organisations: Map<string, Organisation>;
  places: Map<string, Place>;
  stories: Map<string, Story>;
  /** Changes when any person, organisation, place or country changes (see {@link pageKeyOf}). */
  registryKey: string;
}

let loaded: Promise<Content> | undefined;

/**
 * Loads everything once. In the dev server, content with problems (see `liveProblems`) fails
 * every page with them until it is fixed, so the error overlay shows them.
 */
function content(): Promise<Content> {
  const live = liveProblemsMessage();
  if (live) return Promise.reject(new Error(`Content problems:\n${live}`));
  loaded ??= (async () => {
    const [entries, people, countries, organisations, places, stories] = await Promise.all([
      getCollection('articles'),
      getCollection('people'),
      getCollection('countries'),
      // Optional folders: asked for only when they hold entries, or Astro warns on every build.
      hasEntries(CONTENT, 'organisations') ? getCollection('organisations') : [],
      hasEntries(CONTENT, 'places') ? getCollection('places') : [],
      hasEntries(CONTENT, 'stories') ? getCollection('stories') : [],
    ]);
    const placeZones = new Map(places.map((entry) => [entry.id, entry.data.timeZone]));
    const articles = entries.map((entry) => withDatelineZone(withPhotoImages(entry), placeZones));
    articles.sort(
      (a, b) =>
        parseWhen(b.data.published).start.getTime() - parseWhen(a.data.published).start.getTime() ||
        a.id.localeCompare(b.id),
    );
    return {
      // Drafts are checked like everything else but published only by the dev server. By its
      // mode, not `DEV`: `DEV` follows NODE_ENV, and a build run with NODE_ENV=test or
      // development (a CI job, a test runner) would publish them.
      articles: articles.filter((article) => !article.data.draft || import.meta.env.MODE === 'development'),
      people: new Map(people.map((entry) => [entry.id, entry])),
      countries: new Map(countries.map((entry) => [entry.id, entry])),
      organisations: new Map(organisations.map((entry) => [entry.id, entry])),
      places: new Map(places.map((entry) => [entry.id, entry])),
      stories: new Map(stories.map((entry) => [entry.id, entry])),
      registryKey: pageKey(
        people.map(({ id, data }) => ({ id, data })),
        countries.map(({ id, data }) => ({ id, data })),
        organisations.map(({ id, data }) => ({ id, data })),
        places.map(({ id, data }) => ({ id, data })),
      ),
    };
  })();
  return loaded;
}

/** Four routes and the story pages ask for each article's keys: each is hashed once per build. */
const ownKeys = new WeakMap<Article, Promise<string>>();
const pageKeys = new WeakMap<Article, Promise<string>>();

/**
 * What any page shows of an article is rendered from the article itself (its frontmatter, with
 * each photo's URL, which names its bytes, and size; its text and its rendered HTML), the whole
 * registry for names, roles and the mention linker, and whether the header lists Stories.
 */
function ownKeyOf(article: Article): Promise<string> {
  let key = ownKeys.get(article);
  if (!key) {
    key = content().then(async ({ registryKey }) => {
      const { id, data, body, rendered } = article;
      // Each photo by its URL (which names its bytes) and size: never by `src` (see PhotoImage),
      // nor by its absolute path, which would change every key when the project moves.
      const gallery = data.gallery.map(({ src: _asset, image: { file: _file, ...image }, ...photo }) => ({
        ...photo,
        image,
      }));
      // Every page's header lists Stories once a story has a published article.
      const hasStories = (await getStories()).length > 0;
      return pageKey(id, { ...data, gallery }, body ?? null, rendered?.html ?? null, registryKey, hasStories);
    });
    ownKeys.set(article, key);
  }
  return key;
}

/**
 * The incremental-build key of an article's own pages (article, its timeline, events, photos):
 * everything they are rendered from. That is the article itself ({@link ownKeyOf}) and of other
 * articles only what the page shows of them: its story's previous and next articles and its
 * related coverage ({@link articleLinksOf}). People and country pages are keyed by
 * {@link siteKeyOf}, story pages by {@link storyKeyOf}; the pages without `getStaticPaths` (home,
 * indexes, feed) are rendered on every build.
 */
export function pageKeyOf(article: Article): Promise<string> {
  let key = pageKeys.get(article);
  if (!key) {
    key = (async () => {
      const links = await articleLinksOf(article);
      // What a card or a link shows of another article (src/model/pages.ts, articleCard).
      const shown = (other: Article | undefined) => {
        if (!other) return undefined;
        const { title, dek, published, lang, timeZone, gallery } = other.data;
        const lead = gallery[0];
        const photo = lead && {
          url: lead.image.url,
          width: lead.image.width,
          height: lead.image.height,
          alt: lead.alt,
          credit: lead.credit,
          placeholder: lead.placeholder,
        };
        return { id: other.id, title, dek, published, lang, timeZone, photo };
      };
      const others = {
        story: links.story && { id: links.story.id, data: links.story.data },
        previous: shown(links.place?.previous),
        next: shown(links.place?.next),
        position: links.place && [links.place.position, links.place.total],
        related: links.related.map(shown),
      };
      return pageKey(await ownKeyOf(article), others);
    })();
    pageKeys.set(article, key);
  }
  return key;
}

let siteKey: Promise<string> | undefined;

/**
 * The incremental-build key of the pages that read every article and the registry (each person's
 * and each country's page): a change to any article or any entry renders them all again.
 */
export function siteKeyOf(): Promise<string> {
  siteKey ??= content().then(async ({ articles, registryKey }) =>
    pageKey(registryKey, await Promise.all(articles.map(pageKeyOf))),
  );
  return siteKey;
}

function fileOf(article: ArticleEntry): string {
  return article.filePath ?? `content/articles/${article.id}/index.md`;
}

/**
 * An article without a `timeZone` of its own takes its dateline place's zone, so a story from
 * Bangkok shows its times in Bangkok time (displayZone in src/lib/display-zone.ts reads the field).
 */
function withDatelineZone(article: Article, placeZones: ReadonlyMap<string, string | undefined>): Article {
  const zone = article.data.datelineId ? placeZones.get(article.data.datelineId.id) : undefined;
  return article.data.timeZone || !zone ? article : { ...article, data: { ...article.data, timeZone: zone } };
}

/**
 * The copy of an image astro:assets gave that the site reads: through the two fields its proxy
 * answers without marking the original as used (`clone`, `fsPath`; astro:assets' own getImage
 * reads the same two), so that the original is not published beside its sizes.
 */
export function photoImageOf(src: ImageMetadata): PhotoImage {
  const hidden = src as ImageMetadata & { clone?: ImageMetadata; fsPath?: string };
  const { src: url, width, height } = hidden.clone ?? src;
  if (!hidden.fsPath) throw new Error(`photo ${url}: astro:assets gave no file path`);
  return { url, width, height, file: hidden.fsPath };
}

/** Each gallery photo with what the site reads of its image. */
function withPhotoImages(entry: ArticleEntry): Article {
  const gallery = entry.data.gallery.map((photo) => {
    // A string only where no `image()` was given: the content rules, never a collection.
    if (typeof photo.src === 'string') throw new Error(`${fileOf(entry)}: photo ${photo.id} is not an image`);
    return { ...photo, src: photo.src, image: photoImageOf(photo.src) };
  });
  return { ...entry, data: { ...entry.data, gallery } };
}

/** An update or correction ready to render: its text as HTML. */
export interface UpdateView {
  time: string;
  kind: 'update' | 'correction';
  html: string;
}

/** The article's updates and corrections, newest first. */
export function updatesOf(article: Article): UpdateView[] {
  return newestFirst(article.data.updates).map(({ time, kind, text }) => ({
    time,
    kind,
    html: markdownToHtml(text),
  }));
}

/** The article's last change after publication: `updated` or its latest update, whichever is later. */
export function modifiedOf(article: Article): string | undefined {
  return lastModified(article.data);
}

/** The photo pages and the share images both ask for an article's photos: rendered once a build. */
const photosInOrder = new WeakMap<Article, Promise<Photo[]>>();

/**
 * The article's photos in the order its page shows them: the lead, those the text places with
 * <Photo> (known only once the body is rendered), then the rest. Photo pages and their share
 * cards are numbered by it, as the lightbox on the article page is.
 */
export function photosOf(article: Article): Promise<Photo[]> {
  let photos = photosInOrder.get(article);
  if (!photos) {
    photos = render(article).then(({ remarkPluginFrontmatter }) =>
      photosInPageOrder(article.data.gallery, remarkPluginFrontmatter[PLACED_PHOTOS] ?? []),
    );
    photosInOrder.set(article, photos);
  }
  return photos;
}

/** All published articles, newest first. */
export async function getArticles(): Promise<Article[]> {
  return (await content()).articles;
}

/** The people of an article (or of one of its events), with the roles each held on its date. */
export async function peopleOn(ids: readonly { id: string }[], date: string): Promise<PersonOnDate[]> {
  const { people, countries, organisations } = await content();
  return ids.map(({ id }) => {
    const person = people.get(id)!;
    const country = countries.get(person.data.country.id)!;
    return {
      id,
      name: person.data.name,
      honorific: person.data.honorific,
      nativeName: person.data.nativeName,
      roles: rolesOn(
        person.data.roles.map((role) => ({
          ...role,
          title: roleTitle(role.title, role.organisation && organisations.get(role.organisation.id)?.data),
        })),
        date,
        person.filePath ?? id,
      ),
      country: { id: country.id, name: countryNameOn(country.data, date) },
    };
  });
}

/** Organisations by id, with their country's name on `date`. */
export async function organisationsOn(
  ids: readonly { id: string }[],
  date: string,
): Promise<OrganisationOnDate[]> {
  const { organisations, countries } = await content();
  return ids.map(({ id }) => {
    const { name, shortName, kind, country } = organisations.get(id)!.data;
    return {
      id,
      name,
      shortName,
      kind,
      country: country && { id: country.id, name: countryNameOn(countries.get(country.id)!.data, date) },
    };
  });
}

/** A registered place, or undefined for none. */
export async function placeOf(ref: { id: string } | undefined): Promise<PlaceView | undefined> {
  if (!ref) return undefined;
  const { places, countries } = await content();
  const { name, kind, country, lat, lon, timeZone } = places.get(ref.id)!.data;
  const countryName = countries.get(country.id)!.data.name;
  return { id: ref.id, name, kind, country: { id: country.id, name: countryName }, lat, lon, timeZone };
}

/** Countries by id, with the name each had on `date`. */
export async function countriesOn(ids: readonly { id: string }[], date: string): Promise<CountryOnDate[]> {
  const { countries } = await content();
  return ids.map(({ id }) => ({ id, name: countryNameOn(countries.get(id)!.data, date) }));
}

type TimelineEvent = Article['data']['timeline'][number];

/** A timeline event ready to render: ordered, labelled, linked, its people and countries resolved. */
export interface EventView extends Omit<
  Placed<TimelineEvent>,
  'people' | 'countries' | 'organisations' | 'placeId'
> {
  /** Its article; `lang` when its text is not in the site's language. */
  article: { id: string; title: string; lang?: string | undefined };
  /** The event's own page. */
  href: string;
  /** The event on its article page. */
  anchorHref: string;
  label: EventDateLabel;
  /** "17 days before" the article's main event, when both days are known. */
  distance?: string | undefined;
  bodyHtml: string;
  people: PersonOnDate[];
  organisations: OrganisationOnDate[];
  countries: CountryOnDate[];
  /** The registered place (`placeId`); `place` is then its text: as written, else the place's name. */
  placeEntry?: PlaceView | undefined;
}

/**
 * Timelines are worked out once per article and build: every page of an article, every share
 * image and every person and country page asks again, and at 1,000 articles re-rendering every
 * event body for each person page made the build quadratic (docs/performance.md).
 */
const timelines = new WeakMap<Article, Promise<EventView[]>>();
let merged: Promise<MergedEvent<EventView>[]> | undefined;

/** The article's timeline in time order, ready to render. */
export function timelineOf(article: Article): Promise<EventView[]> {
  let timeline = timelines.get(article);
  if (!timeline) {
    timeline = buildTimeline(article);
    timelines.set(article, timeline);
  }
  return timeline;
}

async function buildTimeline(article: Article): Promise<EventView[]> {
  const ordered = orderEvents(article.data.timeline);
  const main = ordered.find((event) => event.main);
  const mainDay = main && knownDay(main);
  return Promise.all(
    ordered.map(async (event) => {
      let bodyHtml: string | undefined;
      const placeEntry = await placeOf(event.placeId);
      return {
        ...event,
        place: event.place ?? placeEntry?.name,
        placeEntry,
        article: { id: article.id, title: article.data.title, lang: article.data.lang },
        href: paths.event(article.id, event.id),
        anchorHref: paths.eventAnchor(article.id, event.id),
        label: eventDateLabel(event, displayZone(article.data)),
        distance: event.main ? undefined : distanceLabel(event, mainDay),
        // Rendered when first read: a warm build lists every event but renders no page that shows
        // one (0.1 s of Markdown at 100 articles).
        get bodyHtml() {
          return (bodyHtml ??= markdownToHtml(event.body));
        },
        people: await peopleOn(event.people, article.data.published),
        organisations: await organisationsOn(event.organisations, article.data.published),
        countries: await countriesOn(event.countries, article.data.published),
      };
    }),
  );
}

/** Every article's events in one timeline, newest telling first where two articles share an event id. */
export function mergedTimeline(): Promise<MergedEvent<EventView>[]> {
  merged ??= (async () =>
    mergeTimelines<EventView>(await Promise.all((await getArticles()).map(timelineOf))))();
  return merged;
}

/** Everyone in the registry, by name. */
export async function getPeople(): Promise<Person[]> {
  return [...(await content()).people.values()].sort((a, b) => a.data.name.localeCompare(b.data.name, 'en'));
}

/** Every country in the registry, by name. */
export async function getCountries(): Promise<Country[]> {
  return [...(await content()).countries.values()].sort((a, b) =>
    a.data.name.localeCompare(b.data.name, 'en'),
  );
}

/** Every organisation in the registry, by name. */
export async function getOrganisations(): Promise<Organisation[]> {
  return [...(await content()).organisations.values()].sort((a, b) =>
    a.data.name.localeCompare(b.data.name, 'en'),
  );
}

/** What an organisation's page shows above its articles and events. */
export interface OrganisationSummary {
  id: string;
  name: string;
  shortName?: string | undefined;
  kind: Organisation['data']['kind'];
  /** Under its current name. */
  country?: { id: string; name: string } | undefined;
  /**
   * The people with a role in it, by name, each with those roles' titles (as pages write them) and
   * only the dates the data gives: an ended role is never shown as held now.
   */
  people: {
    id: string;
    name: string;
    roles: { title: string; from?: string | undefined; until?: string | undefined }[];
  }[];
}

export async function organisationSummaryOf(organisation: Organisation): Promise<OrganisationSummary> {
  const { countries } = await content();
  const { name, shortName, kind, country } = organisation.data;
  const people = (await getPeople()).flatMap((person) => {
    const roles = person.data.roles
      .filter((role) => role.organisation?.id === organisation.id)
      .map((role) => ({
        title: roleTitle(role.title, organisation.data),
        from: role.from,
        until: role.until,
      }));
    return roles.length > 0 ? [{ id: person.id, name: person.data.name, roles }] : [];
  });
  return {
    id: organisation.id,
    name,
    shortName,
    kind,
    country: country && { id: country.id, name: countries.get(country.id)!.data.name },
    people,
  };
}

/** The organisations a person's roles name, by id (for their page's role list). */
export async function roleOrganisationsOf(person: Person): Promise<Map<string, Organisation['data']>> {
  const { organisations } = await content();
  return new Map(
    person.data.roles.flatMap((role) =>
      role.organisation
        ? [[role.organisation.id, organisations.get(role.organisation.id)!.data] as const]
        : [],
    ),
  );
}

/** Every place in the registry, by name. */
export async function getPlaces(): Promise<Place[]> {
  return [...(await content()).places.values()].sort((a, b) => a.data.name.localeCompare(b.data.name, 'en'));
}

/** The articles datelined at a place (newest first) and the timeline events there (latest first). */
export async function atPlace(id: string) {
  const articles = (await getArticles()).filter((article) => article.data.datelineId?.id === id);
  const events = (await mergedTimeline())
    .map(({ event }) => event)
    .filter((event) => event.placeEntry?.id === id)
    .reverse();
  return { articles, events };
}

/**
 * The articles (newest first) and timeline events (latest first) that involve a person,
 * organisation or country.
 */
export async function involving(kind: 'people' | 'organisations' | 'countries', id: string) {
  const articles = (await getArticles()).filter((article) => article.data[kind].some((ref) => ref.id === id));
  const events = (await mergedTimeline())
    .map(({ event }) => event)
    .filter((event) => event[kind].some((entity) => entity.id === id))
    .reverse();
  return { articles, events };
}

/**
 * The article's people and countries as of its date: `involved` as listed in the frontmatter,
 * in order of appearance in the text; `mentioned` as linked in the text (`mentionKeys` are the
 * "person:id" / "country:id" keys the mention linker recorded).
 */
export async function entitiesOf(article: Article, mentionKeys: readonly string[]) {
  const { people, organisations, countries, published } = article.data;
  const ids = (list: string[]) => list.map((id) => ({ id }));
  const linked = (kind: EntityKind) =>
    ids(mentionKeys.filter((key) => key.startsWith(`${kind}:`)).map((key) => key.slice(kind.length + 1)));
  const listed = (refs: readonly { id: string }[], kind: EntityKind) =>
    ids(
      byAppearance(
        refs.map((ref) => ref.id),
        kind,
        mentionKeys,
      ),
    );
  return {
    involved: {
      people: await peopleOn(listed(people, 'person'), published),
      organisations: await organisationsOn(listed(organisations, 'organisation'), published),
      countries: await countriesOn(listed(countries, 'country'), published),
    },
    mentioned: {
      people: await peopleOn(linked('person'), published),
      organisations: await organisationsOn(linked('organisation'), published),
      countries: await countriesOn(linked('country'), published),
    },
  };
}

/** The country a person represents. */
export async function countryOf(person: Person): Promise<Country> {
  return (await content()).countries.get(person.data.country.id)!;
}

/** What the MDX blocks of one article may show: its own photos, events and people. */
export interface BlockContext {
  id: string;
  /** The article's `lang`, when not the site's. */
  lang?: string | undefined;
  gallery: Article['data']['gallery'];
  events: EventView[];
  people: PersonOnDate[];
}

export async function blockContextOf(article: Article, events: EventView[]): Promise<BlockContext> {
  return {
    id: article.id,
    lang: article.data.lang,
    gallery: article.data.gallery,
    events,
    people: await peopleOn(article.data.people, article.data.published),
  };
}

let storyList: Promise<{ stories: Story[]; byStory: Map<string, Article[]> }> | undefined;

/** The stories with published articles, and each one's articles newest first: worked out once. */
function storyIndex() {
  storyList ??= content().then(({ stories, articles }) => {
    const byStory = new Map<string, Article[]>();
    for (const article of articles) {
      const id = article.data.story?.id;
      if (id) byStory.set(id, byStory.get(id)?.concat(article) ?? [article]);
    }
    const time = (article: Article) => parseWhen(article.data.published).start.getTime();
    const listed = [...stories.values()]
      .filter((story) => byStory.has(story.id))
      .sort(
        (a, b) =>
          Number(b.data.status === 'developing') - Number(a.data.status === 'developing') ||
          time(byStory.get(b.id)![0]!) - time(byStory.get(a.id)![0]!) ||
          a.id.localeCompare(b.id),
      );
    return { stories: listed, byStory };
  });
  return storyList;
}

/**
 * The stories with at least one published article (a story of drafts alone has nothing to show):
 * developing first, then by their latest article, newest first.
 */
export async function getStories(): Promise<Story[]> {
  return (await storyIndex()).stories;
}

/** A story's published articles, newest first. */
export async function articlesOf(story: { id: string }): Promise<Article[]> {
  return (await storyIndex()).byStory.get(story.id) ?? [];
}

/**
 * The incremental-build key of a story's page and feed: the story, and its articles in order, each
 * by {@link ownKeyOf} (which holds all the story shows of them: cards, events, people and places).
 * Editing one article renders its own story's pages again and leaves every other story's alone.
 */
export async function storyKeyOf(story: Story): Promise<string> {
  const articles = await articlesOf(story);
  return pageKey({ id: story.id, data: story.data }, await Promise.all(articles.map(ownKeyOf)));
}

/** What an article page shows of other entries: its story, its place in it, its related coverage. */
export interface ArticleLinks {
  story?: Story | undefined;
  place?: StoryPlace<Article> | undefined;
  related: Article[];
}

const articleLinks = new WeakMap<Article, Promise<ArticleLinks>>();

/** What relatedness reads of an article (src/lib/stories.ts). */
function coverageOf(article: Article) {
  const { story, people, organisations, countries } = article.data;
  const ids = (refs: readonly { id: string }[]) => refs.map((ref) => ref.id);
  return {
    id: article.id,
    story: story?.id,
    people: ids(people),
    organisations: ids(organisations),
    countries: ids(countries),
    article,
  };
}

let coverages: Promise<ReturnType<typeof coverageOf>[]> | undefined;

/** Every article's coverage, newest first: made once, as every article page compares against all. */
function coverageOfAll(): Promise<ReturnType<typeof coverageOf>[]> {
  coverages ??= getArticles().then((articles) => articles.map(coverageOf));
  return coverages;
}

/** The article's story with its previous and next articles, and at most three related articles. */
export function articleLinksOf(article: Article): Promise<ArticleLinks> {
  let links = articleLinks.get(article);
  if (!links) {
    links = (async () => {
      const { stories } = await content();
      const story = article.data.story && stories.get(article.data.story.id);
      const all = await coverageOfAll();
      const own = all.find((each) => each.article === article) ?? coverageOf(article);
      const related = relatedCoverage(own, all).map((each) => each.article);
      return {
        story,
        place: story ? storyPlace(await articlesOf(story), article.id) : undefined,
        related,
      };
    })();
    articleLinks.set(article, links);
  }
  return links;
}

/** A story's events from all of its articles in one timeline: an event several report appears once. */
export async function storyTimeline(story: { id: string }): Promise<MergedEvent<EventView>[]> {
  return mergeTimelines<EventView>(await Promise.all((await articlesOf(story)).map(timelineOf)));
}

/** The month an article is archived under ('2025-09'): that of the day its card shows. */
export function publishedMonth(article: Article): string {
  const day = calendarDay(article.data.published, displayZone(article.data));
  return day ? day.slice(0, 7) : groupKey(parseWhen(article.data.published));
}
