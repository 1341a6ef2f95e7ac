/**
 * Share images, the fonts: which Noto WOFF files (from @fontsource) a picture loads, and which
 * characters they can draw. Coverage is read from each file's own character map (cmap), so
 * `missingGlyphs` answers exactly what a picture can load: check:content and the renderer ask
 * the same question of the same files.
 *
 * A face is a base family (Noto Serif for headlines, Noto Sans for the rest: Latin, Latin
 * Extended, Vietnamese, Cyrillic, Greek) followed by the Noto Sans family of each other script
 * (Arabic, Hebrew, Thai, Devanagari), then one CJK family chosen by the text (Korean when it has
 * Hangul, Japanese when it has kana, else Simplified Chinese; the other two after it). Each
 * character is drawn from the first file in that order whose cmap has it, and a picture loads only
 * those files: a Latin card loads one or two small files, a Chinese one a few of the ~100 slices.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);

export type Weight = 400 | 700;
export interface Face {
  name: string;
  weight: Weight;
}

/** One WOFF file of a @fontsource package: a subset of a family at one weight. */
export interface FontFile {
  /** 'noto-sans-arabic-arabic-700', unique; also the family name Satori knows it by. */
  id: string;
  /** The family name inside the file ('Noto Sans Arabic'), for Pango. */
  family: string;
  weight: Weight;
  path: string;
  /** Sorted, disjoint code point ranges from the CSS unicode-range (an upper bound of the cmap). */
  ranges: [number, number][];
}

/** The base subsets of Noto Serif and Noto Sans a face looks in first. */
const BASE_SUBSETS = ['latin', 'latin-ext', 'vietnamese', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext'];

/** The other scripts, each a Noto Sans family of its own, with the subsets that hold the script. */
const SCRIPT_PACKAGES = [
  { pkg: 'noto-sans-arabic', family: 'Noto Sans Arabic', subsets: ['arabic'] },
  { pkg: 'noto-sans-hebrew', family: 'Noto Sans Hebrew', subsets: ['hebrew'] },
  { pkg: 'noto-sans-thai', family: 'Noto Sans Thai', subsets: ['thai'] },
  { pkg: 'noto-sans-devanagari', family: 'Noto Sans Devanagari', subsets: ['devanagari'] },
] as const;

/** Chinese, Japanese and Korean: fontsource slices each into ~100 numbered subsets. */
const CJK_PACKAGES = {
  sc: { pkg: 'noto-sans-sc', family: 'Noto Sans SC' },
  jp: { pkg: 'noto-sans-jp', family: 'Noto Sans JP' },
  kr: { pkg: 'noto-sans-kr', family: 'Noto Sans KR' },
} as const;
type Cjk = keyof typeof CJK_PACKAGES;

/** Every package share images read fonts from (for the cache key and the docs). */
export const FONT_PACKAGES = [
  'noto-serif',
  'noto-sans',
  ...SCRIPT_PACKAGES.map((entry) => entry.pkg),
  ...Object.values(CJK_PACKAGES).map((entry) => entry.pkg),
];

const cssFiles = new Map<string, FontFile[]>();

/** The files of a package at one weight, read from its CSS in the order it lists them. */
function packageFiles(pkg: string, family: string, weight: Weight): FontFile[] {
  const key = `${pkg}/${weight}`;
  let files = cssFiles.get(key);
  if (files) return files;
  const css = readFileSync(require.resolve(`@fontsource/${pkg}/${weight}.css`), 'utf8');
  files = [];
  for (const block of css.matchAll(/\/\* (\S+) \*\/\s*@font-face\s*{([^}]*)}/g)) {
    const body = block[2]!;
    const file = /url\(\.\/files\/([^)]+\.woff)\)/.exec(body)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    if (!file || !range) continue;
    const ranges = range
      .split(',')
      .map((part): [number, number] => {
        const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(from!, 16), parseInt(to!, 16)];
      })
      .sort((a, b) => a[0] - b[0]);
    files.push({
      id: file.replace(/-normal\.woff$/, ''),
      family,
      weight,
      path: require.resolve(`@fontsource/${pkg}/files/${file}`),
      ranges,
    });
  }
  if (files.length === 0) throw new Error(`@fontsource/${pkg}: no WOFF files in ${weight}.css`);
  cssFiles.set(key, files);
  return files;
}

