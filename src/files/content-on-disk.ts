/**
 * The files under `content/` as they are on disk: which ones the build may read, and whether a
 * photo named in content is really a photo. Content is data written by editors, so nothing here
 * trusts a path: a link may lead outside the folder (publishing a private file), to a device
 * (/dev/zero fills memory) or to a named pipe (opening it waits for ever). Every file is resolved
 * to its real location, checked with stat, and opened only when it is a regular file, with
 * O_NONBLOCK in case it was swapped for a pipe since. The rules live in src/lib/; this module is
 * the I/O they need.
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
  type Dirent,
  type Stats,
} from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { PHOTO_EXTENSIONS, PHOTO_TYPES_FIX, type ImageType } from '../lib/photos.ts';
import type { Problem } from '../lib/problem.ts';
import { limits } from '../site.ts';

export interface FileFinding {
  problem: string;
  fix: string;
}

const inside = (root: string, path: string) => path === root || path.startsWith(root + sep);

/** What a file that is not a regular file is, for messages: 'a named pipe'. */
function kindOf(
  stats: Pick<Stats, 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>,
) {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** Why a file system call failed, in an editor's words. */
function failure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'a link that leads back to itself';
  return code ?? String(error);
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;

/**
 * Opens `file` only if it is a regular file of at most `maxBytes`, and reads it whole. The check
 * is on the opened descriptor, so a file replaced since it was checked cannot slip through.
 */
export function readRegularFile(file: string, maxBytes: number): Buffer {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new Error(`${file} is ${kindOf(stats)}, not a file`);
    if (stats.size > maxBytes)
      throw new Error(`${file} is ${megabytes(stats.size)}; at most ${megabytes(maxBytes)}`);
    const bytes = Buffer.alloc(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** A content file's bytes, or only its size when that is over `maxBytes` (see ContentSource.read). */
export function readContentFile(file: string, maxBytes: number): Buffer | number {
  const { size } = statSync(file);
  return size > maxBytes ? size : readRegularFile(file, maxBytes);
}

// --- image types and pixel sizes from the first bytes ---------------------------------------------

const NAMES: Record<ImageType | 'heic', string> = {
  jpeg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  avif: 'AVIF',
  gif: 'GIF',
  tiff: 'TIFF',
  heic: 'HEIC',
};

const RENAME: Record<ImageType, string> = {
  jpeg: '.jpg',
  png: '.png',
  webp: '.webp',
  avif: '.avif',
  gif: '.gif',
  tiff: '.tiff',
};

/** The image type the first bytes (at least 32) announce. */
function typeOf(head: Buffer): ImageType | 'heic' | undefined {
  const ascii = (from: number, to: number) => head.toString('latin1', from, to);
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'gif';
  if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return 'tiff';
  if (ascii(4, 8) === 'ftyp') {
    // The major brand, then the compatible brands up to the end of the box (or of what was read).
    const end = Math.min(head.readUInt32BE(0), head.length);
    const brands = [ascii(8, 12)];
    for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(at, at + 4));
    if (brands.includes('avif') || brands.includes('avis')) return 'avif';
    if (brands.some((brand) => ['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)))
      return 'heic';
  }
  return undefined;
}

type Read = (position: number, length: number) => Buffer;

interface Size {
  width: number;
  height: number;
}

/** Start-of-frame markers: they carry the pixel size (all but DHT C4, JPG C8 and DAC CC). */
const JPEG_FRAMES = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Walks the segments up to the frame header, reading only each segment's first bytes. */
function jpegSize(read: Read): Size | undefined {
  let at = 2;
  for (let segments = 0; segments < 1000; segments++) {
    const head = read(at, 9);
    if (head.length < 4 || head[0] !== 0xff) return undefined;
    const marker = head[1]!;
    if (marker === 0xff)
      at += 1; // fill byte
    else if (JPEG_FRAMES.has(marker))
      return head.length < 9 ? undefined : { height: head.readUInt16BE(5), width: head.readUInt16BE(7) };
    else if (marker === 0xda || marker === 0xd9)
      return undefined; // image data before any frame header
    else if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7))
      at += 2; // markers without a length
    else at += 2 + head.readUInt16BE(2);
  }
  return undefined;
}

/**
 * Whether a JPEG's image data reaches its end marker. Inside the data a 0xFF byte is always
 * followed by 0x00 or a restart marker, so the first FF D9 after the start of scan is the image's
 * end; bytes after it (a motion photo's video) are allowed.
 */
function jpegComplete(read: Read, fileSize: number): boolean {
  let at = 2;
  for (let segments = 0; segments < 1000; segments++) {
    const head = read(at, 4);
    if (head.length < 4 || head[0] !== 0xff) return false;
    const marker = head[1]!;
    if (marker === 0xff) at += 1;
    else if (marker === 0xda) break;
    else if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) at += 2;
    else at += 2 + head.readUInt16BE(2);
  }
  // Most files end with the marker: two bytes read. Only a file with bytes after it is scanned.
  const tail = read(fileSize - 2, 2);
  if (at < fileSize - 2 && tail[0] === 0xff && tail[1] === 0xd9) return true;
  const CHUNK = 1 << 16;
  for (let previous = 0; at < fileSize; at += CHUNK) {
    const chunk = read(at, CHUNK);
    if (chunk.length === 0) return false;
    if (previous === 0xff && chunk[0] === 0xd9) return true;
    for (let index = chunk.indexOf(0xff); index !== -1; index = chunk.indexOf(0xff, index + 1))
      if (chunk[index + 1] === 0xd9) return true;
    previous = chunk.at(-1)!;
  }
  return false;
}

/**
 * Whether a PNG's chunks, walked by their lengths, reach IEND within the file. A file of more
 * chunks than any encoder writes is trusted rather than walked to its end.
 */
function pngComplete(read: Read, fileSize: number): boolean {
  let at = 8;
  for (let chunks = 0; chunks < 100_000; chunks++) {
    if (at + 12 > fileSize) return false;
    const head = read(at, 8);
    if (head.length < 8) return false;
    if (head.toString('latin1', 4, 8) === 'IEND') return true;
    at += 12 + head.readUInt32BE(0);
  }
  return true;
}

/** Whether every top-level box of an AVIF (the image data is one) ends within the file. */
function avifComplete(read: Read, fileSize: number): boolean {
  for (const box of boxes(read, 0, Number.MAX_SAFE_INTEGER)) if (box.end > fileSize) return false;
  return true;
}

/**
 * Whether the file holds all of the image its header promises: Astro's sharp service decodes with
 * `failOn: 'none'`, so a file cut short (an interrupted download or copy) would be published with
 * a grey or missing part, silently. TIFF is trusted to its header.
 */
function isComplete(type: ImageType, read: Read, fileSize: number): boolean {
  switch (type) {
    case 'jpeg':
      return jpegComplete(read, fileSize);
    case 'png':
      return pngComplete(read, fileSize);
    case 'webp':
      return read(4, 4).readUInt32LE(0) + 8 <= fileSize;
    case 'avif':
      return avifComplete(read, fileSize);
    case 'gif':
      return read(fileSize - 1, 1)[0] === 0x3b; // the trailer
    case 'tiff':
      return true;
  }
}

function webpSize(read: Read): Size | undefined {
  const head = read(0, 30);
  if (head.length < 30) return undefined;
  switch (head.toString('latin1', 12, 16)) {
    case 'VP8 ':
      return { width: head.readUInt16LE(26) & 0x3fff, height: head.readUInt16LE(28) & 0x3fff };
    case 'VP8L': {
      const bits = head.readUInt32LE(21);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    case 'VP8X':
      return { width: head.readUIntLE(24, 3) + 1, height: head.readUIntLE(27, 3) + 1 };
    default:
      return undefined;
  }
}

/** The ISO media boxes between `start` and `end`: type and content range. */
function* boxes(read: Read, start: number, end: number) {
  let at = start;
  for (let count = 0; count < 1000 && at + 8 <= end; count++) {
    const head = read(at, 16);
    if (head.length < 8) return;
    let size = head.readUInt32BE(0);
    let header = 8;
    if (size === 1 && head.length >= 16) {
      size = Number(head.readBigUInt64BE(8));
      header = 16;
    } else if (size === 0) size = end - at;
    if (size < header) return;
    yield { type: head.toString('latin1', 4, 8), start: at + header, end: Math.min(at + size, end) };
    at += size;
  }
}

/** The largest image spatial extent ('ispe') in meta > iprp > ipco: a grid's full size. */
function avifSize(read: Read, fileSize: number): Size | undefined {
  const child = (parent: { start: number; end: number }, type: string, skip = 0) => {
    for (const box of boxes(read, parent.start + skip, parent.end)) if (box.type === type) return box;
    return undefined;
  };
  const meta = child({ start: 0, end: fileSize }, 'meta');
  const iprp = meta && child(meta, 'iprp', 4); // meta is a full box: 4 bytes of version and flags
  const ipco = iprp && child(iprp, 'ipco');
  if (!ipco) return undefined;
  let largest: Size | undefined;
  for (const box of boxes(read, ipco.start, ipco.end)) {
    if (box.type !== 'ispe') continue;
    const data = read(box.start + 4, 8);
    if (data.length < 8) continue;
    const size = { width: data.readUInt32BE(0), height: data.readUInt32BE(4) };
    if (!largest || size.width * size.height > largest.width * largest.height) largest = size;
  }
  return largest;
}

function tiffSize(read: Read): Size | undefined {
  const head = read(0, 8);
  const little = head.toString('latin1', 0, 2) === 'II';
  const u16 = (b: Buffer, at: number) => (little ? b.readUInt16LE(at) : b.readUInt16BE(at));
  const u32 = (b: Buffer, at: number) => (little ? b.readUInt32LE(at) : b.readUInt32BE(at));
  const ifd = u32(head, 4);
  const count = read(ifd, 2);
  if (count.length < 2) return undefined;
  const entries = read(ifd + 2, Math.min(u16(count, 0), 1000) * 12);
  const size: Partial<Size> = {};
  for (let at = 0; at + 12 <= entries.length; at += 12) {
    const tag = u16(entries, at);
    if (tag !== 256 && tag !== 257) continue;
    const value = u16(entries, at + 2) === 3 ? u16(entries, at + 8) : u32(entries, at + 8); // SHORT or LONG
    size[tag === 256 ? 'width' : 'height'] = value;
  }
  return size.width !== undefined && size.height !== undefined ? (size as Size) : undefined;
}

function sizeOf(type: ImageType, read: Read, fileSize: number): Size | undefined {
  switch (type) {
    case 'jpeg':
      return jpegSize(read);
    case 'png': {
      const head = read(0, 24);
      return head.length < 24 || head.toString('latin1', 12, 16) !== 'IHDR'
        ? undefined
        : { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
    }
    case 'webp':
      return webpSize(read);
    case 'avif':
      return avifSize(read, fileSize);
    case 'gif': {
      const head = read(0, 10);
      return head.length < 10 ? undefined : { width: head.readUInt16LE(6), height: head.readUInt16LE(8) };
    }
    case 'tiff':
      return tiffSize(read);
  }
}

/**
 * The type and pixel size a regular file's header announces (stored size, before any EXIF
 * rotation), or undefined. For tests and tools; {@link checkContentFile} is the check.
 */
export function imageSize(file: string): (Size & { type: ImageType | 'heic' }) | undefined {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return undefined;
    const read = reader(fd);
    const type = typeOf(read(0, 64));
    const size = type && type !== 'heic' ? sizeOf(type, read, stats.size) : undefined;
    return type && size ? { type, ...size } : undefined;
  } finally {
    closeSync(fd);
  }
}

function reader(fd: number): Read {
  return (position, length) => {
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, readSync(fd, buffer, 0, length, position));
  };
}

// --- one file named in content ----------------------------------------------------------------------

/**
 * Why the image `path`, written in content relative to `fromDir` (a folder inside `contentRoot`),
 * cannot be published, or undefined when it can: it must really lie inside `contentRoot` (links
 * followed), be a regular file within the limits of `limits` in src/site.ts, and start like the
 * type its extension names, and hold all of the image its header promises. Reads the header, and
 * of a JPEG the image data up to its end marker.
 */
export function checkContentFile(
  contentRoot: string,
  fromDir: string,
  path: string,
  label = basename(resolve(contentRoot)),
): FileFinding | undefined {
  const quoted = `"${path}"`;
  const written = resolve(fromDir, path);
  const root = resolve(contentRoot);
  let realRoot = root;
  try {
    realRoot = realpathSync.native(root);
  } catch {
    // No content folder: the file cannot be inside it, which the checks below say.
  }
  // Where the path would be if no folder on the way were a link.
  const base = inside(root, written) ? root : inside(realRoot, written) ? realRoot : undefined;
  if (base === undefined)
    return {
      problem: `${quoted} is outside ${label}/`,
      fix: "put the photo in the article's folder and write './name.jpg'",
    };
  const shown = `${label}/${relative(base, written).split(sep).join('/')}`;
  const lexical = join(realRoot, relative(base, written));
  const from = resolve(fromDir);
  const misspelt = caseMismatch(inside(base, from) && inside(from, written) ? from : base, written);
  if (misspelt) {
    const corrected = relative(from, misspelt.corrected).split(sep).join('/');
    return {
      problem: `${quoted} does not match the letter case of the file on disk ("${misspelt.name}"); it would be found on macOS and Windows only`,
      fix: `write "${corrected.startsWith('../') ? corrected : `./${corrected}`}", or rename the file`,
    };
  }

  let real: string;
  try {
    real = realpathSync.native(written);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return isLink(written)
        ? {
            problem: `${quoted} is a link to a file that does not exist`,
            fix: 'put the photo itself there, not a link',
          }
        : {
            problem: `image file ${quoted} not found (expected ${shown})`,
            fix: "put the photo in the article's folder or fix the path",
          };
    return {
      problem: `${quoted} cannot be read (${failure(error)})`,
      fix: 'put a readable photo file there',
    };
  }
  const linkTo = real === lexical ? '' : 'a link to ';
  if (!inside(realRoot, real))
    return {
      problem: `${quoted} is ${linkTo}a file outside ${label}/`,
      fix: "put the photo itself in the article's folder, not a link",
    };

  let stats: Stats;
  try {
    stats = statSync(real);
  } catch (error) {
    return {
      problem: `${quoted} cannot be read (${failure(error)})`,
      fix: 'put a readable photo file there',
    };
  }
  if (!stats.isFile()) {
    const kind = kindOf(stats);
    return {
      problem: `${quoted} is ${linkTo}${kind}, not a photo file`,
      fix: "put the photo file itself in the article's folder",
    };
  }
  if (stats.size > limits.photoBytes)
    return {
      problem: `${quoted} is ${megabytes(stats.size)}; photos may be at most ${megabytes(limits.photoBytes)}`,
      fix: 'export it smaller',
    };

  const declared = PHOTO_EXTENSIONS[extname(path).toLowerCase()];
  if (!declared)
    return {
      problem: `${quoted} is not an image file the site can read`,
      fix: PHOTO_TYPES_FIX,
    };

  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { problem: `${quoted} cannot be read (${failure(error)})`, fix: 'make the file readable' };
  }
  try {
    if (!fstatSync(fd).isFile())
      return { problem: `${quoted} changed while it was read`, fix: 'build again' };
    const read = reader(fd);
    const found = typeOf(read(0, 64));
    if (found !== declared) {
      const startsLike = found ? ` (it starts like a ${NAMES[found]})` : '';
      const readable = found && found !== 'heic';
      return {
        problem: `${quoted} is not a${declared === 'avif' ? 'n' : ''} ${NAMES[declared]} image${startsLike}`,
        fix: readable
          ? `rename it to ${RENAME[found]} or re-export it`
          : 'export it again as JPEG, PNG, WebP or AVIF',
      };
    }
    const size = sizeOf(declared, read, stats.size);
    if (!size || size.width === 0 || size.height === 0)
      return { problem: `${quoted} is damaged: its pixel size cannot be read`, fix: 'export it again' };
    const pixels = size.width * size.height;
    if (pixels > limits.photoPixels)
      return {
        problem: `${quoted} is ${size.width}x${size.height} pixels (${Math.round(pixels / 1e6)} megapixels); photos may have at most ${limits.photoPixels / 1e6} megapixels`,
        fix: 'export it smaller',
      };
    if (!isComplete(declared, read, stats.size))
      return { problem: `${quoted} is cut short: its image data ends early`, fix: 'copy or export it again' };
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Where the path `written` names a file or folder below `start` whose name on disk differs in
 * letter case only (`Photo.JPG` for `photo.jpg`): the first such name on disk and the path with
 * every such name corrected. Compared with the folders' listings, so that a case-insensitive file
 * system (macOS, Windows), which would open the file, gives the same answer as Linux, which would
 * not. Undefined when every name matches, or when a name is missing altogether.
 */
function caseMismatch(start: string, written: string): { name: string; corrected: string } | undefined {
  let dir = start;
  let first: string | undefined;
  for (const segment of relative(start, written).split(sep).filter(Boolean)) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return undefined;
    }
    let name = segment;
    if (!names.includes(segment)) {
      const folded = segment.toLowerCase();
      const match = names.find((entry) => entry.toLowerCase() === folded);
      if (match === undefined) return undefined;
      name = match;
      first ??= match;
    }
    dir = join(dir, name);
  }
  return first === undefined ? undefined : { name: first, corrected: dir };
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Whether the listing said what the entry is (some file systems leave it unknown). */
function knownType(entry: Dirent): boolean {
  return (
    entry.isFile() ||
    entry.isDirectory() ||
    entry.isSymbolicLink() ||
    entry.isFIFO() ||
    entry.isSocket() ||
    entry.isCharacterDevice() ||
    entry.isBlockDevice()
  );
}

/** The entry's own stat (links not followed); undefined when it vanished since the listing. */
function lstatOrNothing(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

// --- every file under a folder --------------------------------------------------------------------

/**
 * Every regular file below `contentRoot`, relative with '/' separators, sorted. A link is followed
 * when its real target is a file or folder inside the root; a link to nothing, a link outside, a
 * link loop, a pipe, device or socket, and anything unreadable becomes a problem (file
 * `<label>/<path>`) instead of a file. Never throws.
 */
export function listContentFiles(
  contentRoot: string,
  label = basename(resolve(contentRoot)),
): { files: string[]; problems: Problem[] } {
  const files: string[] = [];
  const problems: Problem[] = [];
  const report = (path: string, problem: string, fix: string) =>
    problems.push({ file: path ? `${label}/${path}` : label, field: '-', problem, fix });

  let realRoot: string;
  try {
    realRoot = realpathSync.native(contentRoot);
    if (!statSync(realRoot).isDirectory())
      throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (error) {
    report('', `cannot be read (${failure(error)})`, 'point the build at the content folder');
    return { files, problems };
  }

  /**
   * Each real folder is listed once, under its own path when it has one: a link to a folder
   * listed already is reported, so neither a loop nor links that double at every level can make
   * the walk run for ever.
   */
  const listed = new Map<string, string>([[realRoot, '']]);
  const walk = (dir: string, prefix: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      report(prefix, `cannot be read (${failure(error)})`, 'make the folder readable, or delete it');
      return;
    }
    for (const listedEntry of entries) {
      const path = prefix ? `${prefix}/${listedEntry.name}` : listedEntry.name;
      const full = join(dir, listedEntry.name);
      const entry = knownType(listedEntry) ? listedEntry : lstatOrNothing(full);
      if (!entry) continue;
      if (entry.isFile()) files.push(path);
      else if (entry.isDirectory()) {
        listed.set(full, path);
        walk(full, path);
      } else if (!entry.isSymbolicLink())
        report(
          path,
          `is ${kindOf(entry)}, not a file`,
          'delete it: content/ holds only articles, photos and data files',
        );
      else {
        let target: string;
        let stats: Stats;
        try {
          target = realpathSync.native(full);
          stats = statSync(target);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOENT')
            report(
              path,
              'is a link to a file that does not exist',
              'delete the link or put the file itself there',
            );
          else
            report(
              path,
              `cannot be read (${failure(error)})`,
              'delete the link or put the file itself there',
            );
          continue;
        }
        if (!inside(realRoot, target))
          report(path, `is a link to a file outside ${label}/`, 'put the file itself there, not a link');
        else if (stats.isFile()) files.push(path);
        else if (!stats.isDirectory())
          report(path, `is a link to ${kindOf(stats)}, not a file`, 'delete the link');
        else linkedFolders.push({ path, target });
      }
    }
  };
  // The real folders first, then the folders links lead to, each only if not listed yet.
  const linkedFolders: { path: string; target: string }[] = [];
  walk(realRoot, '');
  for (let next = linkedFolders.shift(); next; next = linkedFolders.shift()) {
    const { path, target } = next;
    const first = listed.get(target);
    if (first !== undefined) {
      report(
        path,
        `is a link to ${[label, first].filter(Boolean).join('/')}/, a folder listed already`,
        'delete the link',
      );
    } else {
      listed.set(target, path);
      walk(target, path);
    }
  }
  files.sort();
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, problems };
}
