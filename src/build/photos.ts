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
import type { Plugin } from 'vite';
import { PHOTO_ENCODING, PHOTO_FILE, PHOTO_FOLDER, type PhotoVariant } from '../lib/photo-variants.ts';
import { cachedVariant, makeVariant, photoCacheDir } from '../files/photos.ts';
import { describePublished, publishFromCache, takeBuildList } from '../files/output.ts';

/** Where the build writes its list of photo sizes for this integration (removed after). */
const LIST_PATH = `/${PHOTO_FOLDER}/photos.json`;

/**
 * With `trailingSlash: 'always'` the dev server finds the route '/_photos/[...path]' at
 * '/_photos/x.webp/' only, and answers the pages' '/_photos/x.webp' with a 404: this hands it the
 * address with the slash.
 */
function slashedInDev(): Plugin {
  const file = new RegExp(`^/${PHOTO_FOLDER}/[^?#]+\\.${PHOTO_ENCODING.format}(?=[?#]|$)`);
  return {
    name: 'backstory:photos-slashed-in-dev',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        if (request.url) request.url = request.url.replace(file, '$&/');
        next();
      });
    },
  };
}

export function photos({ content }: { content: string }): AstroIntegration {
  let folder = '';
  let watch: ((file: string) => void) | undefined;
  return {
    name: 'backstory:photos',
    hooks: {
      'astro:config:setup': (setup) => {
        const { command, config, addWatchFile, injectRoute, updateConfig } = setup;
        // In a build, the list of sizes this integration reads after it; in dev, each size on request.
        if (command !== 'dev') {
          injectRoute({ pattern: LIST_PATH, entrypoint: new URL('./photo-list-route.ts', import.meta.url) });
        } else {
          updateConfig({ vite: { plugins: [slashedInDev()] } });
          injectRoute({
            pattern: `/${PHOTO_FOLDER}/[...path]`,
            entrypoint: new URL('./photo-route.ts', import.meta.url),
          });
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
