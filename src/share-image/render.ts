/**
 * Share images, the drawing: Satori lays out text with fonts from npm packages (WOFF, never
 * WOFF2, which Satori rejects; only the files a picture needs, fonts.ts) into an SVG
 * of paths; sharp rasterises it, or fits a photo to the frame and draws the credit over it, and
 * encodes a baseline JPEG. Same input, same bytes.
 * Right-to-left text (Arabic, Hebrew) is drawn by sharp's text input instead (Pango: HarfBuzz
 * shaping, the full bidi algorithm) and placed in Satori's layout as a picture: Satori 0.63 joins
 * Arabic letters but drops dots drawn as marks (final yeh ي became ى, ة became ه, ق became ف).
 * Results are cached by a hash of everything that goes into them, so unchanged pages are not redrawn.
 * Satori and sharp load on the first drawing: a build whose images all come from the cache
 * never loads them (Satori's modules took about 0.05 s of every warm build).
 */
import { languageDirection, RTL_LETTER, textDirection } from '../lib/text-direction.ts';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { findPackageJSON } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sharp } from 'sharp';
import {
  COLORS,
  CREDIT_SIZES,
  FONT,
  FONT_SUBSETS,
  FOOTER_SIZE,
  NAMES_SIZE,
  SHARE_IMAGE,
  TITLE_SIZES,
  creditStripAlone,
  creditText,
  drawnKey,
  namesLine,
  photoOverlayTree,
  subsetFamily,
  textBody,
  textBox,
  textCardTree,
  unbreakable,
  withWordBreaks,
  wordColumn,
  type CardSpec,
  type DrawnTexts,
  type Node,
  type PhotoCard,
  type ShareImageJob,
  type TextCard,
  type TextImage,
  type TextLayout,
  type TextRole,
} from './cards.ts';
import {
  FONT_PACKAGES,
  faceFiles,
  fontHash,
  fontsForTexts,
  missingGlyphs,
  woffToSfnt,
  type Face,
  type FontFile,
} from './fonts.ts';
import { writeAtomically } from '../files/write-atomically.ts';

export { missingGlyphs };

/** Bump when the fitting rules change in a way the element trees do not show. */
const RENDER_VERSION = 4;

/** JPEG qualities tried in turn until the image is under the byte cap. */
const QUALITIES = [84, 76, 68, 60, 52] as const;

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

const SERIF_BOLD = { name: 'Noto Serif', weight: 700 } as const;
const SANS = { name: 'Noto Sans', weight: 400 } as const;
/** The faces headlines and names are drawn in, for the content rules' glyph check. */
export const SHARE_TITLE_FACE = SERIF_BOLD;
export const SHARE_TEXT_FACE = SANS;
const SANS_BOLD = { name: 'Noto Sans', weight: 700 } as const;

type Font = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };

/** Every text a card draws, in its face. */
function cardTexts(card: CardSpec): [string, Face][] {
  if (card.kind === 'photo') {
    return card.drawCredit
      ? [
          [creditText(card), SANS],
          ['Backstory', SANS_BOLD],
        ]
      : [];
  }
  return [
    [card.title, SERIF_BOLD],
    // What fitting may add: an ellipsis, "and 3 more".
    ['… and more', SERIF_BOLD],
    [`Backstory ${card.kicker.toUpperCase()} ${card.footer ?? ''}`, SANS_BOLD],
    [namesLine(card.names ?? []), SANS],
    ['and more', SANS],
  ];
}

/** The Satori family name of a font file: the base subsets as FONT lists them, the others by id. */
function satoriName(file: FontFile): string {
  for (const base of ['noto-serif', 'noto-sans']) {
    const subset = file.id.slice(base.length + 1, -`-${file.weight}`.length);
    if (file.id.startsWith(`${base}-`) && (FONT_SUBSETS as readonly string[]).includes(subset))
      return subsetFamily(file.family, subset);
  }
  return file.id.replace(/-\d+$/, '');
}

const fontData = new Map<string, Buffer>();
/** Font lists by the files in them: Satori keeps its parsed fonts for a list it has seen. */
const fontLists = new Map<string, Font[]>();

