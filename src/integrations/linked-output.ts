/**
 * Warm builds without copying. Astro keeps a copy of every keyed page and share image
 * (incremental build, `<cacheDir>/dist/`) and of every optimized image (`<cacheDir>/assets/`). On
 * its own it empties `dist/` and copies each of them back; on these disks freeing and rewriting
 * those blocks took 49 of the 64 s of a warm build at 1,000 articles.
 *
 * This integration makes each such file in `dist/` a hard link to its cached copy:
 * - before generation it empties `dist/` but for the links to cached copies, which it would only
 *   make again, and links every other cached copy into place; Astro finds an unchanged page there
 *   and leaves it, and copying an image onto a link to itself does nothing;
 * - after the build it removes every link this build did not produce (the pages and images of a
 *   deleted article), so nothing stale is published, and replaces each cached copy Astro wrote
 *   this build with a link to the file in `dist/`: the bytes are the same, and the next build
 *   finds them linked.
 * A page Astro renders again is written through its link, and Astro writes the same bytes to its
 * copy. Where links cannot be made (the cache on another file system), Astro copies as before.
 * Do not edit files in `dist/` in place: they are the cache's files too.
 */
import { linkSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';

/** A cache folder whose files belong at the same relative paths under a folder of dist/. */
interface Mirror {
  cache: string;
  output: string;
  /** The links made into `output` at the start of this build. */
  linked: string[];
}

/** Kept when emptying, as Astro does: a checked-out publishing branch in dist/. */
const KEEP = new Set(['.git']);

type ImageList = Map<string, { transforms: Map<string, { finalPath: string }> }>;

/**
 * The optimized images this build wrote, from Astro's build-time image list (an internal global:
 * undefined when the build made no image, or when a new Astro moved it).
 */
function optimizedImages(outDir: string): string[] | undefined {
  const list = (globalThis as { astroAsset?: { staticImages?: ImageList } }).astroAsset?.staticImages;
  return list
    ? [...list.values()].flatMap(({ transforms }) =>
        [...transforms.values()].map(({ finalPath }) => join(outDir, decodeURI(finalPath))),
      )
    : undefined;
}

/** The cached copy of `file` if it lies in `mirror`'s output folder. */
function copyIn(mirror: Mirror, file: string): string | undefined {
  const inside = relative(mirror.output, file);
  return inside && !inside.startsWith('..') ? join(mirror.cache, inside) : undefined;
}

/** The cached copy that `file` in dist/ mirrors, if any; `mirrors` longest output folder first. */
function cachedCopyOf(file: string, mirrors: readonly Mirror[]): string | undefined {
  for (const mirror of mirrors) {
    const copy = copyIn(mirror, file);
    if (copy) return copy;
  }
  return undefined;
}

function sameFile(a: string, b: string): boolean {
  try {
    const [first, second] = [statSync(a), statSync(b)];
    return first.ino === second.ino && first.dev === second.dev;
  } catch {
    return false;
  }
}

/**
 * Empties `dir` (but the names in KEEP), except for files that already are hard links to their
 * cached copy: the same link would be made again. Returns those kept.
 */
function emptyButLinks(dir: string, mirrors: readonly Mirror[]): Set<string> {
  // dist/_astro/ belongs to the images, not to the pages mirrored at dist/.
  const byDepth = [...mirrors].sort((a, b) => b.output.length - a.output.length);
  const kept = new Set<string>();
  let top: string[];
  try {
    top = readdirSync(dir);
  } catch {
    return kept;
  }
  const keepOrRemove = (file: string, isFile: boolean) => {
    if (isFile && sameFile(file, cachedCopyOf(file, byDepth) ?? '')) kept.add(file);
    else rmSync(file, { force: true });
  };
  for (const name of top.filter((name) => !KEEP.has(name))) {
    const path = join(dir, name);
    const stats = statSync(path);
    if (!stats.isDirectory()) {
      keepOrRemove(path, stats.isFile());
      continue;
    }
    const folders = [path];
    for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
      const file = join(entry.parentPath, entry.name);
      if (entry.isDirectory()) folders.push(file);
      else keepOrRemove(file, entry.isFile());
    }
    // Deepest first; a folder still holding a kept link stays.
    for (const folder of folders.sort((a, b) => b.length - a.length)) {
      try {
        rmdirSync(folder);
      } catch {
        // not empty
      }
    }
  }
  return kept;
}

/**
 * Hard-links the files of `mirror.cache` into `mirror.output`, but those `kept` from the last
 * build; false when links cannot be made.
 */
function linkIn(mirror: Mirror, kept: ReadonlySet<string>, logger: AstroIntegrationLogger): boolean {
  let entries;
  try {
    entries = readdirSync(mirror.cache, { recursive: true, withFileTypes: true });
  } catch {
    return true; // no cache yet
  }
  const made = new Set<string>();
  for (const entry of entries) {
    // Astro's metadata for remote images sits beside them; it is not an output.
    if (!entry.isFile() || entry.name.endsWith('.json')) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(mirror.output, relative(mirror.cache, source));
    if (kept.has(target)) {
      mirror.linked.push(target);
      continue;
    }
    try {
      const folder = dirname(target);
      if (!made.has(folder)) mkdirSync(folder, { recursive: true });
      made.add(folder);
      linkSync(source, target);
    } catch (error) {
      logger.warn(
        `cannot hard-link ${source} to ${target} (${(error as Error).message}); Astro copies instead`,
      );
      return false;
    }
    mirror.linked.push(target);
  }
  return true;
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

export function linkedOutput(): AstroIntegration {
  let outDir = '';
  let pages: Mirror | undefined;
  let images: Mirror | undefined;
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
        outDir = fileURLToPath(config.outDir);
        const cache = (path: string) => fileURLToPath(new URL(path, config.cacheDir));
        pages = { cache: cache('dist/'), output: outDir, linked: [] };
        images = { cache: cache('assets/'), output: join(outDir, config.build.assets), linked: [] };
      },
      'astro:build:start': ({ logger }) => {
        if (!pages || !images) return;
        const kept = emptyButLinks(outDir, [pages, images]);
        linking = linkIn(pages, kept, logger) && linkIn(images, kept, logger);
        logger.info(
          `${pages.linked.length + images.linked.length - kept.size} cached file(s) linked into ${outDir}, ${kept.size} already there`,
        );
      },
      'astro:build:done': ({ assets, logger }) => {
        if (!pages || !images) return;
        const producedPages = [...assets.values()].flat().map((url) => fileURLToPath(url));
        const producedImages = optimizedImages(outDir);
        if (!producedImages && images.linked.length) {
          throw new Error(
            `linked-output: Astro gave no list of the images it wrote (globalThis.astroAsset.staticImages), so the ${images.linked.length} images linked into ${images.output} cannot be told from stale ones. Delete node_modules/.astro/assets and build again; if this persists, this Astro version moved the list: update src/integrations/linked-output.ts.`,
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
          stale += gone.length;
          if (linking) linkBack(mirror, produced);
          mirror.linked = [];
        }
        if (stale) logger.info(`removed ${stale} linked file(s) this build did not produce`);
      },
    },
  };
}