/** A subset's file, by its fontsource subset name ('latin', 'arabic', '57'). */
function subsetFiles(pkg: string, family: string, weight: Weight, subsets?: readonly string[]): FontFile[] {
  const files = packageFiles(pkg, family, weight);
  if (!subsets) return files;
  return subsets.map((subset) => {
    const found = files.find((file) => file.id === `${pkg}-${subset}-${weight}`);
    if (!found) throw new Error(`@fontsource/${pkg}: no ${subset} subset at weight ${weight}`);
    return found;
  });
}

/** Which CJK family a text prefers: Korean with Hangul, Japanese with kana, else Chinese. */
export function cjkOrder(text: string): Cjk[] {
  if (/[\p{Script=Hangul}]/u.test(text)) return ['kr', 'jp', 'sc'];
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return ['jp', 'sc', 'kr'];
  return ['sc', 'jp', 'kr'];
}

/**
 * The files a face looks in, in order, for a picture whose texts are `text`. Headlines fall back
 * to Noto Sans for other scripts. A picture has one order for all its texts, so a character is
 * drawn from the same family in every face and Satori picks the right weight within it.
 */
export function faceFiles(face: Face, text: string): FontFile[] {
  const base = face.name === 'Noto Serif' ? 'noto-serif' : 'noto-sans';
  return [
    ...subsetFiles(base, face.name, face.weight, BASE_SUBSETS),
    ...SCRIPT_PACKAGES.flatMap((entry) => subsetFiles(entry.pkg, entry.family, face.weight, entry.subsets)),
    ...cjkOrder(text).flatMap((cjk) =>
      packageFiles(CJK_PACKAGES[cjk].pkg, CJK_PACKAGES[cjk].family, face.weight),
    ),
  ];
}

const cmaps = new Map<string, Set<number>>();

/** The code points a WOFF (1.0) file's cmap maps to a glyph. */
export function woffCoverage(path: string): Set<number> {
  let covered = cmaps.get(path);
  if (covered) return covered;
  const cmap = woffTable(readFileSync(path), 'cmap', path);
  covered = new Set<number>();
  const count = cmap.readUInt16BE(2);
  // Prefer the full-repertoire Unicode subtable (format 12) over the BMP one (format 4).
  let best: { offset: number; format: number } | undefined;
  for (let i = 0; i < count; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const offset = cmap.readUInt32BE(8 + i * 8);
    const format = cmap.readUInt16BE(offset);
    if ((platform === 0 || platform === 3) && (format === 12 || (format === 4 && best?.format !== 12)))
      best = { offset, format };
  }
  if (!best) throw new Error(`${path}: no Unicode cmap`);
  const at = best.offset;
  if (best.format === 12) {
    const groups = cmap.readUInt32BE(at + 12);
    for (let g = 0; g < groups; g++) {
      const start = cmap.readUInt32BE(at + 16 + g * 12);
      const end = cmap.readUInt32BE(at + 20 + g * 12);
      const glyph = cmap.readUInt32BE(at + 24 + g * 12);
      for (let code = start; code <= end; code++) if (glyph + code - start !== 0) covered.add(code);
    }
  } else {
    const segments = cmap.readUInt16BE(at + 6) / 2;
    const ends = at + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const offsets = deltas + segments * 2;
    for (let s = 0; s < segments; s++) {
      const end = cmap.readUInt16BE(ends + s * 2);
      const start = cmap.readUInt16BE(starts + s * 2);
      const delta = cmap.readInt16BE(deltas + s * 2);
      const rangeOffset = cmap.readUInt16BE(offsets + s * 2);
      for (let code = start; code <= end && code !== 0xffff; code++) {
        let glyph: number;
        if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
        else {
          const index = offsets + s * 2 + rangeOffset + (code - start) * 2;
          glyph = cmap.readUInt16BE(index);
          if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
        }
        if (glyph !== 0) covered.add(code);
      }
    }
  }
  cmaps.set(path, covered);
  return covered;
}

