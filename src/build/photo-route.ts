/**
 * `astro dev` only (injected by src/build/photos.ts): each size of each photo, made when
 * asked for (and read from the cache when made before). A build publishes them through the
 * integration instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getPhotoVariants } from '../model/data.ts';
import { PHOTO_ENCODING, PHOTO_FOLDER } from '../lib/photo-variants.ts';
import { cachedVariant, makeVariant } from '../files/photos.ts';

export const getStaticPaths = (async () =>
  (await getPhotoVariants()).map((variant) => ({
    params: { path: variant.path.slice(`/${PHOTO_FOLDER}/`.length) },
    props: { variant },
  }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) => {
  const file = cachedVariant(props.variant);
  if (!existsSync(file)) await makeVariant(props.variant, file);
  return new Response(new Uint8Array(readFileSync(file)), {
    headers: { 'Content-Type': `image/${PHOTO_ENCODING.format}` },
  });
};
