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
import { site } from '../site.ts';
import { PLACED_PHOTOS } from '../markdown/remark-check-blocks.ts';
import {
  atPlace,
  blockContextOf,
  countryOf,
  entitiesOf,
  getOrganisations,
  getPeople,
  getPlaces,
  involving,
  organisationSummaryOf,
  peopleOn,
  placeOf,
  roleOrganisationsOf,
  timelineOf,
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

/** An article's page: its rendered body, photos where they show, timeline, updates, who's who. */
export async function articlePage(article: Article) {
  const { Content, remarkPluginFrontmatter } = await render(article);
  const [entities, events] = await Promise.all([
    entitiesOf(article, remarkPluginFrontmatter['mentions'] ?? []),
    timelineOf(article),
  ]);
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
  const [organisations, places] = await Promise.all([getOrganisations(), getPlaces()]);
  return siteSections({ organisations: organisations.length > 0, places: places.length > 0 });
}
