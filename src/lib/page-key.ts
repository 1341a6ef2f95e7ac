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
