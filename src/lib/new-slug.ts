/**
 * The slug made for a new article: readable ASCII, transliterated from any script (`npm run new`).
 */
import slugify from '@sindresorhus/slugify';
import { isSlug } from './slug.ts';

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
