/**
 * The share images of the site: one drawn card per page (an article's lead photo with its credit,
 * or a card of text), and an article's three structured-data crops. `src/pages/og/` draws them;
 * pages name theirs in their head (page-head.ts). The layouts are share-image/cards.ts.
 */
import {
  articlesOf,
  getArticles,
  getCountries,
  getOrganisations,
  getPeople,
  getPlaces,
  getStories,
  photosOf,
  timelineOf,
  type Article,
  type Photo,
  type PersonOnDate,
} from '../model/data.ts';
import { formatDay } from '../lib/date-format.ts';
import { displayZone } from '../lib/display-zone.ts';
import { latestRole } from '../lib/entities.ts';
import { distanceFromMain, groupLabel } from '../lib/event-labels.ts';
import { archiveIndex } from '../model/pages.ts';
import { describePhotoPage } from '../lib/gallery.ts';
import { paths } from '../lib/paths.ts';
import { plural } from '../lib/plural.ts';
import type { PreviewImage } from './seo.ts';
import { siteUrl } from './site-url.ts';
import {
  SHARE_IMAGE,
  STRUCTURED_CROPS,
  cardAlt,
  cropPath,
  shareImagePath,
  type CardSpec,
  type CropName,
  type ShareImageJob,
  type TextCard,
} from '../share-image/cards.ts';
import { site } from '../site.ts';

function photoCard(photo: Photo, drawCredit: boolean): CardSpec {
  return {
    kind: 'photo',
    file: photo.image.file,
    credit: photo.credit,
    placeholder: photo.placeholder,
    drawCredit,
  };
}

function articleCard(article: Article): TextCard {
  const { title, dateline, published } = article.data;
  // The day alone: a card has no room for a clock time, and a date-only article has none.
  return {
    kind: 'text',
    kicker: 'Explainer',
    title,
    lang: article.data.lang ?? site.lang,
    footer: `${dateline.toUpperCase()} · ${formatDay(published, displayZone(article.data))}`,
  };
}

function job(
  path: string,
  card: CardSpec,
  alt?: string,
  size: { width: number; height: number } = SHARE_IMAGE,
): ShareImageJob {
  return { path, card, width: size.width, height: size.height, alt: alt ?? cardAlt(card, site.name) };
}

function withNative(person: PersonOnDate): string {
  return person.nativeName ? `${person.name} (${person.nativeName.text})` : person.name;
}

/**
 * The photo that stands for an article in structured data: its lead photo, unless that is a
 * placeholder. A placeholder is never a preview or search image: the drawn text card stands in.
 */
export function leadImageOf(article: Article): Photo | undefined {
  const [lead] = article.data.gallery;
  return lead && !lead.placeholder ? lead : undefined;
}

/** A photo page's share card: the photo with its credit, or for a placeholder a card of text. */
function photoPageCard(article: Article, photos: readonly Photo[], index: number): CardSpec {
  const photo = photos[index]!;
  if (!photo.placeholder) return photoCard(photo, true);
  const { position } = describePhotoPage({ slug: article.id, title: article.data.title }, photos, index);
  return { ...articleCard(article), kicker: position, title: photo.caption };
}

/** The structured-data crops of an article: its lead photo, or its card when it has none (or a placeholder). */
function cropJobs(article: Article): ShareImageJob[] {
  const lead = leadImageOf(article);
  const articlePath = paths.article(article.id);
  return (Object.keys(STRUCTURED_CROPS) as CropName[]).map((crop) =>
    lead
      ? job(cropPath(articlePath, crop), photoCard(lead, false), lead.alt, STRUCTURED_CROPS[crop])
      : job(cropPath(articlePath, crop), articleCard(article), undefined, STRUCTURED_CROPS[crop]),
  );
}

let jobs: Promise<Map<string, ShareImageJob>> | undefined;