/** One table of a WOFF 1.0 file, decompressed. */
function woffTable(woff: Buffer, tag: string, path: string): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error(`${path}: not a WOFF 1.0 file`);
  const count = woff.readUInt16BE(12);
  for (let i = 0; i < count; i++) {
    const entry = 44 + i * 20;
    if (woff.toString('latin1', entry, entry + 4) !== tag) continue;
    const offset = woff.readUInt32BE(entry + 4);
    const compressed = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const data = woff.subarray(offset, offset + compressed);
    return compressed < length ? inflateSync(data) : data;
  }
  throw new Error(`${path}: no ${tag} table`);
}

/**
 * The same font as a plain TrueType/OpenType file (WOFF 1.0 only wraps and compresses its tables):
 * sharp's text input (Pango, FreeType) does not read WOFF and silently draws in a system font.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  const count = woff.readUInt16BE(12);
  const tables: { tag: string; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const entry = 44 + i * 20;
    const offset = woff.readUInt32BE(entry + 4);
    const compressed = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const data = woff.subarray(offset, offset + compressed);
    tables.push({
      tag: woff.toString('latin1', entry, entry + 4),
      checksum: woff.readUInt32BE(entry + 16),
      data: compressed < length ? inflateSync(data) : data,
    });
  }
  const selector = Math.floor(Math.log2(count));
  const searchRange = 2 ** selector * 16;
  const header = Buffer.alloc(12 + 16 * count);
  woff.copy(header, 0, 4, 8);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(selector, 8);
  header.writeUInt16BE(count * 16 - searchRange, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    const record = 12 + 16 * i;
    header.write(table.tag, record, 'latin1');
    header.writeUInt32BE(table.checksum, record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(table.data.length, record + 12);
    const pad = (4 - (table.data.length % 4)) % 4;
    parts.push(table.data, Buffer.alloc(pad));
    offset += table.data.length + pad;
  });
  return Buffer.concat(parts);
}

function inRanges(ranges: readonly [number, number][], code: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [from, to] = ranges[middle]!;
    if (code < from) high = middle - 1;
    else if (code > to) low = middle + 1;
    else return true;
  }
  return false;
}

/** Characters that draw nothing and need no glyph: white space and format controls (ZWJ, marks of direction). */
const INVISIBLE = /[\s\p{Cf}]/u;

/** The file a character is drawn from, or undefined when none of the face's files has it. */
function fileFor(code: number, files: readonly FontFile[]): FontFile | undefined {
  return files.find((file) => inRanges(file.ranges, code) && woffCoverage(file.path).has(code));
}

/**
 * The files a picture needs to draw `texts` (each in its face), and the characters none of them has.
 * Invisible characters are drawn from a file when one has them and otherwise need none.
 */
export function fontsForTexts(texts: readonly (readonly [string, Face])[]): {
  files: FontFile[];
  missing: string[];
} {
  const files = new Set<FontFile>();
  const missing = new Set<string>();
  const all = texts.map(([text]) => text).join(' ');
  for (const [text, face] of texts) {
    const order = faceFiles(face, all);
    files.add(order[0]!);
    for (const char of new Set(text)) {
      const file = fileFor(char.codePointAt(0)!, order);
      if (file) files.add(file);
      else if (!INVISIBLE.test(char)) missing.add(char);
    }
  }
  return { files: [...files], missing: [...missing] };
}

/** Characters of `text` that no file of the face can draw. */
export function missingGlyphs(text: string, face: Face): string[] {
  return fontsForTexts([[text, face]]).missing;
}

const fileHashes = new Map<string, string>();

/** The SHA-256 of a font file, read once. */
export function fontHash(file: FontFile): string {
  let hash = fileHashes.get(file.path);
  if (!hash) {
    hash = createHash('sha256').update(readFileSync(file.path)).digest('hex');
    fileHashes.set(file.path, hash);
  }
  return hash;
}
