/**
 * Warm builds without copying. Astro keeps a copy of every keyed page (incremental build,
 * `<cacheDir>/dist/`) and of every optimized image (`<cacheDir>/assets/`). On
 * its own it empties `dist/` and copies each of them back; on these disks freeing and rewriting
 * those blocks took 49 of the 64 s of a warm build at 1,000 articles.
 *
 * This integration makes each such file in `dist/` a hard link to its cached copy:
 * - before generation it links every cached copy into place (a link the last build left is kept)
 *   and empties `dist/` of everything else; Astro finds an unchanged page there and leaves it;
 * - after the pages, it takes the images it linked out of Astro's list of images to make, which
 *   would only copy each onto its own link (a prerenderer wrapper's teardown: Astro makes the
 *   images after it);
 * - after the build it removes every link this build did not produce (the pages and images of a
 *   deleted article), so nothing stale is published, with a stale image's cached copy (Astro's
 *   image cache never forgets one), and replaces each cached copy Astro wrote
 *   this build with a link to the file in `dist/`: the bytes are the same, and the next build
 *   finds them linked.
 * A page Astro renders again is written through its link, and Astro writes the same bytes to its
 * copy. Where links cannot be made (the cache on another file system), Astro copies as before.
 * Do not edit files in `dist/` in place: they are the cache's files too. The folders named in
 * `keep` (share-images.ts's `og/`, photos.ts's `_photos/`) are another integration's, and left alone.
 *
 * The same prerenderer wrapper gives the `siteWidePages` a key, so that a warm build reuses them
 * too (Astro keys only routes with getStaticPaths): Astro keeps one prerenderer, so both live here.
 */
import { linkSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { withSiteWideKeys } from '../lib/page-key.ts';
import { emptyBut, linkInPlace, walk } from './files.ts';

/** A cache folder whose files belong at the same relative paths under a folder of dist/. */
interface Mirror {
  cache: string;
  output: string;
  /** The links made into `output` at the start of this build. */
  linked: string[];
  /** Whether a file of `cache` is an output; default all. */
  isOutput?: (file: string) => boolean;
  /**
   * Delete the cached copy of a file this build did not produce. Astro's image cache keeps every
   * image it ever made; each stale one would be linked in and removed again on every build.
   */
  dropStale?: boolean;
}

/** Kept when emptying, as Astro does: a checked-out publishing branch in dist/. */
const ALWAYS_KEPT = ['.git'];

type ImageList = Map<string, { transforms: Map<string, { finalPath: string }> }>;

/**
 * Astro's build-time image state (an internal global, which its image plugin sets up for every
 * build: undefined only if a new Astro moved it). Its list is undefined when the build made no image.
 */
function astroAssets(): { staticImages?: ImageList } | undefined {
  return (globalThis as { astroAsset?: { staticImages?: ImageList } }).astroAsset;
}

/** The optimized images this build wrote, from Astro's image list; undefined without Astro's state. */
function optimizedImages(outDir: string): string[] | undefined {
  const assets = astroAssets();
  return assets
    ? [...(assets.staticImages ?? new Map<never, never>()).values()].flatMap(({ transforms }) =>
        [...transforms.values()].map(({ finalPath }) => join(outDir, decodeURI(finalPath))),
      )
    : undefined;
}

/**
 * Takes out of Astro's image list every image that is in `mirror.output` already, as a link to its
 * cached copy: Astro would copy that copy onto the link, a no-op costing a file-system round trip
 * and a log line each (0.12 ms: 1.4 s for the 12,000 images of 1,000 articles). An original whose every size is
 * taken out keeps its entry, so that Astro still deletes it from dist/. Returns the files taken out.
 */
function takeOutLinkedImages(mirror: Mirror, outDir: string): string[] {
  const linked = new Set(mirror.linked);
  const takenOut: string[] = [];
  for (const [original, { transforms }] of astroAssets()?.staticImages ?? []) {
    // A remote image's copy has an expiry, which Astro checks when it makes the image: left in.
    if (/^https?:/.test(original)) continue;
    for (const [hash, { finalPath }] of transforms) {
      const file = join(outDir, decodeURI(finalPath));
      if (!linked.has(file)) continue;
      transforms.delete(hash);
      takenOut.push(file);
    }
  }
  return takenOut;
}

/** The cached copy of `file` if it lies in `mirror`'s output folder. */
function copyIn(mirror: Mirror, file: string): string | undefined {
  // A prefix test, not path.relative: this runs for every file produced (22,000 at 1,000 articles).
  return file.startsWith(`${mirror.output}${sep}`)
    ? join(mirror.cache, file.slice(mirror.output.length))
    : undefined;
}

/**
 * Puts a hard link to each file of `mirror.cache` at the same place in `mirror.output`, but where
 * one is there already (the last build left it). Returns whether links could be made, and how
 * many were there already.
 */
function linkIn(mirror: Mirror, logger: AstroIntegrationLogger): { ok: boolean; kept: number } {
  let kept = 0;
  const made = new Set<string>();
  for (const source of walk(mirror.cache).files.filter(mirror.isOutput ?? (() => true))) {
    const target = join(mirror.output, source.slice(mirror.cache.length));
    mirror.linked.push(target);
    try {
      if (linkInPlace(source, target, made) === 'kept') kept += 1;
    } catch (error) {
      mirror.linked.pop();
      logger.warn(
        `cannot hard-link ${source} to ${target} (${(error as Error).message}); Astro copies instead`,
      );
      return { ok: false, kept };
    }
  }
  return { ok: true, kept };
}

/** Deletes `files`, then each folder up to `root` that this left empty. */
function removeWithEmptyFolders(files: readonly string[], root: string): void {
  const folders = new Set<string>();
  for (const file of files) {
    rmSync(file, { force: true });
    folders.add(dirname(file));
  }
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    for (let dir = folder; dir.startsWith(root) && dir !== root; dir = dirname(dir)) {
      try {
        rmdirSync(dir);
      } catch {
        break; // not empty
      }
    }
  }
}

