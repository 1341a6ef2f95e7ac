/**
 * One view model per page type: everything a page template shows, from one call. The templates in
 * src/pages/ only lay it out; what a page tells link previews and search engines comes from
 * src/seo/page-head.ts.
 */
import { render } from 'astro:content';
import { latestRole } from '../lib/entities.ts';
import { articlePhotos, describePhotoPage } from '../lib/gallery.ts';
import { plural } from '../lib/plural.ts';
import { plainText } from '../lib/sequence.ts';
import { siteSections, type NavLink } from '../lib/site-nav.ts';
import { updatesHeading } from '../lib/updates.ts';
import { archiveMonths } from '../lib/archive.ts';
import { paths } from '../lib/paths.ts';
import { site } from '../site.ts';
import { PLACED_PHOTOS } from '../markdown/remark-check-blocks.ts';
import {
  articleLinksOf,
  publishedMonth,
  getArticles,
  articlesOf,
  countriesOn,
  organisationsOn,
  storyTimeline,
  type Story,
  atPlace,
  blockContextOf,
  countryOf,
  entitiesOf,
  getOrganisations,
  getPeople,
  getPlaces,
  getStories,
  involving,
  organisationSummaryOf,
  peopleOn,
  placeOf,
  roleOrganisationsOf,
  timelineOf,
  storyKeyOf,
  updatesOf,
  type Article,
  type EventView,
  type Country,
  type Organisation,
  type Person,
  type Photo,
  type Place,
} from './data.ts';
import { displayZone } from '../lib/display-zone.ts';

/** An article in a list of other articles: its card, with its lead photo. */
export function articleCard(article: Article) {
  const { title, dek, published, lang, gallery } = article.data;
  return {
    href: paths.article(article.id),
    title,
    dek,
    published,
    lang,
    timeZone: displayZone(article.data),
    photo: gallery[0],
  };
}

/** An article's page: its rendered body, photos where they show, timeline, updates, who's who. */
export async function articlePage(article: Article) {
  const { Content, remarkPluginFrontmatter } = await render(article);
  const [entities, events, links] = await Promise.all([
    entitiesOf(article, remarkPluginFrontmatter['mentions'] ?? []),
    timelineOf(article),
    articleLinksOf(article),
  ]);
  const neighbour = (other: Article | undefined) =>
    other && { href: paths.article(other.id), title: other.data.title, lang: other.data.lang };
  // A photo the text places with <Photo> shows there alone: not above the text, not in "More photos".
  const { lead, more } = articlePhotos(article.data.gallery, remarkPluginFrontmatter[PLACED_PHOTOS] ?? []);
  return {
    Content,
    lead,
    more,
    events,
    entities,
    updates: updatesOf(article),
    timeZone: displayZone(article.data),
    /** What the MDX blocks read of the article they sit in (`Astro.locals.article`). */
    blockContext: await blockContextOf(article, events),
    /** The story it follows, and the articles before and after it there. */
    story: links.story &&
      links.place && {
        href: paths.story(links.story.id),
        title: links.story.data.title,
        lang: links.story.data.lang,
        status: links.story.data.status,
        position: links.place.position,
        total: links.place.total,
        previous: neighbour(links.place.previous),
        next: neighbour(links.place.next),
      },
    related: links.related.map(articleCard),
    /** "In this explainer": the page's sections that have something to show, in page order. */
    sections: [
      ...(article.data.updates.length > 0
        ? [{ href: '#updates-heading', label: updatesHeading(article.data.updates) }]
        : []),
      ...(events.length > 0 ? [{ href: '#timeline-heading', label: 'Timeline' }] : []),
      ...(more.length > 0 ? [{ href: '#gallery-heading', label: 'More photos' }] : []),
      { href: '#whos-who-heading', label: "Who's who" },
      ...(links.related.length > 0 ? [{ href: '#related-heading', label: 'Related coverage' }] : []),
    ],
  };
}

/** An article's whole timeline on a page of its own. */
export async function articleTimelinePage(article: Article) {
  return { events: await timelineOf(article) };
}

/** A timeline event on its own page: what its link preview and meta description say. */
export function eventPage(event: EventView) {
  return { description: `${event.label.text}: ${plainText(event.bodyHtml)}` };
}

/** Photo `index` of an article (`photos` in page order, `photosOf`) on its own page, with the people it shows. */
export async function photoPage(article: Article, photos: readonly Photo[], index: number) {
  const page = describePhotoPage({ slug: article.id, title: article.data.title }, photos, index);
  return { ...page, people: await peopleOn(page.photo.people, article.data.published) };
}

/** "Ada Example in Backstory's explainers: 2 articles and 1 timeline event." */
function involvementDescription(
  name: string,
  involved: { articles: readonly unknown[]; events: readonly unknown[] },
) {
  const { articles, events } = involved;
  return `${name} in ${site.name}'s explainers: ${plural(articles.length, 'article')} and ${plural(events.length, 'timeline event')}.`;
}

