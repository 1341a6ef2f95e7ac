/**
 * Files under content/ as they are on disk (src/files/content-on-disk.ts): real temporary folders
 * with links in and out, links to nothing and to /dev/zero, a named pipe, files that lie about
 * their type, and files too large in bytes or pixels.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContentFile, imageSize, listContentFiles } from '../../src/files/content-on-disk.ts';
import { limits } from '../../src/site.ts';

const JPEG = 'tests/fixtures/minimal/articles/sample-story/photo.jpg';

let base: string;
let content: string;
let article: string;
beforeEach(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'backstory-disk-')));
  content = join(base, 'content');
  article = join(content, 'articles/a');
  mkdirSync(article, { recursive: true });
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const check = (path: string) => checkContentFile(content, article, path);

/** A PNG header claiming `width` x `height` pixels: enough for anything that reads only headers. */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.writeUInt8(8, 16); // bit depth; CRC left zero
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr]);
}

/** A JPEG whose frame header follows a 3 KB APP1 segment, as a camera's EXIF block does, and whose scan is a few bytes. */
function jpegHeader(width: number, height: number): Buffer {
  const app1 = Buffer.alloc(4 + 3000);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(3002, 2);
  const sof = Buffer.alloc(19);
  sof.writeUInt16BE(0xffc0, 0);
  sof.writeUInt16BE(17, 2);
  sof.writeUInt8(8, 4);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  // A start of scan, a few bytes of image data and the end marker: a whole file, to the checks.
  const scan = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app1, sof, scan, Buffer.from([0xff, 0xd9])]);
}

