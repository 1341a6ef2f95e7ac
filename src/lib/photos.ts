/**
 * What a gallery photo may be (its file types) and the sizes the pages offer it in: rules shared
 * by the schema, the content check and <PhotoFigure>, which has astro:assets make the sizes.
 */

/** Names of the photo files the site reads (sharp's raster formats). */
export type ImageType = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif' | 'tiff';

/** The file types a photo may be, by extension; the content check matches the bytes to them. */
export const PHOTO_EXTENSIONS: Readonly<Record<string, ImageType>> = {
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.png': 'png',
  '.webp': 'webp',
  '.avif': 'avif',
  '.gif': 'gif',
  '.tif': 'tiff',
  '.tiff': 'tiff',
};

/** A file name with one of {@link PHOTO_EXTENSIONS}, in any letter case. */
export const PHOTO_FILE = new RegExp(
  `(${Object.keys(PHOTO_EXTENSIONS)
    .map((extension) => `\\${extension}`)
    .join('|')})$`,
  'i',
);

/** The fix for a file of another type: the types {@link PHOTO_FILE} accepts. */
export const PHOTO_TYPES_FIX = 'use a .jpg, .png, .webp, .avif, .gif or .tif file';

/** Widths offered, those wider than the file left out; the largest serves the lightbox. */
export const PHOTO_WIDTHS = [400, 800, 1200, 1600] as const;

/**
 * How every size is encoded: WebP alone, which every current browser reads (a JPEG fallback
 * doubled the files to encode and copy; AVIF encodes 10-20x slower for a few KB less).
 */
export const PHOTO_ENCODING = { format: 'webp', quality: 80 } as const;

/** The widths to offer of a file `width` pixels wide: never wider than the file. */
export function photoWidths(width: number, widths: readonly number[] = PHOTO_WIDTHS): number[] {
  const fitting = widths.filter((each) => each <= width);
  // A file narrower than the largest width is offered at its own width too.
  return fitting.length === widths.length || fitting.includes(width) ? fitting : [...fitting, width];
}
