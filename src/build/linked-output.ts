/**
 * Warm builds without copying. Astro keeps a copy of every keyed page (incremental build,
 * `<cacheDir>/dist/`). On its own it empties `dist/` and copies each of them back; on these disks
 * freeing and rewriting those blocks took 49 of the 64 s of a warm build at 1,000 articles.
 *
 * This integration makes each such file in `dist/` a hard link to its cached copy:
 * - before generation it links every cached copy into place (a link the last build left is kept)
 *   and empties `dist/` of everything else; Astro finds an unchanged page there and leaves it;
 * - after the build it removes every link this build did not produce (the pages of a deleted
 *   article), so nothing stale is published, and replaces each cached copy Astro wrote this build
 *   with a link to the file in `dist/`: the bytes are the same, and the next build finds them
 *   linked.
 * Images made by Astro's own pipeline (none: photos have their own, photos.ts) are copied by
 * Astro from its image cache as usual.
 * A page Astro renders again is written through its link, and Astro writes the same bytes to its
 * copy. Where links cannot be made (the cache on another file system), Astro copies as before.
 * Do not edit files in `dist/` in place: they are the cache's files too. The folder named in
 * `keep` (photos.ts's `_photos/`) is another integration's, and left alone.
 *
 * A prerenderer wrapper gives the `siteWidePages` a key, so that a warm build reuses them too
 * (Astro keys only routes with getStaticPaths).
 */
import { linkSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { withSiteWideKeys } from '../lib/page-key.ts';
import { emptyBut, linkInPlace, walk } from '../files/output.ts';

/** A cache folder whose files belong at the same relative paths under a folder of dist/. */
interface Mirror {
  cache: string;
  output: string;
  /** The links made into `output` at the start of this build. */
  linked: string[];
}

/** Kept when emptying, as Astro does: a checked-out publishing branch in dist/. */
const ALWAYS_KEPT = ['.git'];

/** The cached copy of `file` if it lies in `mirror`'s output folder. */
function copyIn(mirror: Mirror, file: string): string | undefined {
  // A prefix test, not path.relative: this runs for every file produced (10,000 at 1,000 articles).
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
  for (const source of walk(mirror.cache).files) {
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
 * (photos.ts keeps `_photos/` between builds).
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
  let linking = true;
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
        pages = {
          cache: resolve(fileURLToPath(new URL('dist/', config.cacheDir))),
          output: outDir,
          linked: [],
        };
      },
      'astro:build:start': ({ logger, setPrerenderer }) => {
        if (!pages) return;
        const link = linkIn(pages, logger);
        linking = link.ok;
        emptyBut(outDir, new Set(pages.linked), keep);
        logger.info(
          `${pages.linked.length - link.kept} cached file(s) linked into ${outDir}, ${link.kept} already there`,
        );
        // Astro's default prerenderer is a plain object, so spreading it keeps its methods; an
        // adapter that sets a prerenderer of its own would be replaced here (there is none).
        setPrerenderer((prerenderer) => ({
          ...prerenderer,
          getStaticPaths: async () => withSiteWideKeys(await prerenderer.getStaticPaths(), siteWide),
        }));
      },
      'astro:build:done': ({ assets, logger }) => {
        if (!pages) return;
        const produced = [...assets.values()].flat().map((url) => fileURLToPath(url));
        const keepFiles = new Set(produced);
        const gone = pages.linked.filter((file) => !keepFiles.has(file));
        removeWithEmptyFolders(gone, outDir);
        if (linking) linkBack(pages, produced);
        pages.linked = [];
        if (gone.length) logger.info(`removed ${gone.length} linked file(s) this build did not produce`);
      },
    },
  };
}
