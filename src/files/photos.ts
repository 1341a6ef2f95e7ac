/**
 * The gallery's photo files: their pixel size and content hash (for the pages and the page keys),
 * and the making of each published size (for src/build/photos.ts and the dev server).
 * Hashing every photo on every build took 0.75 s at 1,000 articles, so what was read is kept in an
 * index beside the made sizes, and a file is read again only when its stat (size, times, inode,
 * device) changed: a fresh checkout reads every photo once. sharp loads only when a file is read
 * or a size is made.
 *
 * A photo's path comes from content, so before sharp sees a file it is checked where it really
 * lies (src/files/content-on-disk.ts): inside the content folder, a regular file (never a pipe or
 * a device, which would hang or fill memory), within the byte and pixel limits.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkContentFile, readRegularFile } from './content-on-disk.ts';
import { writeAtomically } from './output.ts';
import { PHOTO_ENCODING, photoHash, type PhotoImage, type PhotoVariant } from '../lib/photo-variants.ts';
import { limits } from '../site.ts';

/** Where made sizes and the index live: BACKSTORY_PHOTO_CACHE, else under node_modules/.cache. */
export function photoCacheDir(): string {
  return process.env['BACKSTORY_PHOTO_CACHE'] ?? join(process.cwd(), 'node_modules/.cache/backstory-photos');
}

// Versioned: entries of index.json were read before files were checked, and are read again once.
const INDEX_FILE = 'index-2.json';

/** What was read of a file, with the stat it was read at: any change to the file changes one. */
interface IndexEntry extends Omit<PhotoImage, 'file'> {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  dev: number;
}

type Stamp = Pick<IndexEntry, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino' | 'dev'>;

function stampOf(file: string): Stamp {
  const { size, mtimeMs, ctimeMs, ino, dev } = statSync(file);
  return { size, mtimeMs, ctimeMs, ino, dev };
}

const sameStamp = (entry: IndexEntry, stamp: Stamp) =>
  (Object.keys(stamp) as (keyof Stamp)[]).every((key) => entry[key] === stamp[key]);

/** One photo to describe, and where it is named, for messages: 'content/articles/x/index.md  gallery[0].src'. */
export interface PhotoSource {
  file: string;
  field: string;
}

function readIndex(cacheDir: string): Record<string, IndexEntry> {
  try {
    return JSON.parse(readFileSync(join(cacheDir, INDEX_FILE), 'utf8')) as Record<string, IndexEntry>;
  } catch {
    return {}; // none yet, or unreadable: every file is read again
  }
}

/** Reads a photo; the stat is taken before the bytes, so a file changed meanwhile is read again next time. */
async function readPhoto(file: string): Promise<IndexEntry> {
  const stamp = stampOf(file);
  const bytes = readRegularFile(file);
  const { default: sharp } = await import('sharp');
  const { autoOrient } = await sharp(bytes, { limitInputPixels: limits.photoPixels }).metadata();
  return { width: autoOrient.width, height: autoOrient.height, hash: photoHash(bytes), ...stamp };
}

/**
 * The size and hash of each photo, by file. Throws one error naming every photo that is missing,
 * refused by {@link checkContentFile} (outside `contentRoot`, not a regular file, too large, not
 * the type its name says) or not an image sharp can read, each with the file and field that name it.
 * A file is checked when it is read: an index entry stands for the very file (inode, times) that
 * passed the check.
 */
export async function describePhotos(
  sources: readonly PhotoSource[],
  cacheDir = photoCacheDir(),
  contentRoot = 'content',
): Promise<Map<string, PhotoImage>> {
  const index = readIndex(cacheDir);
  const images = new Map<string, PhotoImage>();
  const problems: string[] = [];
  let changed = false;
  for (const { file, field } of sources) {
    if (images.has(file)) continue;
    // Keyed by absolute path: the cache may be shared by several copies of the project.
    const key = resolve(file);
    try {
      let entry = index[key];
      if (!entry || !sameStamp(entry, stampOf(file))) {
        const refused = checkContentFile(contentRoot, process.cwd(), file);
        if (refused) {
          problems.push(`${field}  ${refused.problem}: ${refused.fix}`);
          continue;
        }
        entry = await readPhoto(file);
        index[key] = entry;
        changed = true;
      }
      images.set(file, { file, width: entry.width, height: entry.height, hash: entry.hash });
    } catch (error) {
      problems.push(`${field}  cannot read image ${file}: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new Error(`Photos:\n${problems.join('\n')}`);
  if (changed) {
    // Files gone since (a deleted article's, or a removed copy of the project's) leave the index.
    for (const key of Object.keys(index)) if (!existsSync(key)) delete index[key];
    writeAtomically(join(cacheDir, INDEX_FILE), JSON.stringify(index));
  }
  return images;
}

/** The cached file of `variant`: its published name, in `cacheDir`. */
export function cachedVariant(variant: PhotoVariant, cacheDir = photoCacheDir()): string {
  return join(cacheDir, variant.path.split('/').pop()!);
}

/**
 * Makes `variant` from its original into `target` (as PHOTO_ENCODING says). Refuses an original
 * whose bytes are no longer those the variant was named after (replaced since the pages were
 * made): the cache would keep the wrong picture under that name.
 */
export async function makeVariant(variant: PhotoVariant, target: string): Promise<void> {
  const cannot = (why: string) =>
    new Error(`photos: cannot make ${variant.path} from ${variant.file}: ${why}`);
  let original: Buffer;
  try {
    // The hash below ties these bytes to the file describePhotos checked; this keeps a pipe or a
    // device put in its place meanwhile from hanging or filling memory before the hash is taken.
    original = readRegularFile(variant.file);
  } catch (error) {
    throw cannot((error as Error).message);
  }
  if (photoHash(original) !== variant.hash)
    throw cannot('the file changed since the pages were made; build again');
  const { default: sharp } = await import('sharp');
  let bytes: Buffer;
  try {
    bytes = await sharp(original, { limitInputPixels: limits.photoPixels })
      .rotate()
      .resize({ width: variant.width, height: variant.height, fit: PHOTO_ENCODING.fit })
      .toFormat(PHOTO_ENCODING.format, { quality: PHOTO_ENCODING.quality })
      .toBuffer();
  } catch (error) {
    throw cannot((error as Error).message);
  }
  // A rename, not a write: `target` may be hard-linked into dist/, which must not change under it.
  writeAtomically(target, bytes);
}
