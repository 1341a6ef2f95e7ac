/**
 * The gallery's photo files: their pixel size and content hash (for the pages and the page keys),
 * and the making of each published size (for src/integrations/photos.ts and the dev server).
 * Hashing every photo on every build took 0.75 s at 1,000 articles, so what was read is kept in an
 * index beside the made sizes, and a file is read again only when its size, modification time or
 * inode changed. sharp loads only when a file is read or a size is made.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PHOTO_ENCODING, type PhotoImage, type PhotoVariant } from './lib/photo-variants.ts';

/** Where made sizes and the index live: BACKSTORY_PHOTO_CACHE, else under node_modules/.cache. */
export function photoCacheDir(): string {
  return process.env['BACKSTORY_PHOTO_CACHE'] ?? join(process.cwd(), 'node_modules/.cache/backstory-photos');
}

const INDEX_FILE = 'index.json';

interface IndexEntry extends Omit<PhotoImage, 'file'> {
  size: number;
  mtimeMs: number;
  ino: number;
}

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

/** Writes `content` to `file` through a temporary file, so a reader never sees half of it. */
function writeAtomically(file: string, content: string | Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

async function readPhoto(file: string): Promise<Omit<PhotoImage, 'file'>> {
  const bytes = readFileSync(file);
  const { default: sharp } = await import('sharp');
  const { autoOrient } = await sharp(bytes).metadata();
  return {
    width: autoOrient.width,
    height: autoOrient.height,
    hash: createHash('sha256').update(bytes).digest('base64url').slice(0, 16),
  };
}

/**
 * The size and hash of each photo, by file. Throws one error naming every photo that is missing or
 * is not an image sharp can read, each with the file and field that name it.
 */
export async function describePhotos(
  sources: readonly PhotoSource[],
  cacheDir = photoCacheDir(),
): Promise<Map<string, PhotoImage>> {
  const index = readIndex(cacheDir);
  const images = new Map<string, PhotoImage>();
  const problems: string[] = [];
  let changed = false;
  for (const { file, field } of sources) {
    if (images.has(file)) continue;
    try {
      const { size, mtimeMs, ino } = statSync(file);
      let entry = index[file];
      if (!entry || entry.size !== size || entry.mtimeMs !== mtimeMs || entry.ino !== ino) {
        entry = { ...(await readPhoto(file)), size, mtimeMs, ino };
        index[file] = entry;
        changed = true;
      }
      images.set(file, { file, width: entry.width, height: entry.height, hash: entry.hash });
    } catch (error) {
      problems.push(`${field}  cannot read image ${file}: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new Error(`Photos:\n${problems.join('\n')}`);
  if (changed) {
    mkdirSync(cacheDir, { recursive: true });
    writeAtomically(join(cacheDir, INDEX_FILE), JSON.stringify(index));
  }
  return images;
}

/** The cached file of `variant`: its published name, in `cacheDir`. */
export function cachedVariant(variant: PhotoVariant, cacheDir = photoCacheDir()): string {
  return join(cacheDir, variant.path.split('/').pop()!);
}

/** Makes `variant` from its original into `target` (upright, resized, encoded as PHOTO_ENCODING). */
export async function makeVariant(variant: PhotoVariant, target: string): Promise<void> {
  const { default: sharp } = await import('sharp');
  let bytes: Buffer;
  try {
    bytes = await sharp(variant.file, { failOn: 'none' })
      .rotate()
      .resize({ width: variant.width, height: variant.height, fit: 'fill' })
      .webp({ quality: PHOTO_ENCODING.quality })
      .toBuffer();
  } catch (error) {
    throw new Error(`photos: cannot make ${variant.path} from ${variant.file}: ${(error as Error).message}`);
  }
  mkdirSync(dirname(target), { recursive: true });
  // A rename, not a write: `target` may be hard-linked into dist/, which must not change under it.
  writeAtomically(target, bytes);
}