/** The fonts a card needs, as Satori takes them: the same list object for the same files. */
function satoriFonts(files: readonly FontFile[]): Font[] {
  const sorted = [...files].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const key = sorted.map((file) => file.id).join(' ');
  let list = fontLists.get(key);
  if (!list) {
    list = sorted.map((file) => {
      let data = fontData.get(file.path);
      if (!data) {
        data = readFileSync(file.path);
        fontData.set(file.path, data);
      }
      return { name: satoriName(file), data, weight: file.weight, style: 'normal' };
    });
    fontLists.set(key, list);
  }
  return list;
}

/** Throws, naming the page, when a text of the card has a character no share-image font can draw. */
function checkGlyphs(texts: [string, Face][], where: string): void {
  for (const [text, face] of texts) {
    const missing = missingGlyphs(text, face);
    if (missing.length > 0) {
      throw new Error(
        `Share image ${where}: no share-image font (${face.name} and the Noto families of other scripts) has a glyph for "${missing.join('')}" in "${text}"`,
      );
    }
  }
}

/** Where the fonts are kept as TrueType files for Pango, by content hash. */
const PANGO_FONT_DIR = join(tmpdir(), 'backstory-share-fonts');
const pangoFonts = new Set<string>();

/** Makes a font file known to Pango (fontconfig): once per process, as a TrueType copy. */
async function registerForPango(file: FontFile): Promise<void> {
  if (pangoFonts.has(file.path)) return;
  const { sharp } = await drawingLibraries();
  const ttf = join(PANGO_FONT_DIR, `${fontHash(file)}.ttf`);
  if (!existsSync(ttf)) writeAtomically(ttf, woffToSfnt(readFileSync(file.path)));
  // libvips adds a `fontfile` to fontconfig for the rest of the process.
  await sharp({ text: { text: '.', fontfile: ttf, font: `${file.family} 8` } }).toBuffer();
  pangoFonts.add(file.path);
}

const escapeMarkup = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * `text` drawn by Pango in `face` at `fontSize` px, wrapped at `width`, as a PNG: lines in
 * reading order, each aligned to its start (right for a right-to-left paragraph).
 */
async function pangoText(
  text: string,
  face: Face,
  fontSize: number,
  color: string,
  width: number | undefined,
  direction: 'ltr' | 'rtl' = textDirection(text),
): Promise<TextImage> {
  const { sharp } = await drawingLibraries();
  const { files } = fontsForTexts([[text, face]]);
  for (const file of files) await registerForPango(file);
  const families = [...new Set(faceFiles(face, text).map((file) => file.family))];
  const { data, info } = await sharp({
    text: {
      // A leading mark sets the paragraph's direction, which Pango otherwise takes from the first letter.
      text: `<span foreground="${color}">${direction === 'rtl' ? '\u200F' : '\u200E'}${escapeMarkup(text)}</span>`,
      font: `${families.join(',')} ${face.weight === 700 ? 'Bold' : 'Regular'} ${fontSize}px`,
      dpi: 72,
      rgba: true,
      // With Pango's automatic direction, "left" is the start of each paragraph: right for Arabic.
      align: 'left',
      wrap: 'word',
      ...(width === undefined ? {} : { width }),
    },
  })
    .png({ compressionLevel: 9 })
    .toBuffer({ resolveWithObject: true });
  return {
    src: `data:image/png;base64,${data.toString('base64')}`,
    width: info.width,
    height: info.height,
    rtl: direction === 'rtl',
  };
}

/** The direction of a text card's title: its language's, when the card gives one. */
const titleDirectionOf = (card: TextCard) => (card.lang ? languageDirection(card.lang) : undefined);

/** A card's right-to-left texts drawn by Pango, kept for the card's fitting passes. */
class RtlTexts {
  readonly drawn = new Map<string, TextImage>();

  /** The title's direction, from its language; else its first letter decides. */
  readonly titleDirection: 'ltr' | 'rtl' | undefined;

  constructor(titleDirection?: 'ltr' | 'rtl') {
    this.titleDirection = titleDirection;
  }

  /** Draws `text` for `role` unless it is left to right only or drawn already. */
  async add(
    role: TextRole,
    fontSize: number,
    text: string,
    face: Face,
    color: string,
    width: number | undefined,
    draw = text,
  ): Promise<TextImage | undefined> {
    if (!RTL_LETTER.test(text)) return undefined;
    const key = `${drawnKey(role, fontSize, draw)}|${width ?? 'unwrapped'}`;
    let image = this.drawn.get(key);
    if (!image) {
      const direction = role === 'title' ? this.titleDirection : undefined;
      image = await pangoText(draw, face, fontSize, color, width, direction);
      this.drawn.set(key, image);
    }
    return image;
  }

