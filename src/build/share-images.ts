/**
 * Share images outside Astro's router. As pages of a route, the 13 images of each article were
 * work for every build even when reused (a generator entry, its log lines, a link, a manifest
 * entry); with this and a cache key worked out once, a warm build at 1,000 articles went from
 * 20.5 to 18.5 s (docs/decisions/0001-share-images-outside-the-pages.md). Instead:
 * - in a build, one unkeyed endpoint (src/build/share-image-list-route.ts) writes the list of every
 *   share image with its cache key to LIST_PATH; after the build this integration reads it, draws
 *   the images the cache lacks, makes `dist/og/` hold exactly a hard link to each cached image, and
 *   removes the list;
 * - in `astro dev`, a route (src/build/share-image-route.ts) draws each image when it is asked for.
 * `dist/og/` belongs to this integration: linked-output leaves it alone (astro.config.mjs).
 * Do not edit files in `dist/og/` in place: they are the cache's files too.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SHARE_IMAGE_FOLDER, type ShareImageJob } from '../share-image/cards.ts';
import { describePublished, publishFromCache, takeBuildList, type Published } from '../files/output.ts';
import { injectImageRoutes } from './image-routes.ts';

/** Where the build writes its list of share images for this integration (removed after). */
export const LIST_PATH = `/${SHARE_IMAGE_FOLDER}/share-images.json`;

/** One entry of the list: an image and the key of its cached file. */
export interface ListedImage {
  job: ShareImageJob;
  key: string;
}

/** Draws `job` into the cache as `<key>.jpg` (share-image-render's `cachedShareImage`). */
export type Draw = (job: ShareImageJob, cacheDir: string, key: string) => Promise<unknown>;

/**
 * Makes `<outDir>/og/` hold exactly the listed images, each a hard link to its cached file
 * `<cacheDir>/<key>.jpg`, drawn first when the cache lacks it (publishFromCache in files.ts).
 */
export async function publishShareImages(
  list: readonly ListedImage[],
  outDir: string,
  cacheDir: string,
  draw: Draw,
): Promise<Published> {
  return publishFromCache(
    list.map(({ job, key }) => ({
      path: job.path,
      cached: join(cacheDir, `${key}.jpg`),
      make: () => draw(job, cacheDir, key),
    })),
    outDir,
    SHARE_IMAGE_FOLDER,
    { label: 'share images' },
  );
}

export function shareImages(): AstroIntegration {
  return {
    name: 'backstory:share-images',
    hooks: {
      'astro:config:setup': (setup) =>
        injectImageRoutes(setup, {
          folder: SHARE_IMAGE_FOLDER,
          extension: 'jpg',
          listPath: LIST_PATH,
          listRoute: new URL('./share-image-list-route.ts', import.meta.url),
          devRoute: new URL('./share-image-route.ts', import.meta.url),
        }),
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const list = takeBuildList<ListedImage>(
          outDir,
          LIST_PATH,
          'share images',
          'src/build/share-image-list-route.ts',
        );
        // The drawing code (Satori, sharp, fonts) loads only when an image is not in the cache.
        const render = () => import('../share-image/render.ts');
        const { defaultCacheDir } = await render();
        const draw: Draw = async (job, cacheDir, key) => {
          const { cachedShareImage } = await render();
          logger.info(`drawing ${job.path}`);
          await cachedShareImage(job, cacheDir, key);
        };
        const published = await publishShareImages(list, outDir, defaultCacheDir(), draw);
        logger.info(describePublished(list.length, 'share image(s)', 'drawn', published));
      },
    },
  };
}
