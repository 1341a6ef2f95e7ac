/** Share images and structured-data crops, drawn at build (and read from the cache when unchanged). */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { cacheKey, cachedShareImage } from '../../lib/share-image-render';
import { shareImageJobs } from '../../sharing';

export const getStaticPaths = (async () =>
  [...(await shareImageJobs()).values()].map((job) => ({
    params: { path: job.path.replace(/^\/og\//, '') },
    props: { job },
    // The hash of everything the image is drawn from, as for the share-image cache.
    cacheKey: cacheKey(job),
  }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(new Uint8Array(await cachedShareImage(props.job)), {
    headers: { 'Content-Type': 'image/jpeg' },
  });
