/**
 * The photo gallery's pure rules: where each photo lives (its page, its hash on the article),
 * its place in the sequence ("Photo 2 of 3") and what a photo page says about itself (its sizes
 * are in photos.ts). Shared by the pages and by the lightbox script, so both agree.
 */
import { paths } from './paths.ts';
import { neighbours } from './sequence.ts';
import { SLUG } from './slug.ts';

const PHOTO_HASH = new RegExp(`^#?photo-(${SLUG})$`);

/** The element id and URL hash of a photo on its article page: `photo-<id>`. */
export function photoAnchor(photoId: string): string {
  return `photo-${photoId}`;
}

/** The photo id a URL hash names ('#photo-x' -> 'x'), or undefined. */
export function photoIdFromHash(hash: string): string | undefined {
  const match = PHOTO_HASH.exec(hash);
  return match?.[1];
}

/** "Photo 2 of 3", from a 0-based index. */
export function positionLabel(index: number, total: number): string {
  return `Photo ${index + 1} of ${total}`;
}

/** The lightbox loops: one past the last photo is the first. */
export function wrapIndex(index: number, total: number): number {
  return ((index % total) + total) % total;
}

/** Where an article page shows its photos, each once. */
export interface ArticlePhotos<P> {
  /** The lead photo above the text, unless the text places it itself. */
  lead: P | undefined;
  /** "More photos": the rest, in gallery order, less those the text places. */
  more: P[];
}

/**
 * Where an article page shows each photo of its gallery (in order, the lead first), given the
 * ids the text places with <Photo>: a placed photo shows where it is placed and nowhere else.
 * The lead stays the article's image (share image, structured data) wherever it shows.
 */
export function articlePhotos<P extends { id: string }>(
  gallery: readonly P[],
  placed: readonly string[],
): ArticlePhotos<P> {
  const inText = new Set(placed);
  const [lead, ...rest] = gallery;
  return {
    lead: lead && !inText.has(lead.id) ? lead : undefined,
    more: rest.filter((photo) => !inText.has(photo.id)),
  };
}

/**
 * The photos of an article in the order a reader meets them on its page: the lead above the
 * text, those the text places (in the order it places them), then "More photos". The lightbox
 * steps through them in this order, and photo pages are numbered by it.
 */
export function photosInPageOrder<P extends { id: string }>(
  gallery: readonly P[],
  placed: readonly string[],
): P[] {
  const { lead, more } = articlePhotos(gallery, placed);
  const byId = new Map(gallery.map((photo) => [photo.id, photo]));
  const inText = [...new Set(placed)].flatMap((id) => byId.get(id) ?? []);
  return [...(lead ? [lead] : []), ...inText, ...more];
}

/** What the gallery needs to know of a photo. */
export interface GalleryPhoto {
  id: string;
  caption: string;
  credit: string;
  placeholder: boolean;
}

/** One caption line, as a link preview or a meta description shows it. */
export function photoDescription(photo: GalleryPhoto): string {
  return `${photo.placeholder ? 'Placeholder image. ' : ''}${photo.caption} (${photo.credit})`;
}

export interface PhotoPage<P extends GalleryPhoto> {
  photo: P;
  /** This photo's page. */
  href: string;
  /** "Photo 2 of 3". */
  position: string;
  title: string;
  description: string;
  previous?: { href: string; photo: P } | undefined;
  next?: { href: string; photo: P } | undefined;
  /**
   * The article. Not `#photo-<id>` on it: that hash opens the lightbox, and "back to the
   * article" should show the article.
   */
  articleHref: string;
}

/** Everything the page of photo `index` of an article shows and links to; `photos` in page order. */
export function describePhotoPage<P extends GalleryPhoto>(
  article: { slug: string; title: string },
  gallery: readonly P[],
  index: number,
): PhotoPage<P> {
  const { previous, next, position, total } = neighbours(gallery, index);
  const photo = gallery[index]!;
  const link = (other: P | undefined) => other && { href: paths.photo(article.slug, other.id), photo: other };
  const label = positionLabel(position - 1, total);
  return {
    photo,
    href: paths.photo(article.slug, photo.id),
    position: label,
    title: `${label}: ${article.title}`,
    description: photoDescription(photo),
    previous: link(previous),
    next: link(next),
    articleHref: paths.article(article.slug),
  };
}
