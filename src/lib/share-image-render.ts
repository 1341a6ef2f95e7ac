/**
 * Share images, the drawing: Satori lays out text with fonts from npm packages (WOFF, never
 * WOFF2, which Satori rejects) into an SVG of paths; sharp rasterises it, or fits a photo to the
 * frame and draws the credit over it, and encodes a baseline JPEG. Same input, same bytes.
 * Results are cached by a hash of everything that goes into them, so unchanged pages are not redrawn.
 * Satori and sharp load on the first drawing: a build whose images all come from the cache
 * never loads them (Satori's modules took about 0.05 s of every warm build).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire, findPackageJSON } from 'node:module';
import { join } from 'node:path';
import type { Sharp } from 'sharp';
import {
  CREDIT_SIZES,
  FONT,
  FONT_SUBSETS,
  SHARE_IMAGE,
  TITLE_SIZES,
  creditStripAlone,
  creditText,
  photoOverlayTree,
  subsetFamily,
  textBody,
  textBox,
  textCardTree,
  wordColumn,
  type CardSpec,
  type Node,
  type PhotoCard,
  type ShareImageJob,
  type TextCard,
  type TextLayout,
} from './share-image.ts';
import { writeAtomically } from '../integrations/files.ts';
import { photoHash } from './photo-variants.ts';

/** Bump when the fitting rules change in a way the element trees do not show. */
const RENDER_VERSION = 1;

/** JPEG qualities tried in turn until the image is under the byte cap. */
const QUALITIES = [84, 76, 68, 60, 52] as const;

const require = createRequire(import.meta.url);

let drawing:
  Promise<{ satori: typeof import('satori').default; sharp: typeof import('sharp').default }> | undefined;

/** Satori and sharp, imported once, on first use. */
function drawingLibraries() {
  drawing ??= Promise.all([import('satori'), import('sharp')]).then(([satori, sharp]) => ({
    satori: satori.default,
    sharp: sharp.default,
  }));
  return drawing;
}

const FACES = [
  { pkg: 'noto-serif', name: 'Noto Serif', weight: 700 },
  { pkg: 'noto-sans', name: 'Noto Sans', weight: 400 },
  { pkg: 'noto-sans', name: 'Noto Sans', weight: 700 },
] as const;
const SERIF_BOLD = { name: 'Noto Serif', weight: 700 } as const;
const SANS = { name: 'Noto Sans', weight: 400 } as const;
/** The faces headlines and names are drawn in, for the content rules' glyph check. */
export const SHARE_TITLE_FACE = SERIF_BOLD;
export const SHARE_TEXT_FACE = SANS;
const SANS_BOLD = { name: 'Noto Sans', weight: 700 } as const;

type Font = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };

interface LoadedFonts {
  fonts: Font[];
  /** Hash of every font file, for the cache key. */
  hash: string;
  /** Code points each face covers, from the @font-face unicode-range of the subsets loaded. */
  covers: Map<string, [number, number][]>;
}

let loadedFonts: LoadedFonts | undefined;

/** The WOFF files of @fontsource/noto-serif and noto-sans: Latin, Latin Extended and Cyrillic subsets. */
function fonts(): LoadedFonts {
  if (loadedFonts) return loadedFonts;
  const hash = createHash('sha256');
  const list: Font[] = [];
  const covers = new Map<string, [number, number][]>();
  for (const face of FACES) {
    const css = readFileSync(require.resolve(`@fontsource/${face.pkg}/${face.weight}.css`), 'utf8');
    const ranges: [number, number][] = [];
    for (const subset of FONT_SUBSETS) {
      const id = `${face.pkg}-${subset}-${face.weight}-normal`;
      const block = new RegExp(`/\\* ${id} \\*/[^}]*unicode-range:\\s*([^;]+);`).exec(css);
      if (!block) throw new Error(`@fontsource/${face.pkg}: no unicode-range for ${id}`);
      for (const range of block[1]!.split(',')) {
        const [from, to = from] = range.trim().replace(/^U\+/i, '').split('-');
        ranges.push([parseInt(from!, 16), parseInt(to!, 16)]);
      }
      const data = readFileSync(require.resolve(`@fontsource/${face.pkg}/files/${id}.woff`));
      hash.update(data);
      list.push({ name: subsetFamily(face.name, subset), data, weight: face.weight, style: 'normal' });
    }
    covers.set(`${face.name} ${face.weight}`, ranges);
  }
  loadedFonts = { fonts: list, hash: hash.digest('hex'), covers };
  return loadedFonts;
}