/** Makes the cached copy of each produced file (where there is one) a link to it. */
function linkBack(mirror: Mirror, produced: readonly string[]): void {
  const linked = new Set(mirror.linked);
  for (const file of produced) {
    const copy = copyIn(mirror, file);
    if (linked.has(file) || !copy) continue;
    let ours, theirs;
    try {
      [ours, theirs] = [statSync(file), statSync(copy)];
    } catch {
      continue; // not cached: an unkeyed page
    }
    if (ours.ino === theirs.ino || ours.size !== theirs.size) continue;
    const temporary = `${copy}.linking`;
    rmSync(temporary, { force: true });
    linkSync(file, temporary);
    renameSync(temporary, copy);
  }
}

/**
 * `keep`: top-level folders of dist/ that another integration fills and empties itself
 * (share-images.ts keeps `og/` between builds).
 * `siteWidePages`: routes without getStaticPaths (home, indexes, feed) whose pages are reused, as
 * keyed pages are, while no keyed page changed (withSiteWideKeys in src/lib/page-key.ts).
 */
export function linkedOutput(
  options: { keep?: readonly string[]; siteWidePages?: readonly string[] } = {},
): AstroIntegration {
  const keep = new Set([...ALWAYS_KEPT, ...(options.keep ?? [])]);
  const siteWide = options.siteWidePages ?? [];
  let outDir = '';
  let pages: Mirror | undefined;
  let images: Mirror | undefined;
  let linking = true;
  /** Images already linked, taken out of Astro's list (see takeOutLinkedImages). */
  let imagesInPlace: string[] = [];
  return {
    name: 'backstory:linked-output',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        if (!config.experimental.incrementalBuild) return;
        // Emptying dist/ is done here, before the links go in.
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        if (!config.experimental.incrementalBuild) return;
        // resolve() drops the trailing slash, for the prefix tests of copyIn.
        outDir = resolve(fileURLToPath(config.outDir));
        const cache = (path: string) => resolve(fileURLToPath(new URL(path, config.cacheDir)));
        pages = { cache: cache('dist/'), output: outDir, linked: [] };
        images = {
          cache: cache('assets/'),
          output: join(outDir, config.build.assets),
          linked: [],
          // Astro's metadata for remote images sits beside them; it is not an output.
          isOutput: (file) => !file.endsWith('.json'),
          dropStale: true,
        };
      },
      'astro:build:start': ({ logger, setPrerenderer }) => {
        if (!pages || !images) return;
        let kept = 0;
        for (const mirror of [pages, images]) {
          const link = linkIn(mirror, logger);
          kept += link.kept;
          linking = link.ok;
          if (!linking) break;
        }
        emptyBut(outDir, new Set([...pages.linked, ...images.linked]), keep);
        logger.info(
          `${pages.linked.length + images.linked.length - kept} cached file(s) linked into ${outDir}, ${kept} already there`,
        );
        const imageMirror = images;
        // Astro's default prerenderer is a plain object, so spreading it keeps its methods; an
        // adapter that sets a prerenderer of its own would be replaced here (there is none).
        setPrerenderer((prerenderer) => ({
          ...prerenderer,
          getStaticPaths: async () => withSiteWideKeys(await prerenderer.getStaticPaths(), siteWide),
          // Astro makes the images after the pages, once the prerenderer's teardown has run.
          teardown: async () => {
            await prerenderer.teardown?.();
            if (linking) imagesInPlace = takeOutLinkedImages(imageMirror, outDir);
          },
        }));
      },
      'astro:build:done': ({ assets, logger }) => {
        if (!pages || !images) return;
        const producedPages = [...assets.values()].flat().map((url) => fileURLToPath(url));
        const listed = optimizedImages(outDir);
        const producedImages = listed && [...listed, ...imagesInPlace];
        imagesInPlace = [];
        if (!producedImages && images.linked.length) {
          throw new Error(
            `linked-output: Astro gave no state of the images it wrote (globalThis.astroAsset), so the ${images.linked.length} images linked into ${images.output} cannot be told from stale ones. Delete node_modules/.astro/assets and build again; if this persists, this Astro version moved the list: update src/integrations/linked-output.ts.`,
          );
        }
        let stale = 0;
        for (const [mirror, produced] of [
          [pages, producedPages],
          [images, producedImages ?? []],
        ] as const) {
          const keep = new Set(produced);
          const gone = mirror.linked.filter((file) => !keep.has(file));
          removeWithEmptyFolders(gone, outDir);
          if (mirror.dropStale) {
            for (const copy of gone.map((file) => copyIn(mirror, file)!)) {
              for (const each of [copy, `${copy}.json`]) rmSync(each, { force: true });
            }
          }
          stale += gone.length;
          if (linking) linkBack(mirror, produced);
          mirror.linked = [];
        }
        if (stale) logger.info(`removed ${stale} linked file(s) this build did not produce`);
      },
    },
  };
}
