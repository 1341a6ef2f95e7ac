/**
 * What a gallery photo may be and the sizes the pages offer it in (src/lib/photos.ts). The sizes
 * themselves are made by astro:assets: <PhotoFigure> (tests/components/PhotoFigure.test.ts)
 * asks for them, and the built site (tests/build/) has them.
 */
import { describe, expect, it } from 'vitest';
import {
  PHOTO_ENCODING,
  PHOTO_EXTENSIONS,
  PHOTO_FILE,
  PHOTO_TYPES_FIX,
  PHOTO_WIDTHS,
  photoWidths,
} from '../../src/lib/photos.ts';

describe('photoWidths', () => {
  it('offers every width of a file at least as wide as the largest', () => {
    expect(PHOTO_WIDTHS).toEqual([400, 800, 1200, 1600]);
    expect(photoWidths(1600)).toEqual([400, 800, 1200, 1600]);
    expect(photoWidths(4000)).toEqual([400, 800, 1200, 1600]);
  });

  it('never offers a size wider than the file, and offers the file at its own width', () => {
    expect(photoWidths(1000)).toEqual([400, 800, 1000]);
    expect(photoWidths(800)).toEqual([400, 800]);
    expect(photoWidths(401)).toEqual([400, 401]);
    expect(photoWidths(400)).toEqual([400]);
    expect(photoWidths(64)).toEqual([64]);
  });

  it('works from the widths it is given', () => {
    expect(photoWidths(500, [100, 300, 600])).toEqual([100, 300, 500]);
    expect(photoWidths(600, [100, 300, 600])).toEqual([100, 300, 600]);
  });
});

describe('PHOTO_ENCODING', () => {
  it('is WebP alone, at quality 80', () => {
    expect(PHOTO_ENCODING).toEqual({ format: 'webp', quality: 80 });
  });
});

describe('PHOTO_FILE', () => {
  it('accepts each photo extension in any letter case', () => {
    for (const extension of Object.keys(PHOTO_EXTENSIONS)) {
      for (const name of [`a${extension}`, `a${extension.toUpperCase()}`, `Ministers Meet${extension}`]) {
        expect(PHOTO_FILE.test(name), name).toBe(true);
      }
    }
    expect(PHOTO_FILE.test('photo.JpEg')).toBe(true);
  });

  it('refuses any other file, and an extension not at the end', () => {
    for (const name of ['a.svg', 'a.heic', 'a.bmp', 'a.jpg.txt', 'a.jpgx', 'a.pdf', 'jpg', 'a_jpg', 'a.']) {
      expect(PHOTO_FILE.test(name), name).toBe(false);
    }
  });
});

describe('PHOTO_EXTENSIONS and PHOTO_TYPES_FIX', () => {
  it('name sharp raster formats, by extensions with a leading dot in lower case', () => {
    for (const [extension, type] of Object.entries(PHOTO_EXTENSIONS)) {
      expect(extension).toMatch(/^\.[a-z]+$/);
      expect(['jpeg', 'png', 'webp', 'avif', 'gif', 'tiff']).toContain(type);
    }
  });

  it('agree: the fix names one extension of every type accepted, and only accepted ones', () => {
    const named = PHOTO_TYPES_FIX.match(/\.\w+/g) ?? [];
    for (const extension of named) expect(PHOTO_EXTENSIONS).toHaveProperty([extension]);
    expect(new Set(named.map((extension) => PHOTO_EXTENSIONS[extension]))).toEqual(
      new Set(Object.values(PHOTO_EXTENSIONS)),
    );
  });
});
