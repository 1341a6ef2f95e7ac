/**
 * The gallery photos' published sizes, outside Astro's image pipeline. As `image()` imports, Vite
 * read, hashed and wrote all 3,000 originals (330 MB) of 1,000 articles on every build, and Astro
 * deleted them after (docs/decisions/0004-photo-sizes-after-the-build.md). Instead:
 * - in a build, one endpoint (src/build/photo-list-route.ts) writes the list of every size to
 *   LIST_PATH; after the build this integration reads
 *   it, makes the sizes its cache lacks (sharp, src/files/photos.ts), makes `dist/_photos/` hold
 *   exactly a hard link to each, and removes the list;
 * - in `astro dev`, a route (src/build/photo-route.ts) makes each size when it is asked for, and a
 *   replaced photo restarts the server, since no module imports it (`content`: where to watch).
 * A size's name carries a hash of the original's bytes, its width and the encoding
 * (src/lib/photo-variants.ts), so a changed photo gets new URLs and old ones can be cached forever.
 * Do not edit files in `dist/_photos/` in place: they are the cache's files too.
 */
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PHOTO_ENCODING, PHOTO_FILE, PHOTO_FOLDER, type PhotoVariant } from '../lib/photo-variants.ts';
import { cachedVariant, makeVariant, photoCacheDir } from '../files/photos.ts';
import { describePublished, publishFromCache, takeBuildList } from '../files/output.ts';
import { injectImageRoutes } from './image-routes.ts';

/** Where the build writes its list of photo sizes for this integration (removed after). */
const LIST_PATH = `/${PHOTO_FOLDER}/photos.json`;

export function photos({ content }: { content: string }): AstroIntegration {
  let folder = '';
  let watch: ((file: string) => void) | undefined;
  return {
    name: 'backstory:photos',
    hooks: {
      'astro:config:setup': (setup) => {
        const { command, config, addWatchFile } = setup;
        injectImageRoutes(setup, {
          folder: PHOTO_FOLDER,
          extension: PHOTO_ENCODING.format,
          listPath: LIST_PATH,
          listRoute: new URL('./photo-list-route.ts', import.meta.url),
          devRoute: new URL('./photo-route.ts', import.meta.url),
        });
        if (command === 'dev') {
          // The pages hold each photo's hash from when the server read it (src/model/data.ts): a
          // replaced photo restarts the server, as a config file does.
          folder = fileURLToPath(new URL(content, config.root));
          watch = addWatchFile;
          const names = existsSync(folder) ? readdirSync(folder, { recursive: true, encoding: 'utf8' }) : [];
          for (const name of names) if (PHOTO_FILE.test(name)) watch(join(folder, name));
        }
      },
      'astro:server:setup': ({ server }) => {
        // A photo added while the server runs (a new article's) is watched from then on.
        server.watcher.on('add', (file) => {
          if (file.startsWith(folder) && PHOTO_FILE.test(file)) watch?.(file);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const list = takeBuildList<PhotoVariant>(
          outDir,
          LIST_PATH,
          'photos',
          'src/build/photo-list-route.ts',
        );
        const cacheDir = photoCacheDir();
        const outputs = list.map((variant) => {
          const cached = cachedVariant(variant, cacheDir);
          return {
            path: variant.path,
            cached,
            make: async () => {
              logger.info(`making ${variant.path}`);
              await makeVariant(variant, cached);
            },
          };
        });
        const published = await publishFromCache(outputs, outDir, PHOTO_FOLDER, {
          label: 'photos',
          concurrency: availableParallelism(),
        });
        logger.info(describePublished(list.length, 'photo size(s)', 'made', published));
      },
    },
  };
}
