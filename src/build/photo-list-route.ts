/**
 * Build only (injected by src/build/photos.ts): every size of every published photo. The
 * integration reads this file after the build, makes the sizes its cache lacks, publishes them
 * in dist/_photos/ and removes the file. Unkeyed, so every build writes it.
 */
import type { APIRoute } from 'astro';
import { getPhotoVariants } from '../model/data.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await getPhotoVariants()), {
    headers: { 'Content-Type': 'application/json' },
  });
