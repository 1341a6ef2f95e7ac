/**
 * publishFromCache (src/files/output.ts): the photos integration keeps `dist/_photos/` to exactly
 * the sizes of this build, each a hard link to its cached file, made first where the cache lacks it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishFromCache, type CachedOutput } from '../../src/files/output.ts';

let root: string;
let outDir: string;
let cacheDir: string;
let made: string[];

/** A size at `/_photos/<name>` whose cached file (named by `key`) holds its path. */
function size(name: string, key = name): CachedOutput {
  const path = `/_photos/${name}`;
  return {
    path,
    cached: join(cacheDir, key),
    make: async () => {
      made.push(path);
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(join(cacheDir, key), path);
    },
  };
}

const publish = (outputs: readonly CachedOutput[]) =>
  publishFromCache(outputs, outDir, '_photos', { label: 'photos' });
const inode = (file: string) => statSync(file).ino;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'backstory-publish-'));
  outDir = join(root, 'dist');
  cacheDir = join(root, 'cache');
  made = [];
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('publishFromCache', () => {
  const output = (name: string, make: () => Promise<unknown>): CachedOutput => ({
    path: `/_photos/${name}`,
    cached: join(cacheDir, name),
    make,
  });
  const list = () => [size('a-400.webp'), size('a-800.webp'), size('nested/b-400.webp', 'b-400.webp')];

  it('makes what the cache lacks and links each file into its folder at its path', async () => {
    expect(await publish(list())).toEqual({ made: 3, linked: 3, kept: 0, removed: 0 });
    expect(made).toEqual(list().map((output) => output.path));
    for (const output of list()) {
      expect(readFileSync(join(outDir, output.path), 'utf8')).toBe(output.path);
      expect(inode(join(outDir, output.path))).toBe(inode(output.cached));
    }
  });

  it('makes nothing and links nothing the second time', async () => {
    await publish(list());
    made = [];
    expect(await publish(list())).toEqual({ made: 0, linked: 0, kept: 3, removed: 0 });
    expect(made).toEqual([]);
  });

  it('points a path at its new file when its cached name changes, and makes only that one', async () => {
    await publish(list());
    made = [];
    const [first, , third] = list();
    expect(await publish([first!, size('a-800.webp', 'new-key'), third!])).toMatchObject({
      made: 1,
      linked: 1,
      kept: 2,
    });
    expect(inode(join(outDir, '_photos/a-800.webp'))).toBe(inode(join(cacheDir, 'new-key')));
  });

  it('replaces a file in the folder that is not its cached copy', async () => {
    const file = join(outDir, '_photos/a-400.webp');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'stale bytes');
    await publish(list());
    expect(readFileSync(file, 'utf8')).toBe('/_photos/a-400.webp');
  });

  it('removes the files no output owns and the folders they leave empty, keeping the cache', async () => {
    await publish(list());
    expect((await publish([list()[0]!])).removed).toBe(2);
    expect(existsSync(join(outDir, '_photos/nested'))).toBe(false);
    expect(existsSync(join(outDir, '_photos/a-400.webp'))).toBe(true);
    expect(existsSync(join(cacheDir, 'b-400.webp'))).toBe(true);
  });

  it('refuses a path outside the folder, and two files at one path', async () => {
    await expect(publish([{ ...size('x'), path: '/_photos/../index.html' }])).rejects.toThrow(
      '/_photos/../index.html is not a path under /_photos/',
    );
    await expect(publish([{ ...size('x'), path: '/x.webp' }])).rejects.toThrow(
      '/x.webp is not a path under /_photos/',
    );
    await expect(publish([size('a.webp'), size('a.webp', 'other')])).rejects.toThrow(
      'two files at /_photos/a.webp',
    );
  });

  it('publishes one output listed twice once', async () => {
    expect(await publish([size('a.webp'), size('a.webp')])).toEqual({
      made: 1,
      linked: 1,
      kept: 0,
      removed: 0,
    });
    expect(made).toEqual(['/_photos/a.webp']);
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
