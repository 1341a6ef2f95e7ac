/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild` in astro.config.mjs): a
 * page returned with a `cacheKey` is copied from the previous build instead of rendered again
 * when the key and the page's code are both unchanged. Astro hashes the code; the key must cover
 * every piece of data the page is rendered from, or a stale page is published.
 */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so equal data gives equal text whatever the key order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/** A short hex key for `parts`: it changes when any of them does. */
export function pageKey(...parts: unknown[]): string {
  return createHash('sha256').update(stableJson(parts)).digest('hex').slice(0, 32);
}

/** What Astro's prerenderer lists for each page to build (its `PathWithRoute`). */
export interface PagePath {
  pathname: string;
  route: { component: string };
  cacheKey?: string;
}

/**
 * Gives a key to the pages of the routes in `siteWide`: pages without `getStaticPaths` (home,
 * indexes, feed, 404), which Astro never keys, so it renders them on every build. Their key is that
 * of every keyed page together: it changes when any article, person or country does, since those
 * pages' keys cover all content (pageKeyOf, siteKeyOf in src/model/data.ts), and Astro reuses a page only
 * while its code is unchanged too. So a site-wide page may read any content, and nothing else that
 * changes between builds (the clock, the environment, files outside the content). Throws when
 * `siteWide` names a route that is not among the paths, or one that has keys of its own.
 */
export function withSiteWideKeys<P extends PagePath>(paths: readonly P[], siteWide: readonly string[]): P[] {
  const components = new Set(paths.map((path) => path.route.component));
  const unknown = siteWide.filter((component) => !components.has(component));
  if (unknown.length > 0) throw new Error(`site-wide pages: no page is built from ${unknown.join(', ')}`);
  const wanted = new Set(siteWide);
  const keyed = paths.filter((path) => path.cacheKey !== undefined);
  const ownKeys = keyed.filter((path) => wanted.has(path.route.component));
  if (ownKeys.length > 0)
    throw new Error(`site-wide pages: ${ownKeys[0]!.route.component} gives its pages keys of its own`);
  if (keyed.length === 0) return [...paths];
  const siteKey = pageKey(keyed.map(({ pathname, cacheKey }) => [pathname, cacheKey]).sort());
  return paths.map((path) => (wanted.has(path.route.component) ? { ...path, cacheKey: siteKey } : path));
}