/** A person's page: their country, roles with their organisations, and what involves them. */
export async function personPage(person: Person) {
  const [country, involved, organisations] = await Promise.all([
    countryOf(person),
    involving('people', person.id),
    roleOrganisationsOf(person),
  ]);
  const role = latestRole(person.data.roles)?.title;
  const name = `${person.data.name}${role ? ` (${role})` : ''}`;
  return { country, ...involved, organisations, role, description: involvementDescription(name, involved) };
}

/** A country's page: its people and what involves it. */
export async function countryPage(country: Country) {
  const [involved, people] = await Promise.all([involving('countries', country.id), getPeople()]);
  return {
    ...involved,
    people: people.filter((person) => person.data.country.id === country.id),
    description: involvementDescription(country.data.name, involved),
  };
}

/** An organisation's page: who holds its roles, and what involves it. */
export async function organisationPage(organisation: Organisation) {
  const [involved, summary] = await Promise.all([
    involving('organisations', organisation.id),
    organisationSummaryOf(organisation),
  ]);
  return { ...involved, summary, description: involvementDescription(organisation.data.name, involved) };
}

/** A place's page: where it is, and what happened there or is datelined there. */
export async function placePage(place: Place) {
  const [view, involved] = await Promise.all([placeOf(place), atPlace(place.id)]);
  const description = `${view!.name}, ${view!.country.name}, in ${site.name}'s explainers: ${plural(involved.events.length, 'timeline event')}.`;
  return { place: view!, ...involved, description };
}

/** The site's sections, for the header and footer of every page. */
export async function siteNav(): Promise<NavLink[]> {
  const [stories, organisations, places] = await Promise.all([getStories(), getOrganisations(), getPlaces()]);
  return siteSections({
    stories: stories.length > 0,
    organisations: organisations.length > 0,
    places: places.length > 0,
  });
}

/**
 * A story's page: its articles newest first, their events in one timeline (an event several of
 * them report appears once, linked to each telling), and who and where it involves: the story's
 * own lists, then its articles', as of its latest article.
 */
export async function storyPage(story: Story) {
  const [articles, merged] = await Promise.all([articlesOf(story), storyTimeline(story)]);
  const latest = articles[0]!;
  const ids = (kind: 'people' | 'organisations' | 'countries') => {
    const refs: readonly { id: string }[] = [
      ...story.data[kind],
      ...articles.flatMap((article): readonly { id: string }[] => article.data[kind]),
    ];
    return [...new Set(refs.map((ref) => ref.id))].map((id) => ({ id }));
  };
  const [people, organisations, countries] = await Promise.all([
    peopleOn(ids('people'), latest.data.published),
    organisationsOn(ids('organisations'), latest.data.published),
    countriesOn(ids('countries'), latest.data.published),
  ]);
  return {
    articles: articles.map(articleCard),
    events: merged.map(({ event }) => event),
    tellings: new Map(merged.map(({ event, versions }) => [event.id, versions])),
    people,
    organisations,
    countries,
    // The counts first: a long summary is cut to fit a meta description.
    description: `${plural(articles.length, 'article')}, ${plural(merged.length, 'event')}: ${story.data.summary}`,
    /** The date a search result shows: the latest article's. */
    latest: { published: latest.data.published, timeZone: displayZone(latest.data) },
  };
}

/** The home page: the lead story, the latest after it, the developing stories, and the archive's months. */
export async function homePage() {
  const [articles, stories] = await Promise.all([getArticles(), getStories()]);
  const [lead, ...rest] = articles;
  const developing = stories.filter((story) => story.data.status === 'developing').slice(0, 5);
  return {
    lead: lead && articleCard(lead),
    latest: rest.slice(0, 10).map(articleCard),
    developing: await Promise.all(
      developing.map(async (story) => {
        const [latest] = await articlesOf(story);
        return {
          href: paths.story(story.id),
          title: story.data.title,
          summary: story.data.summary,
          lang: story.data.lang,
          latest: articleCard(latest!),
        };
      }),
    ),
    months: await archiveIndex(),
  };
}

/** The archive's months, newest first, with their counts and pages. */
export async function archiveIndex() {
  return archiveMonths((await getArticles()).map(publishedMonth));
}

/** Every month of the archive with its articles, newest first, for its pages. */
export async function archivePages() {
  const articles = await getArticles();
  return archiveMonths(articles.map(publishedMonth)).map((month) => ({
    ...month,
    articles: articles.filter((article) => publishedMonth(article) === month.key).map(articleCard),
  }));
}

/** One path per story with published articles, keyed by {@link storyKeyOf}: its page and its feed (src/pages/stories/[id]/). */
export async function storyPaths() {
  return Promise.all(
    (await getStories()).map(async (story) => ({
      params: { id: story.id },
      props: { story },
      cacheKey: await storyKeyOf(story),
    })),
  );
}