  /** The title and names of a text card at a size (names each isolated, for the bidi algorithm). */
  async body(title: string, titleSize: number, names: readonly string[], width: number): Promise<DrawnTexts> {
    const drawn = new Map<string, TextImage>();
    const titleImage = await this.add('title', titleSize, title, SERIF_BOLD, COLORS.text, width);
    if (titleImage) drawn.set(drawnKey('title', titleSize, title), titleImage);
    if (names.length > 0) {
      const line = namesLine(names);
      const isolated = names.map((name) => `\u2068${name}\u2069`).join(' · ');
      const namesImage = await this.add('names', NAMES_SIZE, line, SANS, COLORS.muted, width, isolated);
      if (namesImage) drawn.set(drawnKey('names', NAMES_SIZE, line), namesImage);
    }
    return drawn;
  }
}

/** An installed package's version, read from its package.json (sharp exports no `./package.json`). */
function versionOf(pkg: string): string {
  const file = findPackageJSON(pkg, import.meta.url);
  if (!file) throw new Error(`share images: no package.json found for ${pkg}`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * `node` with the families of the other scripts' fonts a picture loads added to every font list:
 * Satori picks the weight within a family it is given, but falls back to unlisted fonts in the
 * order passed, whatever their weight.
 */
function withFamilies(node: Node, extra: string): Node {
  const { style, children } = node.props;
  const props = { ...node.props };
  if (style?.['fontFamily'] !== undefined)
    props.style = { ...style, fontFamily: `${style['fontFamily']}, ${extra}` };
  if (Array.isArray(children))
    props.children = children.map((child) =>
      typeof child === 'string' ? child : withFamilies(child, extra),
    );
  else if (children !== undefined && typeof children !== 'string')
    props.children = withFamilies(children, extra);
  return { ...node, props };
}

/** Draws `node` into an SVG of paths. */
async function toSvg(node: Node, size: { width?: number; height?: number }, fonts: Font[]): Promise<string> {
  const { satori } = await drawingLibraries();
  const base = new Set(
    FONT_SUBSETS.flatMap((subset) => ['Noto Serif', 'Noto Sans'].map((f) => subsetFamily(f, subset))),
  );
  const extra = [...new Set(fonts.map((font) => font.name).filter((name) => !base.has(name)))];
  const tree = extra.length > 0 ? withFamilies(node, extra.map((name) => `'${name}'`).join(', ')) : node;
  return satori(tree as Parameters<typeof satori>[0], { ...size, fonts } as Parameters<typeof satori>[1]);
}

/** Laid-out size of `node` given one fixed dimension. */
async function measure(
  node: Node,
  size: { width: number } | { height: number },
  where: string,
  fonts: Font[],
) {
  const svg = await toSvg(node, size, fonts);
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
  rtl = new RtlTexts(titleDirectionOf(card)),
): Promise<TextLayout> {
  const box = textBox(size.width, size.height);
  const fonts = satoriFonts(fontsForTexts(cardTexts(card)).files);
  const fitsAt = async (title: string, names: readonly string[], titleSize: number) => {
    const drawn = await rtl.body(title, titleSize, names, box.width);
    const { height } = await measure(
      textBody({ ...card, title }, titleSize, names, drawn),
      { width: box.width },
      where,
      fonts,
    );
    if (height > box.height) return false;
    if (RTL_LETTER.test(title)) {
      // Pango breaks lines between words too: the widest word, alone, must fit a line.
      const words = [...new Set(unbreakable(title))].join('\n');
      const column = await rtl.add('title', titleSize, title, SERIF_BOLD, COLORS.text, undefined, words);
      return column!.width <= box.width;
    }
    const column = wordColumn(title, { fontFamily: FONT.serif, fontWeight: 700, fontSize: titleSize });
    return (await measure(column, { height: 10_000 }, where, fonts)).width <= box.width;
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
  rtl: RtlTexts,
  fonts: Font[],
): Promise<number> {
  for (const fontSize of CREDIT_SIZES) {
    const drawn = await creditDrawn(card, fontSize, size.width, rtl);
    const { height } = await measure(
      creditStripAlone(card, fontSize, drawn),
      { width: size.width },
      where,
      fonts,
    );
    if (height <= size.height / 4) return fontSize;
  }
  return CREDIT_SIZES.at(-1)!;
}

/** A right-to-left credit drawn by Pango, as wide as the strip leaves it (padding, gap, "Backstory"). */
async function creditDrawn(
  card: PhotoCard,
  fontSize: number,
  width: number,
  rtl: RtlTexts,
): Promise<DrawnTexts> {
  const text = creditText(card);
  const image = await rtl.add('credit', fontSize, text, SANS, '#ffffff', width - 2 * 40 - 32 - 150);
  return new Map(image ? [[drawnKey('credit', fontSize, text), image]] : []);
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

/** The card's photo, fitted to `size` (cropped from the centre), upright as its EXIF says. */
async function fittedPhoto(card: PhotoCard, size: { width: number; height: number }): Promise<Sharp> {
  const { sharp } = await drawingLibraries();
  return sharp(readFileSync(card.file))
    .rotate()
    .resize(size.width, size.height, { fit: 'cover', position: 'centre' })
    .removeAlpha();
}

/** Renders one image, ignoring the cache. */
export async function renderShareImage(job: ShareImageJob): Promise<Buffer> {
  const { sharp } = await drawingLibraries();
  const size = { width: job.width, height: job.height };
  const texts = cardTexts(job.card);
  checkGlyphs(texts, job.path);
  const card = job.card.kind === 'text' ? { ...job.card, title: withWordBreaks(job.card.title) } : job.card;
  const fonts = satoriFonts(fontsForTexts(texts).files);
  const rtl = new RtlTexts(card.kind === 'text' ? titleDirectionOf(card) : undefined);
  if (card.kind === 'text') {
    const layout = await fitText(card, size, job.path, rtl);
    const box = textBox(size.width, size.height);
    const drawn = new Map(await rtl.body(layout.title, layout.titleSize, layout.names, box.width));
    const footer = card.footer ?? '';
    const footerImage = await rtl.add('footer', FOOTER_SIZE, footer, SANS_BOLD, COLORS.muted, box.width);
    if (footerImage) drawn.set(drawnKey('footer', FOOTER_SIZE, footer), footerImage);
    const svg = await toSvg(textCardTree(card, layout, size, drawn), size, fonts);
    return encode(sharp(Buffer.from(svg)).removeAlpha(), job.path);
  }
  if (card.drawCredit) {
    const fontSize = await fitCredit(card, size, job.path, rtl, fonts);
    const drawn = await creditDrawn(card, fontSize, size.width, rtl);
    const overlay = await toSvg(photoOverlayTree(card, fontSize, drawn), size, fonts);
    const base = await (await fittedPhoto(card, size)).toBuffer();
    return encode(sharp(base).composite([{ input: Buffer.from(overlay) }]), job.path);
  }
  // Structured-data crops of a photo carry their credit in the JSON-LD instead.
  return encode(await fittedPhoto(card, size), job.path);
}

const fileHashes = new Map<string, { stamp: string; hash: string }>();

/**
 * A photo's content hash, read once per build (several images of a page share one photo) and again
 * if the file is changed meanwhile: any write changes its ctime, a replacement its inode.
 */
function fileHash(file: string): string {
  const { mtimeMs, ctimeMs, ino, size } = statSync(file);
  const stamp = `${mtimeMs}:${ctimeMs}:${ino}:${size}`;
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
      fonts: FONT_PACKAGES.map((pkg) => `${pkg}@${versionOf(`@fontsource/${pkg}`)}`),
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
  const input = card.kind === 'photo' ? { ...card, file: fileHash(card.file) } : card;
  // The bytes of every font file the card loads: a font change redraws the pictures that use it.
  const fonts = fontsForTexts(cardTexts(card)).files.map(fontHash).sort();
  return baseHash()
    .copy()
    .update(JSON.stringify({ size: { width: job.width, height: job.height }, input, fonts }))
    .digest('hex');
}

/** Where rendered images are kept between builds. */
function defaultCacheDir(): string {
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