describe('checkContentFile', () => {
  it('accepts a photo beside the article, and one in another article of the same folder', () => {
    copyFileSync(JPEG, join(article, 'photo.jpg'));
    expect(check('./photo.jpg')).toBeUndefined();
    mkdirSync(join(content, 'articles/b'));
    copyFileSync(JPEG, join(content, 'articles/b/shared.jpg'));
    expect(check('../b/shared.jpg')).toBeUndefined();
  });

  it('refuses a path that leaves content/, whether the file exists or not', () => {
    writeFileSync(join(base, 'secret.jpg'), 'private');
    expect(check('../../../secret.jpg')).toEqual({
      problem: '"../../../secret.jpg" is outside content/',
      fix: "put the photo in the article's folder and write './name.jpg'",
    });
    expect(check('../../../../etc/missing.jpg')?.problem).toBe(
      '"../../../../etc/missing.jpg" is outside content/',
    );
  });

  it('refuses a link to a file outside content/, and a link to a folder outside', () => {
    copyFileSync(JPEG, join(base, 'secret.jpg'));
    symlinkSync(join(base, 'secret.jpg'), join(article, 'linked.jpg'));
    expect(check('./linked.jpg')).toEqual({
      problem: '"./linked.jpg" is a link to a file outside content/',
      fix: "put the photo itself in the article's folder, not a link",
    });
    mkdirSync(join(base, 'private'));
    copyFileSync(JPEG, join(base, 'private/p.jpg'));
    symlinkSync(join(base, 'private'), join(article, 'folder'));
    expect(check('./folder/p.jpg')?.problem).toBe('"./folder/p.jpg" is a link to a file outside content/');
  });

  it('follows a link that stays inside content/', () => {
    copyFileSync(JPEG, join(content, 'photo.jpg'));
    symlinkSync('../../photo.jpg', join(article, 'linked.jpg'));
    expect(check('./linked.jpg')).toBeUndefined();
  });

  it('says what is missing, and where it was expected', () => {
    expect(check('./gone.jpg')).toEqual({
      problem: 'image file "./gone.jpg" not found (expected content/articles/a/gone.jpg)',
      fix: "put the photo in the article's folder or fix the path",
    });
    symlinkSync('nowhere.jpg', join(article, 'dangling.jpg'));
    expect(check('./dangling.jpg')?.problem).toBe('"./dangling.jpg" is a link to a file that does not exist');
  });

  it('refuses a name whose letter case differs from the file on disk, naming the file as it is', () => {
    copyFileSync(JPEG, join(article, 'photo.jpg'));
    // Checked against the folder's listing before the file is opened, so a case-insensitive file
    // system (which would open it) refuses it too, with the same words.
    expect(check('./Photo.JPG')).toEqual({
      problem:
        '"./Photo.JPG" does not match the letter case of the file on disk ("photo.jpg"); it would be found on macOS and Windows only',
      fix: 'write "./photo.jpg", or rename the file',
    });
    // In a folder on the way, and through another article's folder.
    mkdirSync(join(article, 'images'));
    copyFileSync(JPEG, join(article, 'images/p.jpg'));
    expect(check('./Images/P.jpg')?.fix).toBe('write "./images/p.jpg", or rename the file');
    expect(check('./Images/P.jpg')?.problem).toContain('("images")');
    mkdirSync(join(content, 'articles/b'));
    copyFileSync(JPEG, join(content, 'articles/b/shared.jpg'));
    expect(check('../B/shared.jpg')?.fix).toBe('write "../b/shared.jpg", or rename the file');
    // As the photo reader calls it: a path from the project's folder.
    expect(checkContentFile(content, base, 'content/articles/a/PHOTO.jpg')?.fix).toBe(
      'write "./content/articles/a/photo.jpg", or rename the file',
    );
  });

  it('accepts the exact name where two files differ in case only, and says a missing file is missing', () => {
    copyFileSync(JPEG, join(article, 'photo.jpg'));
    copyFileSync(JPEG, join(article, 'Photo.jpg'));
    expect(check('./Photo.jpg')).toBeUndefined();
    expect(check('./photo.jpg')).toBeUndefined();
    expect(check('./PHOTO.jpg')?.problem).toMatch(/letter case of the file on disk \("(P|p)hoto\.jpg"\)/);
    expect(check('./other.jpg')?.problem).toBe(
      'image file "./other.jpg" not found (expected content/articles/a/other.jpg)',
    );
  });

  it('never opens a device, a named pipe or a folder', () => {
    symlinkSync('/dev/zero', join(article, 'zero.jpg'));
    expect(check('./zero.jpg')).toEqual({
      problem: '"./zero.jpg" is a link to a file outside content/',
      fix: "put the photo itself in the article's folder, not a link",
    });
    // A pipe nobody writes to: opening it for reading would wait for ever.
    execFileSync('mkfifo', [join(article, 'pipe.jpg')]);
    expect(check('./pipe.jpg')).toEqual({
      problem: '"./pipe.jpg" is a named pipe, not a photo file',
      fix: "put the photo file itself in the article's folder",
    });
    symlinkSync('pipe.jpg', join(article, 'to-pipe.jpg'));
    expect(check('./to-pipe.jpg')?.problem).toBe(
      '"./to-pipe.jpg" is a link to a named pipe, not a photo file',
    );
    mkdirSync(join(article, 'folder.jpg'));
    expect(check('./folder.jpg')?.problem).toBe('"./folder.jpg" is a folder, not a photo file');
  });

  it('refuses a file over the size limit without reading it', () => {
    // Sparse: no blocks written, so the test costs nothing; reading it would cost 31 MB.
    writeFileSync(join(article, 'big.jpg'), '');
    truncateSync(join(article, 'big.jpg'), Math.round(31.2 * 1024 * 1024));
    expect(check('./big.jpg')).toEqual({
      problem: '"./big.jpg" is 31.2 MB; photos may be at most 25 MB',
      fix: 'export it smaller',
    });
    truncateSync(join(article, 'big.jpg'), limits.photoBytes);
    expect(check('./big.jpg')?.problem).toBe('"./big.jpg" is not a JPEG image'); // at the limit: read on
  });

  it('names the type a file really is when its extension says another', () => {
    copyFileSync(JPEG, join(article, 'photo.png'));
    expect(check('./photo.png')).toEqual({
      problem: '"./photo.png" is not a PNG image (it starts like a JPEG)',
      fix: 'rename it to .jpg or re-export it',
    });
    writeFileSync(join(article, 'notes.jpg'), 'just text, not a photo at all');
    expect(check('./notes.jpg')).toEqual({
      problem: '"./notes.jpg" is not a JPEG image',
      fix: 'export it again as JPEG, PNG, WebP or AVIF',
    });
  });

  it('refuses a photo with more pixels than the limit, reading the header only', () => {
    writeFileSync(join(article, 'huge.png'), pngHeader(20_000, 10_000));
    expect(check('./huge.png')).toEqual({
      problem: '"./huge.png" is 20000x10000 pixels (200 megapixels); photos may have at most 100 megapixels',
      fix: 'export it smaller',
    });
    writeFileSync(join(article, 'huge.jpg'), jpegHeader(12_000, 9_000));
    expect(check('./huge.jpg')?.problem).toBe(
      '"./huge.jpg" is 12000x9000 pixels (108 megapixels); photos may have at most 100 megapixels',
    );
    writeFileSync(join(article, 'fine.jpg'), jpegHeader(10_000, 10_000));
    expect(check('./fine.jpg')).toBeUndefined();
  });

  it('says a file whose header ends before its pixel size is damaged', () => {
    writeFileSync(join(article, 'cut.png'), pngHeader(10, 10).subarray(0, 20));
    expect(check('./cut.png')?.problem).toBe('"./cut.png" is damaged: its pixel size cannot be read');
  });

  it.each(['jpeg', 'png', 'webp', 'avif', 'gif'] as const)(
    'says a %s file cut short after its header is cut short (astro:assets would publish it grey)',
    async (format) => {
      const whole = await sharp({
        create: {
          width: 64,
          height: 48,
          channels: 3,
          background: '#808080',
          noise: { type: 'gaussian', mean: 128, sigma: 60 },
        },
      })
        .toFormat(format)
        .toBuffer();
      const name = `photo.${format === 'jpeg' ? 'jpg' : format}`;
      writeFileSync(join(article, name), whole);
      expect(check(`./${name}`)).toBeUndefined();
      writeFileSync(join(article, name), whole.subarray(0, Math.floor(whole.length * 0.7)));
      expect(check(`./${name}`)).toEqual({
        problem: `"./${name}" is cut short: its image data ends early`,
        fix: 'copy or export it again',
      });
    },
  );

  it("accepts bytes after a JPEG's end, such as a motion photo's video", () => {
    writeFileSync(join(article, 'motion.jpg'), Buffer.concat([jpegHeader(40, 30), Buffer.alloc(100_000, 7)]));
    expect(check('./motion.jpg')).toBeUndefined();
  });
});

