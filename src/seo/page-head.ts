/**
 * What each page tells link previews and search engines: its share image (share-images.ts), the
 * `article:*` meta tags, and its schema.org data. Built from the model (data.ts) once per build;
 * the rules are in seo.ts and structured-data.ts.
 */
import {
  countriesOn,
  modifiedOf,
  organisationsOn,
  peopleOn,
  type Article,
  type Photo,
  type EventView,
  type OrganisationOnDate,
  type PersonOnDate,
} from '../model/data.ts';
import { describePhotoPage } from '../lib/gallery.ts';
import { paths } from '../lib/paths.ts';
import { absoluteUrl, type ArticleMeta } from './seo.ts';
import { STRUCTURED_CROPS, cropPath, shareImagePath, type CropName } from '../share-image/cards.ts';
import { leadImageOf, shareImageJobs } from './share-images.ts';
import { siteUrl } from './site-url.ts';
import {
  breadcrumbs,
  newsArticle,
  photoObject,
  website,
  type EntityFacts,
  type JsonLd,
  type Organization,
} from './structured-data.ts';
import { site } from '../site.ts';

const url = (path: string) => absoluteUrl(path, siteUrl());

/** The publisher, for structured data. */
export function publisher(): Organization {
  return {
    name: site.name,
    url: url(paths.home()),
    logo: { url: url(site.logo.path), width: site.logo.width, height: site.logo.height },
  };
}

function personFacts(person: PersonOnDate): EntityFacts {
  return {
    kind: 'person',
    name: person.name,
    honorific: person.honorific,
    nativeName: person.nativeName?.text,
    jobTitles: person.roles,
    url: url(paths.person(person.id)),
  };
}

function organisationFacts(organisation: OrganisationOnDate): EntityFacts {
  return {
    kind: 'organisation',
    name: organisation.name,
    shortName: organisation.shortName,
    url: url(paths.organisation(organisation.id)),
  };
}

function countryFacts(country: { id: string; name: string }): EntityFacts {
  return { kind: 'country', name: country.name, code: country.id, url: url(paths.country(country.id)) };
}

/** The names an article or event is tagged with: people, then countries. */
function tagsOf(people: readonly { name: string }[], countries: readonly { name: string }[]): string[] {
  return [...people.map((person) => person.name), ...countries.map((country) => country.name)];
}

/** An article's tags (its `article:tag`s, and its categories in the feed): its people, then its countries. */
export async function articleTags(article: Article): Promise<string[]> {
  const { people, countries, published } = article.data;
  return tagsOf(await peopleOn(people, published), await countriesOn(countries, published));
}

function articleMetaOf(article: Article, tags: string[]): ArticleMeta {
  return { published: article.data.published, modified: modifiedOf(article), section: site.section, tags };
}

/** What the article page passes to the layout: article facts and its NewsArticle. */
export async function articleHead(article: Article) {
  const { data } = article;
  const people = await peopleOn(data.people, data.published);
  const countries = await countriesOn(data.countries, data.published);
  const organisations = await organisationsOn(data.organisations, data.published);
  // The story is about the people, organisations and countries of its main event; it mentions the others.
  const main = data.timeline.find((event) => event.main);
  const inMain = (kind: 'people' | 'organisations' | 'countries', id: string) =>
    !main || main[kind].some((ref) => ref.id === id);
  const lead = leadImageOf(article);
  const articleUrl = url(paths.article(article.id));
  const images = (Object.keys(STRUCTURED_CROPS) as CropName[]).map((crop) => ({
    url: url(cropPath(paths.article(article.id), crop)),
    ...STRUCTURED_CROPS[crop],
    caption: lead?.caption,
    creditText: lead?.credit,
    copyrightNotice: lead?.rights,
  }));
  const jsonLd: JsonLd[] = [
    newsArticle({
      url: articleUrl,
      headline: data.title,
      description: data.dek,
      published: data.published,
      modified: modifiedOf(article),
      dateline: data.dateline,
      byline: data.byline,
      section: site.section,
      inLanguage: site.lang,
      images,
      publisher: publisher(),
      about: [
        ...people.filter((p) => inMain('people', p.id)).map(personFacts),
        ...organisations.filter((o) => inMain('organisations', o.id)).map(organisationFacts),
        ...countries.filter((c) => inMain('countries', c.id)).map(countryFacts),
      ],
      mentions: [
        ...people.filter((p) => !inMain('people', p.id)).map(personFacts),
        ...organisations.filter((o) => !inMain('organisations', o.id)).map(organisationFacts),
        ...countries.filter((c) => !inMain('countries', c.id)).map(countryFacts),
      ],
    }),
  ];
  return { article: articleMetaOf(article, tagsOf(people, countries)), jsonLd };
}

/** What a timeline event's page passes to the layout. */
export async function eventHead(article: Article, event: EventView) {
  return {
    article: articleMetaOf(article, tagsOf(event.people, event.countries)),
    jsonLd: [
      breadcrumbs([
        { name: site.name, url: url(paths.home()) },
        { name: article.data.title, url: url(paths.article(article.id)) },
        { name: 'Timeline', url: url(paths.articleTimeline(article.id)) },
        { name: event.title, url: url(event.href) },
      ]),
    ],
  };
}

/** What the photo page's view model (src/model/pages.ts `photoPage`) holds. */
type PhotoPageView = ReturnType<typeof describePhotoPage<Photo>> & { people: readonly PersonOnDate[] };

/**
 * What a photo's page passes to the layout: its credits as an ImageObject. A placeholder gets
 * none: its share image is a card of text, not the photo the credits are for.
 */
export async function photoHead(article: Article, page: PhotoPageView) {
  const { photo, people } = page;
  const image = (await shareImageJobs()).get(shareImagePath(page.href))!;
  return {
    article: articleMetaOf(article, tagsOf(people, [])),
    jsonLd: [
      ...(photo.placeholder
        ? []
        : [
            photoObject({
              name: page.title,
              url: url(image.path),
              width: image.width,
              height: image.height,
              caption: photo.caption,
              creditText: photo.credit,
              copyrightNotice: photo.rights,
              pageUrl: url(page.href),
              articleUrl: url(paths.article(article.id)),
            }),
          ]),
      breadcrumbs([
        { name: site.name, url: url(paths.home()) },
        { name: article.data.title, url: url(paths.article(article.id)) },
        { name: page.position, url: url(page.href) },
      ]),
    ],
  };
}

/** The home page's WebSite data. */
export function homeHead() {
  return {
    jsonLd: [
      website({
        name: site.name,
        url: url(paths.home()),
        description: site.description,
        inLanguage: site.lang,
        publisher: publisher(),
      }),
    ],
  };
}
