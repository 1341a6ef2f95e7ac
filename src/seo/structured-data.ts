/**
 * schema.org structured data (JSON-LD) for search engines: a NewsArticle per article with its
 * images, dates, people and countries; ImageObject with credits for photo pages; breadcrumbs.
 * Builders return plain objects with no `undefined` in them; `jsonLdHtml` serialises one safely
 * for `<script type="application/ld+json" set:html={...}>`.
 */
import { machineDate, metaDescription } from './seo.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonLd = { [key: string]: JsonValue };

export interface Organization {
  name: string;
  /** Absolute URL of the home page. */
  url: string;
  logo: { url: string; width: number; height: number };
}

/** An image with the credit the page shows for it. */
export interface ImageFacts {
  /** Absolute URL. */
  url: string;
  width: number;
  height: number;
  caption?: string | undefined;
  /** Photographer / agency as the page credits them. */
  creditText?: string | undefined;
  /** Rights note. */
  copyrightNotice?: string | undefined;
}

/** A person, organisation or country the article is about or mentions. */
export type EntityFacts =
  | {
      kind: 'person';
      name: string;
      url: string;
      /** Honorific or rank ("Pol. Gen."), as `honorificPrefix`. */
      honorific?: string | undefined;
      nativeName?: string | undefined;
      /** Roles held on the article's date; none leaves `jobTitle` out, several make a list. */
      jobTitles?: readonly string[] | undefined;
    }
  | {
      kind: 'organisation';
      name: string;
      url: string;
      /** Its short name ('NATO'), as `alternateName`. */
      shortName?: string | undefined;
    }
  | { kind: 'country'; name: string; url: string; code: string };

export interface NewsArticleFacts {
  /** Absolute canonical URL. */
  url: string;
  headline: string;
  description: string;
  /** Calendar date or instant with offset, as in the frontmatter: a date stays a date. */
  published: string;
  modified?: string | undefined;
  dateline: string;
  byline: string;
  section: string;
  inLanguage: string;
  /** 16x9, 4x3 and 1x1 versions of the lead image. */
  images: readonly ImageFacts[];
  publisher: Organization;
  about: readonly EntityFacts[];
  mentions: readonly EntityFacts[];
}

/** Google reads at most this many characters of a headline; a longer one is cut at a word. */
export const MAX_HEADLINE = 110;

export function imageObject(image: ImageFacts): JsonLd {
  return compact({
    '@type': 'ImageObject',
    url: image.url,
    contentUrl: image.url,
    width: image.width,
    height: image.height,
    caption: image.caption,
    creditText: image.creditText,
    copyrightNotice: image.copyrightNotice,
  });
}

export function organization(org: Organization): JsonLd {
  return {
    '@type': 'Organization',
    name: org.name,
    url: org.url,
    logo: imageObject(org.logo),
  };
}

function entity(facts: EntityFacts): JsonLd {
  if (facts.kind === 'organisation')
    return compact({
      '@type': 'Organization',
      name: facts.name,
      alternateName: facts.shortName !== facts.name ? facts.shortName : undefined,
      url: facts.url,
    });
  return facts.kind === 'person'
    ? compact({
        '@type': 'Person',
        name: facts.name,
        honorificPrefix: facts.honorific,
        alternateName: facts.nativeName,
        jobTitle:
          !facts.jobTitles || facts.jobTitles.length === 0
            ? undefined
            : facts.jobTitles.length === 1
              ? facts.jobTitles[0]
              : [...facts.jobTitles],
        url: facts.url,
      })
    : { '@type': 'Country', name: facts.name, identifier: facts.code.toUpperCase(), url: facts.url };
}

/** A staff byline ("Backstory staff") is the organisation; any other byline is a person. */
function author(byline: string, publisher: Organization): JsonLd {
  return /\bstaff\b/i.test(byline) || byline === publisher.name
    ? { '@type': 'Organization', name: publisher.name, url: publisher.url }
    : { '@type': 'Person', name: byline };
}

export function newsArticle(facts: NewsArticleFacts): JsonLd {
  const published = machineDate(facts.published);
  return compact({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${facts.url}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': facts.url },
    url: facts.url,
    headline: metaDescription(facts.headline, MAX_HEADLINE),
    description: facts.description,
    image: facts.images.map(imageObject),
    datePublished: published,
    dateModified: facts.modified ? machineDate(facts.modified) : published,
    dateline: facts.dateline,
    articleSection: facts.section,
    inLanguage: facts.inLanguage,
    isAccessibleForFree: true,
    author: [author(facts.byline, facts.publisher)],
    publisher: organization(facts.publisher),
    about: facts.about.map(entity),
    mentions: facts.mentions.map(entity),
  });
}

/** A photo page: the photo with its caption and credits, as part of its article. */
export function photoObject(
  image: ImageFacts & { name: string; pageUrl: string; articleUrl: string },
): JsonLd {
  return compact({
    '@context': 'https://schema.org',
    ...imageObject(image),
    name: image.name,
    mainEntityOfPage: image.pageUrl,
    isPartOf: { '@id': `${image.articleUrl}#article` },
  });
}

export function breadcrumbs(items: readonly { name: string; url: string }[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.name,
      item: item.url,
    })),
  };
}

/** The home page: the site and who publishes it. */
export function website(facts: {
  name: string;
  url: string;
  description: string;
  inLanguage: string;
  publisher: Organization;
}): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: facts.name,
    url: facts.url,
    description: facts.description,
    inLanguage: facts.inLanguage,
    publisher: organization(facts.publisher),
  };
}

type Loose = { [key: string]: unknown } | unknown[];

/** Drops `undefined` values and empty arrays, recursively; throws on values JSON cannot carry. */
export function compact<T extends Loose>(value: T): JsonLd {
  return clean(value, '$') as JsonLd;
}

function clean(value: unknown, where: string): JsonValue | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`JSON-LD: ${where} is ${value}`);
    return value;
  }
  if (Array.isArray(value)) {
    const items = value.map((item, index) => clean(item, `${where}[${index}]`));
    if (items.some((item) => item === undefined)) throw new TypeError(`JSON-LD: ${where} holds undefined`);
    return items.length > 0 ? (items as JsonValue[]) : undefined;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) {
      const cleaned = clean(item, `${where}.${key}`);
      if (cleaned !== undefined) out[key] = cleaned;
    }
    return out;
  }
  throw new TypeError(`JSON-LD: ${where} is not plain data (${Object.prototype.toString.call(value)})`);
}

/**
 * JSON for an inline <script type="application/ld+json">: `<`, `>` and `&` escaped as \u003c
 * etc., so no text in the data can close the script or open a comment; U+2028/2029 escaped too.
 */
export function jsonLdHtml(data: JsonLd | JsonLd[]): string {
  const cleaned = Array.isArray(data) ? data.map((item) => compact(item)) : compact(data);
  return JSON.stringify(cleaned)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