describe('imageSize', () => {
  it.each(['jpeg', 'png', 'webp', 'avif', 'gif', 'tiff'] as const)(
    'reads the pixel size of a %s file as sharp does',
    async (format) => {
      const file = join(article, `photo.${format}`);
      const image = sharp({ create: { width: 37, height: 23, channels: 4, background: '#a13' } });
      await image.toFormat(format, format === 'webp' ? { lossless: true } : {}).toFile(file);
      const { width, height } = await sharp(file).metadata();
      expect(imageSize(file)).toEqual({ type: format, width, height });
      expect(check(`./photo.${format}`)).toBeUndefined();
    },
  );

  it('reads a progressive JPEG with EXIF and an ICC profile before its frame header', async () => {
    const file = join(article, 'camera.jpg');
    await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#357' } })
      .jpeg({ progressive: true })
      .withMetadata({ orientation: 6, icc: 'p3', exif: { IFD0: { Copyright: 'x'.repeat(5000) } } })
      .toFile(file);
    expect(imageSize(file)).toEqual({ type: 'jpeg', width: 3000, height: 2000 });
  });

  it('reads lossy and extended WebP too', async () => {
    for (const [name, options] of [
      ['lossy', { quality: 50 }],
      ['extended', { quality: 50, alphaQuality: 50 }],
    ] as const) {
      const file = join(article, `${name}.webp`);
      await sharp({
        create: { width: 1001, height: 333, channels: 4, background: { r: 1, g: 2, b: 3, alpha: 0.5 } },
      })
        .webp(options)
        .toFile(file);
      expect(imageSize(file), name).toMatchObject({ width: 1001, height: 333 });
    }
  });
});

