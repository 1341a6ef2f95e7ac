/**
 * `astro dev` only (injected by src/build/share-images.ts): each share image and
 * structured-data crop, drawn when asked for (and read from the cache when unchanged). A build
 * publishes them through the integration instead.
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { SHARE_IMAGE_FOLDER } from '../share-image/cards.ts';
import { cachedShareImage } from '../share-image/render.ts';
import { shareImageJobs } from '../seo/sharing.ts';

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
