/** File-system helpers of the integrations that publish a folder of dist/ as hard links to their caches (photos.ts). */
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The files under `dir`, and its folders, parents first. One readdirSync per folder: its
 * `recursive` option took 2.5 times as long on 49,000 entries.
 */
function walk(dir: string): { files: string[]; folders: string[] } {
  const files: string[] = [];
  const folders: string[] = [];
  const visit = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // no such folder yet
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        folders.push(path);
        visit(path);
      } else files.push(path);
    }
  };
  visit(dir);
  return { files, folders };
}

/** Whether two paths are the same file (hard links to one inode); false when either is missing. */
function sameFile(a: string, b: string): boolean {
  const first = statSync(a, { throwIfNoEntry: false });
  const second = first && statSync(b, { throwIfNoEntry: false });
  return !!second && first.ino === second.ino && first.dev === second.dev;
}

/**
 * Puts a hard link to `source` at `target`, unless one is there already; returns whether it was.
 * Whatever else is at `target` is replaced. `made` holds the folders made so far, so that each is
 * made once. Throws when the link cannot be made (`source` on another file system).
 */
function linkInPlace(source: string, target: string, made: Set<string>): 'kept' | 'linked' {
  if (sameFile(target, source)) return 'kept';
  rmSync(target, { force: true, recursive: true });
  const folder = dirname(target);
  if (!made.has(folder)) mkdirSync(folder, { recursive: true });
  made.add(folder);
  linkSync(source, target);
  return 'linked';
}

/**
 * Empties `dir` of every file not in `wanted`, then of the folders that leaves empty. Returns how
 * many files it removed.
 */
function emptyBut(dir: string, wanted: ReadonlySet<string>): number {
  const { files, folders } = walk(dir);
  const occupied = new Set<string>();
  let removed = 0;
  for (const file of files) {
    if (!wanted.has(file)) {
      rmSync(file, { force: true });
      removed += 1;
      continue;
    }
    for (let folder = dirname(file); folder !== dir && !occupied.has(folder); folder = dirname(folder))
      occupied.add(folder);
  }
  // Children before parents, so that each is empty when its turn comes.
  for (const folder of folders.reverse()) if (!occupied.has(folder)) rmdirSync(folder);
  return removed;
}

/** A file to publish under a folder of dist/ from a cache: its URL path, its cached copy, how to make that. */
export interface CachedOutput {
  /** Site-relative URL path under the folder: '/_photos/x-400.webp'. */
  path: string;
  cached: string;
  /** Writes `cached`; called only when it is missing. */
  make: () => Promise<unknown>;
}

export interface Published {
  /** Cached copies made this build. */
  made: number;
  /** Links made this build. */
  linked: number;
  /** Links the last build left in place. */
  kept: number;
  /** Files in the folder that no output owns any more (a deleted page's). */
  removed: number;
}

/** Runs `tasks` with at most `limit` at a time; rejects with the first failure, starting no more. */
async function inPool(tasks: readonly (() => Promise<unknown>)[], limit: number): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < tasks.length) {
      try {
        await tasks[next++]!();
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

/**
 * Makes `<outDir>/<folder>/` hold exactly `outputs`, each a hard link to its cached copy (a copy
 * where the cache is on another file system), made first where the cache lacks it, `concurrency`
 * at a time. Files there that no output owns are removed, then empty folders. `label` starts
 * every error: 'photo sizes'. Refuses a path outside the folder and two outputs at one path
 * (the same output listed twice, such as one photo in two articles, is published once).
 */
export async function publishFromCache(
  outputs: readonly CachedOutput[],
  outDir: string,
  folder: string,
  { label, concurrency = 1 }: { label: string; concurrency?: number },
): Promise<Published> {
  const prefix = `/${folder}/`;
  const owners = new Map<string, CachedOutput>();
  for (const output of outputs) {
    if (!output.path.startsWith(prefix) || output.path.split('/').includes('..')) {
      throw new Error(`${label}: ${output.path} is not a path under ${prefix}`);
    }
    const target = join(outDir, output.path);
    const owner = owners.get(target);
    if (owner && owner.cached !== output.cached) throw new Error(`${label}: two files at ${output.path}`);
    owners.set(target, output);
  }
  const missing = [...owners.values()].filter((output) => !existsSync(output.cached));
  await inPool(
    missing.map((output) => output.make),
    concurrency,
  );
  const result: Published = { made: missing.length, linked: 0, kept: 0, removed: 0 };
  const madeFolders = new Set<string>();
  for (const [target, { cached }] of owners) {
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
  result.removed = emptyBut(join(outDir, folder), new Set(owners.keys()));
  return result;
}

/** The log line of a publishFromCache: '12 photo size(s): 0 made, 0 linked, 12 already in place, 0 stale removed'. */
export function describePublished(count: number, what: string, madeAs: string, published: Published): string {
  const { made, linked, kept, removed } = published;
  return `${count} ${what}: ${made} ${madeAs}, ${linked} linked, ${kept} already in place, ${removed} stale removed`;
}

/** Writes `content` to `file` (making its folder) through a temporary file and a rename: a reader
 * never sees half of it, and a hard link to the old file keeps the old bytes. */
export function writeAtomically(file: string, content: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

/**
 * Reads and removes the JSON list a build-only endpoint (`writer`) wrote at `path` in dist/ for
 * an integration to read after the build; names the file when it is missing or unreadable.
 */
export function takeBuildList<T>(outDir: string, path: string, label: string, writer: string): T[] {
  const file = join(outDir, path);
  let list: T[];
  try {
    list = JSON.parse(readFileSync(file, 'utf8')) as T[];
  } catch (error) {
    throw new Error(
      `${label}: cannot read the build's list ${file} (${(error as Error).message}); ${writer} writes it`,
    );
  }
  rmSync(file);
  return list;
}
