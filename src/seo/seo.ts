/**
 * Text for <head>: titles that fit search results, absolute ASCII URLs, dates as precise as the
 * data (an instant with its UTC offset, a calendar date alone), and the full set of link-preview tags (Open Graph, article:*, Twitter, robots) built
 * from one description of the page.
 */
import { tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { parseWhen } from '../lib/dates.ts';

/** Longest <title> we write, counted as html-validate and crawlers count it: escaped characters included. */
export const MAX_TITLE = 70;

/**
 * Longest description we write: a safety cap for generated ones (an event's whole body), so that
 * previews never get a wall of text. Search results show less; captions and deks fit whole.
 */
export const MAX_DESCRIPTION = 300;

function escapedLength(text: string): number {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .length;
}

/** `text` cut at the last word boundary that leaves room for an ellipsis within `max` escaped characters. */
function cutAtWord(text: string, max: number): string {
  let cut = '';
  for (const word of text.split(/\s+/)) {
    const next = cut ? `${cut} ${word}` : word;
    if (escapedLength(`${next}…`) > max) break;
    cut = next;
  }
  return `${cut.replace(/[\s,;:.-]+$/, '')}…`;
}

/**
 * "Title | Site" when it fits, the title alone when only that fits, else the title cut at a word
 * boundary with an ellipsis. The page's <h1> always keeps the full title.
 */
export function documentTitle(title: string, siteName: string, max = MAX_TITLE): string {
  if (title === siteName) return title;
  const withSite = `${title} | ${siteName}`;
  if (escapedLength(withSite) <= max) return withSite;
  if (escapedLength(title) <= max) return title;
  return cutAtWord(title, max);
}

/** The description with whitespace collapsed, cut at a word boundary when longer than `max`. */
export function metaDescription(text: string, max = MAX_DESCRIPTION): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return escapedLength(clean) <= max ? clean : cutAtWord(clean, max);
}

const ASCII_URL = /^[\x21-\x7e]+$/;

/**
 * `path` (site-relative or absolute) as an absolute URL on `site`, in ASCII: non-ASCII path
 * characters percent-encoded, an international host in punycode. Throws on anything else.
 */
export function absoluteUrl(path: string, site: string | URL): string {
  const href = new URL(path, site).href;
  if (!ASCII_URL.test(href)) throw new Error(`"${href}" is not an ASCII URL`);
  return href;
}

/**
 * A date as machines read it (`article:published_time`, schema.org `datePublished`, the feed's
 * `dcterms:*`), never more precise than the data: a calendar date stays as written ('2025-09-04',
 * valid ISO 8601 and schema.org `Date`), so no clock time is made up for it; an instant is written
 * in full with the offset the editor gave ('2025-09-04T14:30:00+02:00').
 */
export function machineDate(value: string): string {
  const when = parseWhen(value);
  if (when.precision !== 'instant') return when.iso;
  const offset = /(Z|[+-]\d{2}:\d{2})$/.exec(value)![1]!;
  return format(when.start, "yyyy-MM-dd'T'HH:mm:ssxxx", { in: tz(offset === 'Z' ? 'UTC' : offset) });
}

/**
 * The RSS `pubDate`: an instant as it is, and nothing for a calendar date. `pubDate` is optional
 * in RSS 2.0 and needs a clock time, which a date alone does not have: giving one would make it
 * up. The feed carries every date as written in `dcterms:issued` ({@link machineDate}).
 */
export function feedDate(value: string): Date | undefined {
  const when = parseWhen(value);
  return when.precision === 'instant' ? when.start : undefined;
}

/** An image for link previews. */
export interface PreviewImage {
  /** Site-relative or absolute URL. */
  url: string;
  width: number;
  height: number;
  /** What the image shows. */
  alt: string;
  /** MIME type, e.g. 'image/jpeg'. */
  type: string;
}

/**
 * What the Open Graph `article:*` meta tags say about a page that is (part of) a news article.
 * (The JSON-LD of an article takes `NewsArticleFacts`, structured-data.ts.)
 */
export interface ArticleMeta {
  /** Calendar date or instant with offset, as in the frontmatter. */
  published: string;
  modified?: string | undefined;
  section: string;
  /** People and countries, as readers know them. */
  tags: readonly string[];
}

export interface PageMetaInput {
  /** Page title without the site name. */
  title: string;
  description: string;
  /** The page's path, e.g. '/articles/x/'. */
  path: string;
  site: { url: string | URL; name: string; locale: string };
  image: PreviewImage;
  /** Articles and their events and photos; other pages are 'website'. */
  article?: ArticleMeta | undefined;
  /** Keep the page out of search results (the 404 page). */
  noindex?: boolean | undefined;
}

/** One <meta>: `property` for Open Graph and article:*, `name` for the rest. */
export type MetaTag = { property: string; content: string } | { name: string; content: string };

export interface PageMeta {
  /** The <title>. */
  title: string;
  description: string;
  /** Absent on noindex pages (the 404 page has no address of its own). */
  canonical?: string | undefined;
  tags: MetaTag[];
}

export const ROBOTS_INDEX = 'index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1';
export const ROBOTS_NOINDEX = 'noindex, follow, max-image-preview:large';

/** Every <head> tag that previews and crawlers read, from one description of the page. */
export function pageMeta(input: PageMetaInput): PageMeta {
  const { site, image, article } = input;
  const canonical = input.noindex ? undefined : absoluteUrl(input.path, site.url);
  const description = metaDescription(input.description);
  const ogTitle = input.title;
  const tags: MetaTag[] = [
    { name: 'description', content: description },
    { name: 'robots', content: input.noindex ? ROBOTS_NOINDEX : ROBOTS_INDEX },
    { property: 'og:type', content: article ? 'article' : 'website' },
    { property: 'og:site_name', content: site.name },
    { property: 'og:locale', content: site.locale },
    { property: 'og:title', content: ogTitle },
    { property: 'og:description', content: description },
    ...(canonical ? [{ property: 'og:url', content: canonical }] : []),
    { property: 'og:image', content: absoluteUrl(image.url, site.url) },
    { property: 'og:image:type', content: image.type },
    { property: 'og:image:width', content: String(image.width) },
    { property: 'og:image:height', content: String(image.height) },
    { property: 'og:image:alt', content: image.alt },
  ];
  if (article) {
    tags.push({
      property: 'article:published_time',
      content: machineDate(article.published),
    });
    if (article.modified) {
      tags.push({
        property: 'article:modified_time',
        content: machineDate(article.modified),
      });
    }
    tags.push({ property: 'article:section', content: article.section });
    for (const tag of article.tags) tags.push({ property: 'article:tag', content: tag });
  }
  // X reads the Open Graph tags, but other consumers of Twitter cards (and validators) read only
  // their own names.
  tags.push(
    { name: 'twitter:card', content: 'summary_large_image' },
    { name: 'twitter:title', content: ogTitle },
    { name: 'twitter:description', content: description },
    { name: 'twitter:image', content: absoluteUrl(image.url, site.url) },
    { name: 'twitter:image:alt', content: image.alt },
  );
  return { title: documentTitle(input.title, site.name), description, canonical, tags };
}