/**
 * Characters of `text` that the face has no glyph for (Satori would silently drop them).
 * Whitespace is always fine.
 */
export function missingGlyphs(text: string, face: { name: string; weight: 400 | 700 }): string[] {
  const ranges = fonts().covers.get(`${face.name} ${face.weight}`) ?? [];
  const missing = new Set<string>();
  for (const char of text) {
    if (/\s/.test(char)) continue;
    const code = char.codePointAt(0)!;
    if (!ranges.some(([from, to]) => code >= from && code <= to)) missing.add(char);
  }
  return [...missing];
}

/** Throws, naming the page, when a text of the card has a character no loaded font can draw. */
function checkGlyphs(texts: [string, { name: string; weight: 400 | 700 }][], where: string): void {
  for (const [text, face] of texts) {
    const missing = missingGlyphs(text, face);
    if (missing.length > 0) {
      throw new Error(
        `Share image ${where}: ${face.name} (Latin and Cyrillic subsets) has no glyph for "${missing.join('')}" in "${text}"`,
      );
    }
  }
}

/** An installed package's version, read from its package.json (sharp exports no `./package.json`). */
function versionOf(pkg: string): string {
  const file = findPackageJSON(pkg, import.meta.url);
  if (!file) throw new Error(`share images: no package.json found for ${pkg}`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Draws `node` into an SVG of paths. */
async function toSvg(node: Node, size: { width?: number; height?: number }): Promise<string> {
  const { satori } = await drawingLibraries();
  return satori(
    node as Parameters<typeof satori>[0],
    { ...size, fonts: fonts().fonts } as Parameters<typeof satori>[1],
  );
}

/** Laid-out size of `node` given one fixed dimension. */
async function measure(node: Node, size: { width: number } | { height: number }, where: string) {
  const svg = await toSvg(node, size);
  const match = /^<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (!match) throw new Error(`Share image ${where}: Satori returned no size`);
  return { width: Number(match[1]), height: Number(match[2]) };
}

/** "A · B · and 3 more" after dropping names from the end. */
function keepNames(names: readonly string[], count: number): string[] {
  const kept = names.slice(0, count);
  return count < names.length ? [...kept, `and ${names.length - count} more`] : kept;
}

/**
 * The largest title size at which the title and names fit the box, with no word wider than
 * a line (so Satori never breaks inside a word). When nothing fits, names are dropped from the
 * end, then words from the end of the title (with an ellipsis): never part of a word.
 */
export async function fitText(
  card: TextCard,
  size: { width: number; height: number },
  where = card.title,
): Promise<TextLayout> {
  const box = textBox(size.width, size.height);
  const fitsAt = async (title: string, names: readonly string[], titleSize: number) => {
    const { height } = await measure(
      textBody({ ...card, title }, titleSize, names),
      { width: box.width },
      where,
    );
    if (height > box.height) return false;
    const column = wordColumn(title, { fontFamily: FONT.serif, fontWeight: 700, fontSize: titleSize });
    return (await measure(column, { height: 10_000 }, where)).width <= box.width;
  };
  /** The layout at the largest size that fits, or undefined when even the smallest does not. */
  const layout = async (title: string, names: readonly string[]): Promise<TextLayout | undefined> => {
    // Most titles fit at the largest size: try it alone first (2 Satori passes instead of ~7).
    if (await fitsAt(title, names, TITLE_SIZES[0])) return { title, titleSize: TITLE_SIZES[0], names };
    // Smaller text always fits better: search the sizes (largest first) for the first that fits.
    let low = 0;
    let high = TITLE_SIZES.length - 1;
    let found: number | undefined;
    while (low <= high) {
      const middle = Math.floor((low + high) / 2);
      if (await fitsAt(title, names, TITLE_SIZES[middle]!)) {
        found = middle;
        high = middle - 1;
      } else low = middle + 1;
    }
    return found === undefined ? undefined : { title, titleSize: TITLE_SIZES[found]!, names };
  };
  /** The largest n in [low, high] for which `test(n)` is true, assuming fewer always fits better. */
  const largest = async <T>(low: number, high: number, test: (n: number) => Promise<T | undefined>) => {
    let best: T | undefined;
    while (low <= high) {
      const middle = Math.floor((low + high) / 2);
      const result = await test(middle);
      if (result) {
        best = result;
        low = middle + 1;
      } else high = middle - 1;
    }
    return best;
  };
  const names = card.names ?? [];
  const whole = await layout(card.title, names);
  if (whole) return whole;
  const fewerNames = await largest(0, names.length - 1, (count) =>
    layout(card.title, keepNames(names, count)),
  );
  if (fewerNames) return fewerNames;
  const words = card.title.split(/\s+/).filter(Boolean);
  const cut = (count: number) =>
    `${words
      .slice(0, count)
      .join(' ')
      .replace(/[\s,;:.-]+$/, '')}…`;
  const smallest = TITLE_SIZES.at(-1)!;
  const shorter = await largest(1, words.length - 1, async (count) =>
    (await fitsAt(cut(count), [], smallest))
      ? { title: cut(count), titleSize: smallest, names: [] }
      : undefined,
  );
  // Else a single word wider than the box at the smallest size: drawn whole, at that size.
  return shorter ?? { title: card.title, titleSize: TITLE_SIZES.at(-1)!, names: [] };
}

/** The largest credit size whose strip takes at most a quarter of the frame. */
async function fitCredit(
  card: PhotoCard,
  size: { width: number; height: number },
  where: string,
): Promise<number> {
  for (const fontSize of CREDIT_SIZES) {
    const { height } = await measure(creditStripAlone(card, fontSize), { width: size.width }, where);
    if (height <= size.height / 4) return fontSize;
  }
  return CREDIT_SIZES.at(-1)!;
}

/** Baseline JPEG at the first quality that stays under the byte cap. */
async function encode(image: Sharp, where: string): Promise<Buffer> {
  const { sharp } = await drawingLibraries();
  const raw = await image.raw().toBuffer({ resolveWithObject: true });
  for (const quality of QUALITIES) {
    const jpeg = await sharp(raw.data, { raw: raw.info })
      .jpeg({ quality, chromaSubsampling: '4:4:4', progressive: false, mozjpeg: false })
      .toBuffer();
    if (jpeg.length <= SHARE_IMAGE.maxBytes) return jpeg;
  }
  throw new Error(
    `Share image ${where}: over ${SHARE_IMAGE.maxBytes} bytes even at quality ${QUALITIES.at(-1)}`,
  );
}

/**
 * The card's photo, fitted to `size` (cropped from the centre), upright as its EXIF says. Refuses a file whose bytes are no longer those its cache
 * key was made from (replaced since the pages were made): the cache would keep the wrong picture.
 */
async function fittedPhoto(
  card: PhotoCard,
  size: { width: number; height: number },
  path: string,
): Promise<Sharp> {
  const { sharp } = await drawingLibraries();
  const bytes = readFileSync(card.file);
  if (card.contentHash !== undefined && photoHash(bytes) !== card.contentHash) {
    throw new Error(`Share image ${path}: ${card.file} changed since the pages were made; build again`);
  }
  return sharp(bytes)
    .rotate()
    .resize(size.width, size.height, { fit: 'cover', position: 'centre' })
    .removeAlpha();
}

/** Renders one image, ignoring the cache. */
export async function renderShareImage(job: ShareImageJob): Promise<Buffer> {
  const { sharp } = await drawingLibraries();
  const size = { width: job.width, height: job.height };
  const { card } = job;
  if (card.kind === 'text') {
    checkGlyphs(
      [
        [card.title, SERIF_BOLD],
        [`Backstory ${card.kicker} ${card.footer ?? ''}`, SANS_BOLD],
        [(card.names ?? []).join(' '), SANS],
      ],
      job.path,
    );
    const layout = await fitText(card, size, job.path);
    const svg = await toSvg(textCardTree(card, layout, size), size);
    return encode(sharp(Buffer.from(svg)).removeAlpha(), job.path);
  }
  if (card.drawCredit) {
    checkGlyphs([[`${creditText(card)} Backstory`, SANS]], job.path);
    const fontSize = await fitCredit(card, size, job.path);
    const overlay = await toSvg(photoOverlayTree(card, fontSize), size);
    const base = await (await fittedPhoto(card, size, job.path)).toBuffer();
    return encode(sharp(base).composite([{ input: Buffer.from(overlay) }]), job.path);
  }
  // Structured-data crops of a photo carry their credit in the JSON-LD instead.
  return encode(await fittedPhoto(card, size, job.path), job.path);
}

const fileHashes = new Map<string, { stamp: string; hash: string }>();

/** A photo's content hash, read once per build: several images of a page share one photo. */
function fileHash(file: string): string {
  const { mtimeMs, size } = statSync(file);
  const stamp = `${mtimeMs}:${size}`;
  const known = fileHashes.get(file);
  if (known?.stamp === stamp) return known.hash;
  const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
  fileHashes.set(file, { stamp, hash });
  return hash;
}

/** Cards that exercise every part of the templates, drawn as trees for the cache key. */
const SAMPLE_CARDS: readonly CardSpec[] = [
  { kind: 'text', kicker: 'Kicker', title: 'Title', names: ['Name'], footer: 'Footer' },
  { kind: 'text', kicker: 'Kicker', title: 'Title' },
  { kind: 'photo', file: '', credit: 'Credit', placeholder: true, drawCredit: true },
  { kind: 'photo', file: '', credit: 'Credit', placeholder: false, drawCredit: false },
];

let keyBase: ReturnType<typeof createHash> | undefined;

/**
 * A hash of what every image depends on: rules, fonts, library versions, and the templates (as
 * the trees they draw for sample cards, so any change to them redraws every image). Worked out
 * once: per image it took 0.04 ms, 0.55 s of a warm build at 1,000 articles (now 0.006 ms).
 */
function baseHash(): ReturnType<typeof createHash> {
  keyBase ??= createHash('sha256').update(
    JSON.stringify({
      RENDER_VERSION,
      QUALITIES,
      TITLE_SIZES,
      CREDIT_SIZES,
      templates: SAMPLE_CARDS.map((card) =>
        card.kind === 'photo'
          ? photoOverlayTree(card, CREDIT_SIZES[0])
          : textCardTree(
              card,
              { title: card.title, titleSize: TITLE_SIZES[0], names: card.names ?? [] },
              SHARE_IMAGE,
            ),
      ),
      fonts: fonts().hash,
      satori: versionOf('satori'),
      // sharp's version pins the libvips it ships with.
      sharp: versionOf('sharp'),
    }),
  );
  return keyBase;
}

/** Everything the output depends on, hashed: the job, the photo's bytes, fonts, versions, templates. */
export function cacheKey(job: ShareImageJob): string {
  const { card } = job;
  const input =
    card.kind === 'photo'
      ? { ...card, contentHash: undefined, file: card.contentHash ?? fileHash(card.file) }
      : card;
  return baseHash()
    .copy()
    .update(JSON.stringify({ size: { width: job.width, height: job.height }, input }))
    .digest('hex');
}

/** Where rendered images are kept between builds. */
export function defaultCacheDir(): string {
  return process.env['BACKSTORY_OG_CACHE'] ?? join(process.cwd(), 'node_modules/.cache/backstory-og');
}

/**
 * Renders one image, or reads it from `cacheDir` when nothing that goes into it has changed.
 * `key` is `cacheKey(job)`, for a caller that has worked it out already.
 */
export async function cachedShareImage(
  job: ShareImageJob,
  cacheDir: string | false = defaultCacheDir(),
  key = cacheKey(job),
): Promise<Buffer> {
  if (cacheDir === false) return renderShareImage(job);
  const file = join(cacheDir, `${key}.jpg`);
  if (existsSync(file)) return readFileSync(file);
  const bytes = await renderShareImage(job);
  writeAtomically(file, bytes);
  return bytes;
}
