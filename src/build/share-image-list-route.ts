/**
 * Build only (injected by src/build/share-images.ts): every share image and
 * structured-data crop of the site with the hash of everything it is drawn from, its cache key.
 * The integration reads this file after the build, draws what the cache lacks, publishes the
 * images in dist/og/ and removes the file. Unkeyed, so it is written by every build.
 */
import type { APIRoute } from 'astro';
import type { ListedImage } from './share-images.ts';
import { cacheKey } from '../share-image/render.ts';
import { shareImageJobs } from '../seo/sharing.ts';

export const GET: APIRoute = async () => {
  const list: ListedImage[] = [...(await shareImageJobs()).values()].map((job) => ({
    job,
    key: cacheKey(job),
  }));
  return new Response(JSON.stringify(list), { headers: { 'Content-Type': 'application/json' } });
};
