import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishFromCache } from '../../src/files/output.ts';
import { publishShareImages, type Draw, type ListedImage } from '../../src/build/share-images.ts';
import type { ShareImageJob } from '../../src/share-image/cards.ts';

let root: string;
let outDir: string;
let cacheDir: string;
let drawn: string[];

/** Writes the job's path as the image's bytes, as cachedShareImage writes the drawing. */
const draw: Draw = async (job, dir, key) => {
  drawn.push(job.path);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${key}.jpg`), job.path);
};

function listed(path: string, key = path.replace(/\W/g, '')): ListedImage {
  const job: ShareImageJob = {
    path,
    width: 1200,
    height: 630,
    alt: 'Backstory: x',
    card: { kind: 'text', kicker: 'Explainer', title: 'x' },
  };
  return { job, key };
}

const inode = (file: string) => statSync(file).ino;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'backstory-publish-'));
  outDir = join(root, 'dist');
  cacheDir = join(root, 'cache');
  drawn = [];
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('publishShareImages', () => {
  const list = [listed('/og/home.jpg'), listed('/og/articles/a.jpg'), listed('/og/articles/a/16x9.jpg')];

  it('draws what the cache lacks and links each image into dist/og at its path', async () => {
    const result = await publishShareImages(list, outDir, cacheDir, draw);
    expect(result).toEqual({ made: 3, linked: 3, kept: 0, removed: 0 });
    expect(drawn).toEqual(list.map(({ job }) => job.path));
    for (const { job, key } of list) {
      expect(readFileSync(join(outDir, job.path), 'utf8')).toBe(job.path);
      expect(inode(join(outDir, job.path))).toBe(inode(join(cacheDir, `${key}.jpg`)));
    }
  });

  it('draws nothing and links nothing the second time', async () => {
    await publishShareImages(list, outDir, cacheDir, draw);
    drawn = [];
    expect(await publishShareImages(list, outDir, cacheDir, draw)).toEqual({
      made: 0,
      linked: 0,
      kept: 3,
      removed: 0,
    });
    expect(drawn).toEqual([]);
  });

  it('points a page at its new image when its key changes, and draws only that one', async () => {
    await publishShareImages(list, outDir, cacheDir, draw);
    drawn = [];
    const changed = [list[0]!, listed('/og/articles/a.jpg', 'newkey'), list[2]!];
    const result = await publishShareImages(changed, outDir, cacheDir, draw);
    expect(result).toMatchObject({ made: 1, linked: 1, kept: 2 });
    expect(inode(join(outDir, 'og/articles/a.jpg'))).toBe(inode(join(cacheDir, 'newkey.jpg')));
  });

  it('replaces a file in dist/og that is not its cached image', async () => {
    const file = join(outDir, 'og/home.jpg');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'stale bytes');
    await publishShareImages(list, outDir, cacheDir, draw);
    expect(readFileSync(file, 'utf8')).toBe('/og/home.jpg');
  });

  it("removes a deleted page's images and the folders they leave empty, keeping the cache", async () => {
    await publishShareImages(list, outDir, cacheDir, draw);
    const result = await publishShareImages([list[0]!], outDir, cacheDir, draw);
    expect(result.removed).toBe(2);
    expect(existsSync(join(outDir, 'og/articles'))).toBe(false);
    expect(existsSync(join(outDir, 'og/home.jpg'))).toBe(true);
    expect(existsSync(join(cacheDir, `${list[1]!.key}.jpg`))).toBe(true);
  });

  it('stops on a drawing that fails, with the error that names the page', async () => {
    const failing: Draw = async (job) => {
      throw new Error(`Share image ${job.path}: Noto Serif has no glyph for "北京"`);
    };
    await expect(publishShareImages(list, outDir, cacheDir, failing)).rejects.toThrow(
      'Share image /og/home.jpg: Noto Serif has no glyph',
    );
  });

  it('refuses a path outside dist/og, and two images at one path', async () => {
    await expect(publishShareImages([listed('/og/../index.html')], outDir, cacheDir, draw)).rejects.toThrow(
      '/og/../index.html is not a path under /og/',
    );
    await expect(publishShareImages([listed('/x.jpg')], outDir, cacheDir, draw)).rejects.toThrow(
      '/x.jpg is not a path under /og/',
    );
    await expect(
      publishShareImages([listed('/og/a.jpg'), listed('/og/a.jpg', 'other')], outDir, cacheDir, draw),
    ).rejects.toThrow('two files at /og/a.jpg');
  });

  it('publishes an image listed twice with one key once', async () => {
    const result = await publishShareImages(
      [listed('/og/a.jpg'), listed('/og/a.jpg')],
      outDir,
      cacheDir,
      draw,
    );
    expect(result).toEqual({ made: 1, linked: 1, kept: 0, removed: 0 });
    expect(drawn).toEqual(['/og/a.jpg']);
  });
});

describe('publishFromCache', () => {
  const output = (name: string, make: () => Promise<unknown>) => ({
    path: `/_photos/${name}`,
    cached: join(cacheDir, name),
    make,
  });

  it('makes the missing files `concurrency` at a time, and links each', async () => {
    let running = 0;
    let most = 0;
    const outputs = ['a', 'b', 'c', 'd', 'e'].map((name) =>
      output(name, async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 20));
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(join(cacheDir, name), name);
        running -= 1;
      }),
    );
    const result = await publishFromCache(outputs, outDir, '_photos', { label: 'photos', concurrency: 2 });
    expect(result).toEqual({ made: 5, linked: 5, kept: 0, removed: 0 });
    expect(most).toBe(2);
    for (const name of ['a', 'b', 'c', 'd', 'e'])
      expect(inode(join(outDir, '_photos', name))).toBe(inode(join(cacheDir, name)));
  });

  it('stops at the first failure, starting nothing after it, and publishes nothing', async () => {
    const started: string[] = [];
    const outputs = ['a', 'b', 'c', 'd'].map((name) =>
      output(name, async () => {
        started.push(name);
        if (name === 'a') throw new Error('photos: cannot make /_photos/a');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }),
    );
    await expect(
      publishFromCache(outputs, outDir, '_photos', { label: 'photos', concurrency: 2 }),
    ).rejects.toThrow('photos: cannot make /_photos/a');
    // 'b' was under way when 'a' failed; nothing was started after.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(started).toEqual(['a', 'b']);
    expect(existsSync(join(outDir, '_photos'))).toBe(false);
  });
});
