/** File-system helpers of the integrations that keep dist/ as hard links to caches. */
import { linkSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The files under `dir` (but the top-level names in `skip`), and its folders, parents first.
 * One readdirSync per folder: its `recursive` option took 2.5 times as long on 49,000 entries.
 */
export function walk(
  dir: string,
  skip: ReadonlySet<string> = new Set(),
): { files: string[]; folders: string[] } {
  const files: string[] = [];
  const folders: string[] = [];
  const visit = (folder: string, top: boolean) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // no such folder yet
    }
    for (const entry of entries) {
      if (top && skip.has(entry.name)) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        folders.push(path);
        visit(path, false);
      } else files.push(path);
    }
  };
  visit(dir, true);
  return { files, folders };
}

/** Whether two paths are the same file (hard links to one inode); false when either is missing. */
export function sameFile(a: string, b: string): boolean {
  const first = statSync(a, { throwIfNoEntry: false });
  const second = first && statSync(b, { throwIfNoEntry: false });
  return !!second && first.ino === second.ino && first.dev === second.dev;
}

/**
 * Puts a hard link to `source` at `target`, unless one is there already; returns whether it was.
 * Whatever else is at `target` is replaced. `made` holds the folders made so far, so that each is
 * made once. Throws when the link cannot be made (`source` on another file system).
 */
export function linkInPlace(source: string, target: string, made: Set<string>): 'kept' | 'linked' {
  if (sameFile(target, source)) return 'kept';
  rmSync(target, { force: true, recursive: true });
  const folder = dirname(target);
  if (!made.has(folder)) mkdirSync(folder, { recursive: true });
  made.add(folder);
  linkSync(source, target);
  return 'linked';
}

/**
 * Empties `dir` (but the top-level names in `keep`) of every file not in `wanted`, then of the
 * folders that leaves empty. Returns how many files it removed.
 */
export function emptyBut(
  dir: string,
  wanted: ReadonlySet<string>,
  keep: ReadonlySet<string> = new Set(),
): number {
  const { files, folders } = walk(dir, keep);
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
