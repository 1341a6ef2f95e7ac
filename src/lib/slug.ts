/**
 * Slugs and entry ids: the one pattern every id in URLs and content/ follows, and the slugs made
 * for new articles (readable ASCII, transliterated from any script).
 */
import slugify from '@sindresorhus/slugify';

/**
 * The one shape of every slug and entry id: lower-case ASCII letters and digits, words joined by
 * single hyphens. A pattern source without anchors, so other patterns can embed it.
 */
export const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';

const WHOLE_SLUG = new RegExp(`^${SLUG}$`);

/** Whether `text` is a slug or entry id, whole: "paris-meeting" yes, "Paris", "a--b", "-a" no. */
export function isSlug(text: string): boolean {
  return WHOLE_SLUG.test(text);
}

/** Longest slug we make; long enough to stay readable, short enough for a shared link. */
export const MAX_SLUG = 60;

/**
 * "Зеленський зустрівся з Макроном" -> "zelenskiy-zustrivsya-z-makronom". Cut at a word boundary
 * when longer than {@link MAX_SLUG}. Throws when nothing readable is left.
 */
export function slugFor(headline: string): string {
  const full = slugify(headline, { decamelize: false });
  let slug = full;
  if (slug.length > MAX_SLUG) {
    slug = slug.slice(0, MAX_SLUG + 1);
    slug = slug.includes('-') ? slug.slice(0, slug.lastIndexOf('-')) : slug.slice(0, MAX_SLUG);
  }
  if (!isSlug(slug)) {
    throw new Error(`cannot make a URL slug from "${headline}": use a headline with letters or digits`);
  }
  return slug;
}
