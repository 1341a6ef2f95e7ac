/**
 * Gallery photos outside Astro's image pipeline: the sizes and URLs (src/lib/photo-variants.ts),
 * reading the files with an index (src/files/photos.ts), and making each size.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { photoVariants, srcsetOf, variantWidths, type PhotoImage } from '../../src/lib/photo-variants.ts';
import { cachedVariant, describePhotos, makeVariant } from '../../src/files/photos.ts';

/** A 1600x1000 fixture (a plain colour field): the test needs no particular content/. */
const PHOTO = 'tests/fixtures/images/large.jpg';
const SMALL = 'tests/fixtures/minimal/articles/sample-story/photo.jpg';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'backstory-photos-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('variantWidths', () => {
  it('makes every width of a file at least as wide as the largest', () => {
    expect(variantWidths(1600)).toEqual([400, 800, 1200, 1600]);
    expect(variantWidths(4000)).toEqual([400, 800, 1200, 1600]);
  });

  it('never makes a size wider than the file, and offers the file at its own width', () => {
    expect(variantWidths(1000)).toEqual([400, 800, 1000]);
    expect(variantWidths(800)).toEqual([400, 800]);
    expect(variantWidths(64)).toEqual([64]);
  });
});

describe('photoVariants', () => {
  const image: PhotoImage = {
    file: 'content/articles/a/Ministers Meet.JPG',
    width: 1600,
    height: 1000,
    hash: 'h1',
  };

  it('names each size after the file, its width and an id, under /_photos/, keeping the aspect', () => {
    const variants = photoVariants(image);
    expect(variants.map((variant) => [variant.width, variant.height])).toEqual([
      [400, 250],
      [800, 500],
      [1200, 750],
      [1600, 1000],
    ]);
    for (const variant of variants) {
      expect(variant.path).toMatch(
        new RegExp(`^/_photos/ministers-meet-${variant.width}\\.[\\w-]{10}\\.webp$`),
      );
      expect(variant.file).toBe(image.file);
    }
  });

  it('gives new URLs when the bytes change, and the same ones otherwise', () => {
    const paths = (of: PhotoImage) => photoVariants(of).map((variant) => variant.path);
    expect(paths({ ...image })).toEqual(paths(image));
    const changed = paths({ ...image, hash: 'h2' });
    changed.forEach((path, index) => expect(path).not.toBe(paths(image)[index]));
    // The folder the file sits in does not matter: the bytes do.
    expect(paths({ ...image, file: 'content/articles/b/Ministers Meet.JPG' })).toEqual(paths(image));
  });

  it('rounds heights and keeps at least one pixel', () => {
    expect(photoVariants({ ...image, width: 3000, height: 1 })[0]).toMatchObject({ width: 400, height: 1 });
    expect(photoVariants({ ...image, width: 1601, height: 1000 })[0]!.height).toBe(250);
  });

  it('lists the sizes as a srcset', () => {
    const variants = photoVariants(image);
    expect(srcsetOf(variants)).toBe(
      variants.map((variant) => `${variant.path} ${variant.width}w`).join(', '),
    );
  });
});