describe('listContentFiles', () => {
  it('lists every file below the root, relative and sorted, following links to files that stay inside', () => {
    writeFileSync(join(article, 'index.md'), '---\n---\n');
    copyFileSync(JPEG, join(article, 'photo.jpg'));
    mkdirSync(join(content, 'people'));
    writeFileSync(join(content, 'people/x.yaml'), 'name: X\n');
    symlinkSync('photo.jpg', join(article, 'same.jpg'));
    symlinkSync('../../people', join(article, 'people'));
    const { files, problems } = listContentFiles(content);
    expect(files).toEqual([
      'articles/a/index.md',
      'articles/a/photo.jpg',
      'articles/a/same.jpg',
      'people/x.yaml',
    ]);
    // Every folder inside is listed where it is: a link to one would list its files twice.
    expect(problems.map(({ file, problem }) => [file, problem])).toEqual([
      [
        `${basename(content)}/articles/a/people`,
        `is a link to ${basename(content)}/people/, a folder listed already`,
      ],
    ]);
  });

  it('turns links to nothing, links outside, loops, pipes and devices into problems, never listing them', () => {
    writeFileSync(join(article, 'index.md'), '');
    writeFileSync(join(base, 'secret.txt'), 'private');
    symlinkSync('gone.jpg', join(article, 'dangling.jpg'));
    symlinkSync(join(base, 'secret.txt'), join(article, 'out.md'));
    symlinkSync(base, join(article, 'out-folder'));
    symlinkSync('/dev/zero', join(article, 'zero.jpg'));
    symlinkSync('..', join(article, 'loop'));
    symlinkSync('self', join(article, 'self'));
    execFileSync('mkfifo', [join(article, 'pipe.jpg')]);
    const { files, problems } = listContentFiles(content, 'content');
    expect(files).toEqual(['articles/a/index.md']);
    expect(problems.map(({ file, field, problem }) => [file, field, problem])).toEqual([
      ['content/articles/a/dangling.jpg', '-', 'is a link to a file that does not exist'],
      ['content/articles/a/loop', '-', 'is a link to content/articles/, a folder listed already'],
      ['content/articles/a/out-folder', '-', 'is a link to a file outside content/'],
      ['content/articles/a/out.md', '-', 'is a link to a file outside content/'],
      ['content/articles/a/pipe.jpg', '-', 'is a named pipe, not a file'],
      ['content/articles/a/self', '-', 'cannot be read (a link that leads back to itself)'],
      ['content/articles/a/zero.jpg', '-', 'is a link to a file outside content/'],
    ]);
    for (const problem of problems) expect(problem.fix).not.toBe('');
  });

  it('lists each folder once, however many links lead to it: links that double at every level end fast', () => {
    // Each level holds two links to the next: walking every path would take 2^30 steps.
    for (let level = 0; level <= 30; level++) mkdirSync(join(content, `level-${level}`));
    for (let level = 0; level < 30; level++) {
      symlinkSync(join(content, `level-${level + 1}`), join(content, `level-${level}`, 'a'));
      symlinkSync(join(content, `level-${level + 1}`), join(content, `level-${level}`, 'b'));
    }
    writeFileSync(join(content, 'level-30', 'deep.md'), '');
    const { files, problems } = listContentFiles(content, 'content');
    expect(files).toEqual(['level-30/deep.md']);
    expect(problems).toHaveLength(60);
    expect(problems[0]!.problem).toMatch(/^is a link to content\/level-\d+\/, a folder listed already$/);
  });

  it('reports a device inside the root as a device', () => {
    // Only root can make a device node; a link from a root that holds /dev shows the same rule.
    const { problems } = listContentFiles('/dev', 'dev');
    const zero = problems.find((problem) => problem.file === 'dev/zero');
    expect(zero).toMatchObject({ field: '-', problem: 'is a device, not a file' });
  });

  it('reports a folder it cannot read instead of throwing', () => {
    if (process.getuid?.() === 0) return; // root reads everything
    mkdirSync(join(content, 'locked'));
    chmodSync(join(content, 'locked'), 0o000);
    try {
      expect(listContentFiles(content).problems).toEqual([
        {
          file: 'content/locked',
          field: '-',
          problem: 'cannot be read (permission denied)',
          fix: 'make the folder readable, or delete it',
        },
      ]);
    } finally {
      chmodSync(join(content, 'locked'), 0o755);
    }
  });

  it('reports a missing root instead of throwing', () => {
    expect(listContentFiles(join(base, 'none'), 'content')).toMatchObject({
      files: [],
      problems: [{ file: 'content', field: '-' }],
    });
  });
});
