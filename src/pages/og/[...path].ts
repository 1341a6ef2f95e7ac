/** Share images and structured-data crops, drawn at build (and read from the cache when unchanged). */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { cacheKey, cachedShareImage, defaultCacheDir } from '../../lib/share-image-render';
import { shareImageJobs } from '../../sharing';

export const getStaticPaths = (async () =>
  [...(await shareImageJobs()).values()].map((job) => {
    // The hash of everything the image is drawn from: the share-image cache's key, and Astro's.
    const key = cacheKey(job);
    return { params: { path: job.path.replace(/^\/og\//, '') }, props: { job, key }, cacheKey: key };
  })) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(new Uint8Array(await cachedShareImage(props.job, defaultCacheDir(), props.key)), {
    headers: { 'Content-Type': 'image/jpeg' },
  });