/** Every generated image of the site, by URL path: one share card per page, and the article crops. */
export function shareImageJobs(): Promise<Map<string, ShareImageJob>> {
  jobs ??= (async () => {
    const list: ShareImageJob[] = [];
    const page = (pagePath: string, card: CardSpec, alt?: string) =>
      list.push(job(shareImagePath(pagePath), card, alt));
    page(paths.home(), {
      kind: 'text',
      kicker: 'News explainers',
      title: site.description,
      footer: new URL(siteUrl()).host,
    });
    page(paths.timeline(), { kind: 'text', kicker: 'Timeline', title: 'Timeline of every story' });
    page(paths.people(), { kind: 'text', kicker: 'People', title: 'Everyone in the explainers' });
    page(paths.countries(), { kind: 'text', kicker: 'Countries', title: 'Every country in the explainers' });
    for (const person of await getPeople()) {
      const { name, nativeName, roles } = person.data;
      page(paths.person(person.id), {
        kind: 'text',
        kicker: 'People',
        title: name,
        names: nativeName ? [nativeName.text] : [],
        footer: latestRole(roles)?.title,
      });
    }
    for (const country of await getCountries()) {
      page(paths.country(country.id), { kind: 'text', kicker: 'Countries', title: country.data.name });
    }
    page(paths.organisations(), {
      kind: 'text',
      kicker: 'Organisations',
      title: 'Every organisation in the explainers',
    });
    for (const organisation of await getOrganisations()) {
      const { name, shortName } = organisation.data;
      page(paths.organisation(organisation.id), {
        kind: 'text',
        kicker: 'Organisations',
        title: name,
        footer: shortName !== name ? shortName : undefined,
      });
    }
    page(paths.about(), {
      kind: 'text',
      kicker: 'About',
      title: `What ${site.name} is, and how it treats its sources`,
    });
    page(paths.search(), { kind: 'text', kicker: 'Search', title: 'Search every explainer' });
    page(paths.stories(), { kind: 'text', kicker: 'Stories', title: 'The stories the explainers follow' });
    for (const story of await getStories()) {
      const articles = await articlesOf(story);
      page(paths.story(story.id), {
        kind: 'text',
        kicker: story.data.status === 'developing' ? 'Developing story' : 'Story',
        title: story.data.title,
        lang: story.data.lang ?? site.lang,
        footer: plural(articles.length, 'article'),
      });
    }
    page(paths.archive(), { kind: 'text', kicker: 'Archive', title: 'Every explainer, month by month' });
    const months = await archiveIndex();
    for (const month of months) {
      for (let index = 1; index <= month.pages; index++) {
        page(paths.archiveMonth(month.key, index), {
          kind: 'text',
          kicker: 'Archive',
          title: groupLabel(month.key),
          footer: month.pages > 1 ? `Page ${index} of ${month.pages}` : plural(month.count, 'article'),
        });
      }
    }
    page(paths.places(), { kind: 'text', kicker: 'Places', title: 'Every place in the explainers' });
    for (const place of await getPlaces()) {
      page(paths.place(place.id), { kind: 'text', kicker: 'Places', title: place.data.name });
    }
    for (const article of await getArticles()) {
      page(paths.article(article.id), articleCard(article));
      list.push(...cropJobs(article));
      const events = await timelineOf(article);
      if (events.length > 0) {
        page(paths.articleTimeline(article.id), {
          kind: 'text',
          kicker: 'Timeline',
          title: article.data.title,
          lang: article.data.lang ?? site.lang,
          footer: `${plural(events.length, 'event')}, in order`,
        });
      }
      events.forEach((event, index) => {
        page(event.href, {
          kind: 'text',
          kicker: `Timeline · Event ${index + 1} of ${events.length}`,
          title: event.title,
          lang: article.data.lang ?? site.lang,
          names: event.people.map(withNative),
          footer: [event.label.text, event.distance && distanceFromMain(event.distance)]
            .filter(Boolean)
            .join(' · '),
        });
      });
      const photos = await photosOf(article);
      for (const [index, photo] of photos.entries()) {
        const card = photoPageCard(article, photos, index);
        page(paths.photo(article.id, photo.id), card, cardAlt(card, site.name, photo.alt));
      }
    }
    const byPath = new Map<string, ShareImageJob>();
    for (const item of list) {
      if (byPath.has(item.path)) throw new Error(`share images: two images at ${item.path}`);
      byPath.set(item.path, item);
    }
    return byPath;
  })();
  return jobs;
}

/** The share image of a page: its own card, or the home page's for pages without one (404). */
export async function shareImageFor(pagePath: string): Promise<PreviewImage> {
  const all = await shareImageJobs();
  const found = all.get(shareImagePath(pagePath)) ?? all.get(shareImagePath(paths.home()))!;
  return {
    url: found.path,
    width: found.width,
    height: found.height,
    alt: found.alt,
    type: SHARE_IMAGE.type,
  };
}