describe('describePhotos', () => {
  it('reads each file: its upright pixel size and a hash of its bytes', async () => {
    const images = await describePhotos(
      [PHOTO, SMALL, PHOTO].map((file) => ({ file, field: 'f' })),
      root,
      '.',
    );
    expect([...images.keys()]).toEqual([PHOTO, SMALL]);
    expect(images.get(PHOTO)).toMatchObject({ file: PHOTO, width: 1600, height: 1000 });
    expect(images.get(SMALL)).toMatchObject({ width: 64, height: 40 });
    expect(images.get(PHOTO)!.hash).not.toBe(images.get(SMALL)!.hash);
  });

  it('swaps width and height for a photo stored on its side (EXIF orientation)', async () => {
    const file = join(root, 'side.jpg');
    await sharp({ create: { width: 60, height: 20, channels: 3, background: '#888' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toFile(file);
    const images = await describePhotos([{ file, field: 'f' }], join(root, 'cache'), root);
    expect(images.get(file)).toMatchObject({ width: 20, height: 60 });
  });

  it('trusts its index while the stat is unchanged, and reads the file again on any change to it', async () => {
    const file = join(root, 'photo.jpg');
    const cache = join(root, 'cache');
    copyFileSync(SMALL, file);
    const hashOf = async () => (await describePhotos([{ file, field: 'f' }], cache, root)).get(file)!.hash;
    const real = await hashOf();
    /** Puts a made-up hash in the index, as if an earlier build had read other bytes. */
    const forge = () => {
      const indexFile = join(cache, 'index-2.json');
      const index = JSON.parse(readFileSync(indexFile, 'utf8'));
      index[resolve(file)].hash = 'forged';
      writeFileSync(indexFile, JSON.stringify(index));
    };
    forge();
    expect(await hashOf()).toBe('forged');
    // The modification time changes (and with it the change time).
    const { atime, mtime } = statSync(file);
    utimesSync(file, atime, new Date(mtime.getTime() + 5000));
    expect(await hashOf()).toBe(real);
    // A new inode (and change time) with the same bytes, size and modification time, as a copy makes.
    forge();
    copyFileSync(file, `${file}.new`);
    utimesSync(`${file}.new`, atime, statSync(file).mtime);
    rmSync(file);
    linkSync(`${file}.new`, file);
    rmSync(`${file}.new`);
    expect(await hashOf()).toBe(real);
    // Other bytes of the same size: the times change.
    forge();
    const bytes = readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    writeFileSync(file, bytes);
    expect(await hashOf()).not.toBe('forged');
  });

  it('drops files that are gone from its index when it writes it', async () => {
    const [kept, gone] = [join(root, 'kept.jpg'), join(root, 'gone.jpg')];
    const cache = join(root, 'cache');
    for (const file of [kept, gone]) copyFileSync(SMALL, file);
    await describePhotos(
      [kept, gone].map((file) => ({ file, field: 'f' })),
      cache,
      root,
    );
    const keys = () => Object.keys(JSON.parse(readFileSync(join(cache, 'index-2.json'), 'utf8')));
    expect(keys()).toEqual([resolve(kept), resolve(gone)]);
    rmSync(gone);
    copyFileSync(PHOTO, kept);
    await describePhotos([{ file: kept, field: 'f' }], cache, root);
    expect(keys()).toEqual([resolve(kept)]);
  });

  it('names the field of every photo it cannot read: missing, refused by the file check, or not an image', async () => {
    const broken = join(root, 'broken.jpg');
    writeFileSync(broken, 'not a jpeg');
    // A JPEG whose header is whole but whose frame header is cut: the check passes, sharp refuses.
    const cut = join(root, 'cut.jpg');
    writeFileSync(cut, readFileSync(SMALL).subarray(0, 200));
    const described = describePhotos(
      [
        { file: join(root, 'missing.jpg'), field: 'content/articles/a/index.md  gallery[0].src' },
        { file: broken, field: 'content/articles/a/index.md  gallery[1].src' },
        { file: cut, field: 'content/articles/a/index.md  gallery[2].src' },
      ],
      join(root, 'cache'),
      root,
    );
    await expect(described).rejects.toThrow(
      /^Photos:\ncontent\/articles\/a\/index\.md {2}gallery\[0\]\.src {2}image file ".*missing\.jpg" not found .*\ncontent\/articles\/a\/index\.md {2}gallery\[1\]\.src {2}".*broken\.jpg" is not a JPEG image: export it again as JPEG, PNG, WebP or AVIF\ncontent\/articles\/a\/index\.md {2}gallery\[2\]\.src {2}cannot read image .*cut\.jpg: /,
    );
  });

  it('never reads a file outside the content folder, nor a pipe or a device', async () => {
    const content = join(root, 'content');
    mkdirSync(content);
    copyFileSync(SMALL, join(root, 'secret.jpg'));
    symlinkSync(join(root, 'secret.jpg'), join(content, 'linked.jpg'));
    symlinkSync('/dev/zero', join(content, 'zero.jpg'));
    execFileSync('mkfifo', [join(content, 'pipe.jpg')]);
    const described = describePhotos(
      ['secret.jpg', 'content/linked.jpg', 'content/zero.jpg', 'content/pipe.jpg'].map((file, index) => ({
        file: join(root, file),
        field: `a.md  gallery[${index}].src`,
      })),
      join(root, 'cache'),
      content,
    );
    await expect(described).rejects.toThrow(
      /^Photos:\na\.md {2}gallery\[0\]\.src {2}".*secret\.jpg" is outside content\/: .*\na\.md {2}gallery\[1\]\.src {2}".*linked\.jpg" is a link to a file outside content\/: .*\na\.md {2}gallery\[2\]\.src {2}".*zero\.jpg" is a link to a file outside content\/: .*\na\.md {2}gallery\[3\]\.src {2}".*pipe\.jpg" is a named pipe, not a photo file: /,
    );
  });
});

describe('makeVariant', () => {
  it('makes a WebP of the size named, upright', async () => {
    const [image] = [...(await describePhotos([{ file: PHOTO, field: 'f' }], root, '.')).values()];
    const variant = photoVariants(image!)[1]!;
    const target = cachedVariant(variant, join(root, 'sizes'));
    expect(target).toBe(join(root, 'sizes', variant.path.split('/').pop()!));
    await makeVariant(variant, target);
    expect(await sharp(target).metadata()).toMatchObject({ format: 'webp', width: 800, height: 500 });
  });

  it('replaces the file rather than writing into it, so a hard link to the old one keeps its bytes', async () => {
    const [image] = [...(await describePhotos([{ file: PHOTO, field: 'f' }], root, '.')).values()];
    const variant = photoVariants(image!)[0]!;
    const target = join(root, 'size.webp');
    writeFileSync(target, 'old');
    linkSync(target, join(root, 'published.webp'));
    await makeVariant(variant, target);
    expect(readFileSync(join(root, 'published.webp'), 'utf8')).toBe('old');
    expect((await sharp(target).metadata()).width).toBe(400);
  });

  it('refuses an original changed since its sizes were named, so the cache keeps no wrong picture', async () => {
    const file = join(root, 'photo.jpg');
    copyFileSync(PHOTO, file);
    const [image] = [...(await describePhotos([{ file, field: 'f' }], root, root)).values()];
    copyFileSync(SMALL, file);
    const target = join(root, 'size.webp');
    await expect(makeVariant(photoVariants(image!)[0]!, target)).rejects.toThrow(
      /^photos: cannot make \/_photos\/photo-400\.[\w-]{10}\.webp from .*photo\.jpg: the file changed since the pages were made; build again$/,
    );
    expect(() => statSync(target)).toThrow();
  });

  it('names the size and the original when the file cannot be read', async () => {
    const variant = {
      hash: 'h',
      path: '/_photos/x-400.abcdefghij.webp',
      width: 400,
      height: 250,
      file: join(root, 'gone.jpg'),
    };
    await expect(makeVariant(variant, join(root, 'x.webp'))).rejects.toThrow(
      /^photos: cannot make \/_photos\/x-400\.abcdefghij\.webp from .*gone\.jpg: /,
    );
  });
});
