/**
 * Every share image and structured-data crop of the site (src/seo/page-head.ts lists them), one
 * endpoint per image at the address its page names. Astro's incremental build copies an image
 * from the previous build while its `cacheKey` (everything it is drawn from) and this code are
 * unchanged; when only the code changed, the drawing cache (`cachedShareImage`) still answers
 * without drawing.
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { shareImageJobs } from '../../seo/share-images.ts';
import { SHARE_IMAGE_FOLDER } from '../../share-image/cards.ts';
import { cacheKey, cachedShareImage } from '../../share-image/render.ts';

export const getStaticPaths = (async () =>
  [...(await shareImageJobs()).values()].map((job) => {
    const key = cacheKey(job);
    return {
      params: { path: job.path.slice(`/${SHARE_IMAGE_FOLDER}/`.length, -'.jpg'.length) },
      props: { job, key },
      cacheKey: key,
    };
  })) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(new Uint8Array(await cachedShareImage(props.job, undefined, props.key)), {
    headers: { 'Content-Type': 'image/jpeg' },
  });
