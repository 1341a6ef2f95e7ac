/**
 * Share images outside Astro's router. As pages of a route, the 13 images of each article were
 * work for every build even when reused (a generator entry, its log lines, a link, a manifest
 * entry); with this and a cache key worked out once, a warm build at 1,000 articles went from
 * 20.5 to 18.5 s (README, Benchmark). Instead:
 * - in a build, one unkeyed endpoint (src/routes/share-image-list.ts) writes the list of every
 *   share image with its cache key to LIST_PATH; after the build this integration reads it, draws
 *   the images the cache lacks, makes `dist/og/` hold exactly a hard link to each cached image, and
 *   removes the list;
 * - in `astro dev`, a route (src/routes/share-image.ts) draws each image when it is asked for.
 * `dist/og/` belongs to this integration: linked-output leaves it alone (astro.config.mjs).
 * Do not edit files in `dist/og/` in place: they are the cache's files too.
 */
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { SHARE_IMAGE_FOLDER, type ShareImageJob } from '../lib/share-image.ts';
import { emptyBut, linkInPlace } from './files.ts';

/** Where the build writes its list of share images for this integration (removed after). */
export const LIST_PATH = `/${SHARE_IMAGE_FOLDER}/share-images.json`;

/** One entry of the list: an image and the key of its cached file. */
export interface ListedImage {
  job: ShareImageJob;
  key: string;
}

export interface Published {
  drawn: number;
  /** Links made this build. */
  linked: number;
  /** Links the last build left in place. */
  kept: number;
  /** Files in the folder that no listed image owns any more (a deleted page's). */
  removed: number;
}

/** Draws `job` into the cache as `<key>.jpg` (share-image-render's `cachedShareImage`). */
export type Draw = (job: ShareImageJob, cacheDir: string, key: string) => Promise<unknown>;

/** The file in `outDir` an image is published at, refusing paths outside the share-image folder. */
function publishedPath(outDir: string, job: ShareImageJob): string {
  const prefix = `/${SHARE_IMAGE_FOLDER}/`;
  if (!job.path.startsWith(prefix) || job.path.split('/').includes('..')) {
    throw new Error(`share images: ${job.path} is not a path under ${prefix}`);
  }
  return join(outDir, job.path);
}

/**
 * Makes `<outDir>/og/` hold exactly the listed images, each a hard link to its cached file
 * `<cacheDir>/<key>.jpg` (a copy where the cache is on another file system), drawn first when
 * the cache lacks it. Files there that no listed image owns are removed, then empty folders.
 */
export async function publishShareImages(
  list: readonly ListedImage[],
  outDir: string,
  cacheDir: string,
  draw: Draw,
): Promise<Published> {
  const result: Published = { drawn: 0, linked: 0, kept: 0, removed: 0 };
  const owned = new Set<string>();
  const madeFolders = new Set<string>();
  for (const { job, key } of list) {
    const target = publishedPath(outDir, job);
    if (owned.has(target)) throw new Error(`share images: two images at ${job.path}`);
    owned.add(target);
    const cached = join(cacheDir, `${key}.jpg`);
    if (!existsSync(cached)) {
      await draw(job, cacheDir, key);
      result.drawn += 1;
    }
    try {
      if (linkInPlace(cached, target, madeFolders) === 'kept') {
        result.kept += 1;
        continue;
      }
    } catch {
      copyFileSync(cached, target); // the cache on another file system
    }
    result.linked += 1;
  }
  result.removed = emptyBut(join(outDir, SHARE_IMAGE_FOLDER), owned);
  return result;
}

/** Reads and removes the list the build wrote; names the file when it is missing or unreadable. */
function takeList(outDir: string): ListedImage[] {
  const file = join(outDir, LIST_PATH);
  let list: ListedImage[];
  try {
    list = JSON.parse(readFileSync(file, 'utf8')) as ListedImage[];
  } catch (error) {
    throw new Error(
      `share images: cannot read the build's list ${file} (${(error as Error).message}); src/routes/share-image-list.ts writes it`,
    );
  }
  rmSync(file);
  return list;
}

/**
 * With `trailingSlash: 'always'` the dev server finds the route at '/og/x.jpg/' only, and answers
 * the pages' '/og/x.jpg' with a 404: this hands it the address with the slash.
 */
function imageUrlsInDev(): Plugin {
  const image = new RegExp(`^/${SHARE_IMAGE_FOLDER}/[^?#]+\\.jpg(?=[?#]|$)`);
  return {
    name: 'backstory:share-image-urls',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        if (request.url) request.url = request.url.replace(image, '$&/');
        next();
      });
    },
  };
}

export function shareImages(): AstroIntegration {
  return {
    name: 'backstory:share-images',
    hooks: {
      'astro:config:setup': ({ command, injectRoute, updateConfig }) => {
        if (command === 'dev') updateConfig({ vite: { plugins: [imageUrlsInDev()] } });
        injectRoute(
          command === 'dev'
            ? {
                pattern: `/${SHARE_IMAGE_FOLDER}/[...path]`,
                entrypoint: new URL('../routes/share-image.ts', import.meta.url),
              }
            : { pattern: LIST_PATH, entrypoint: new URL('../routes/share-image-list.ts', import.meta.url) },
        );
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const list = takeList(outDir);
        // The drawing code (Satori, sharp, fonts) loads only when an image is not in the cache.
        const render = () => import('../lib/share-image-render.ts');
        const { defaultCacheDir } = await render();
        const draw: Draw = async (job, cacheDir, key) => {
          const { cachedShareImage } = await render();
          logger.info(`drawing ${job.path}`);
          await cachedShareImage(job, cacheDir, key);
        };
        const published = await publishShareImages(list, outDir, defaultCacheDir(), draw);
        logger.info(
          `${list.length} share image(s): ${published.drawn} drawn, ${published.linked} linked, ${published.kept} already in place, ${published.removed} stale removed`,
        );
      },
    },
  };
}
