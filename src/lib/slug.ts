/**
 * Slugs and entry ids: the one pattern every id in URLs and content/ follows. (Making a slug from a
 * headline is new-slug.ts, apart: its transliteration tables need not load with every check.)
 */

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
