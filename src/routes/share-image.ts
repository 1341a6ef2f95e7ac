/**
 * `astro dev` only (injected by src/integrations/share-images.ts): each share image and
 * structured-data crop, drawn when asked for (and read from the cache when unchanged). A build
 * publishes them through the integration instead.
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { SHARE_IMAGE_FOLDER } from '../lib/share-image';
import { cachedShareImage } from '../lib/share-image-render';
import { shareImageJobs } from '../sharing';

export const getStaticPaths = (async () =>
  [...(await shareImageJobs()).values()].map((job) => ({
    params: { path: job.path.slice(`/${SHARE_IMAGE_FOLDER}/`.length) },
    props: { job },
  }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(new Uint8Array(await cachedShareImage(props.job)), {
    headers: { 'Content-Type': 'image/jpeg' },
  });
