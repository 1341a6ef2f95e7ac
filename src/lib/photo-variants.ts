/**
 * The sizes each gallery photo is published in, and their URLs: pure rules shared by the pages
 * (srcset), the list the build hands to src/build/photos.ts (which makes and publishes the
 * files) and the dev server's photo route. Photos bypass Astro's image pipeline: as `image()`
 * imports, Vite read, hashed and wrote every original on every build (docs/decisions/0004-photo-sizes-after-the-build.md).
 */
import { createHash } from 'node:crypto';

/** The folder of dist/ the photo sizes are published in. */
export const PHOTO_FOLDER = '_photos';

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

/** Widths to make, those wider than the file left out; the largest serves the lightbox. */
export const PHOTO_WIDTHS = [400, 800, 1200, 1600] as const;

/**
 * How every size is made (src/files/photos.ts, makeVariant): turned upright, resized to exactly its
 * width and height, and encoded as WebP alone, which every current browser reads (a JPEG fallback
 * doubled the files to encode and copy; AVIF encodes 10-20x slower for a few KB less). Part of
 * each size's name, so a change here gives every size a new URL: bump `version` whenever
 * makeVariant changes what it makes, since its files are cached by name and served as immutable.
 */
export const PHOTO_ENCODING = { format: 'webp', quality: 80, fit: 'fill', version: 1 } as const;

/** The hash of a photo's bytes that its sizes are named after (and share images keyed by). */
export function photoHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 16);
}

/** A photo file as the pages know it (src/files/photos.ts reads it). */
export interface PhotoImage {
  /** The original, relative to the project: 'content/articles/x/photo.jpg'. */
  file: string;
  /** Pixel size, upright (after the EXIF orientation). */
  width: number;
  height: number;
  /** Hash of the file's bytes. */
  hash: string;
}

/** One published size of a photo. */
export interface PhotoVariant {
  /** Site-relative URL path: '/_photos/<name>-<width>.<id>.webp'. */
  path: string;
  width: number;
  height: number;
  /** The original it is made from, and the hash of its bytes the name was made from. */
  file: string;
  hash: string;
}

/** The widths to make for a file `width` pixels wide: never wider than the file. */
export function variantWidths(width: number, widths: readonly number[] = PHOTO_WIDTHS): number[] {
  const fitting = widths.filter((each) => each <= width);
  // A file narrower than the largest width is offered at its own width too.
  return fitting.length === widths.length || fitting.includes(width) ? fitting : [...fitting, width];
}

/** A URL-safe name from the original's file name: 'Macron Zelensky.JPG' -> 'macron-zelensky'. */
function nameOf(file: string): string {
  const base = file
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[^.]*$/, '');
  return (
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'photo'
  );
}

/** Every size of `image`, smallest first. */
export function photoVariants(image: PhotoImage): PhotoVariant[] {
  return variantWidths(image.width).map((width) => {
    const id = createHash('sha256')
      .update(JSON.stringify([image.hash, width, PHOTO_ENCODING]))
      .digest('base64url')
      .slice(0, 10);
    return {
      path: `/${PHOTO_FOLDER}/${nameOf(image.file)}-${width}.${id}.${PHOTO_ENCODING.format}`,
      width,
      height: Math.max(1, Math.round((image.height * width) / image.width)),
      file: image.file,
      hash: image.hash,
    };
  });
}

/** The `srcset` of `variants`: 'url 400w, url 800w'. */
export function srcsetOf(variants: readonly PhotoVariant[]): string {
  return variants.map((variant) => `${variant.path} ${variant.width}w`).join(', ');
}
