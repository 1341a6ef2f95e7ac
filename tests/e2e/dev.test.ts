/**
 * `npm run dev`: the share images (src/pages/og/, as in a build) and photo sizes (made on request
 * in dev, by src/build/photos.ts after a build) a page names are served at the address the page
 * gives, without the trailing slash `trailingSlash: 'always'` would ask for.
 */
import { appendFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectCopy, projectRoot, removeCopy } from '../helpers/astro.ts';
import { startAstro, type AstroServer } from '../helpers/astro-server.ts';

let root: string;
let dev: AstroServer;

beforeAll(async () => {
  root = projectCopy(join(import.meta.dirname, '../fixtures/minimal'));
  // It says it is watching a moment before its routes answer.
  const serves = async (origin: string, output: string) =>
    output.includes('watching for file changes') &&
    (await fetch(`${origin}/articles/sample-story/`).then(
      (response) => response.status === 200,
      () => false,
    ));
  dev = await startAstro('dev', root, serves);
}, 90_000);

afterAll(() => {
  dev?.stop();
  if (root) removeCopy(root);
});

describe('share images in the dev server', () => {
  it("draws the article's share image at the address its page names", async () => {
    const page = await (await fetch(`${dev.origin}/articles/sample-story/`)).text();
    const image = /<meta property="og:image" content="[^"]*?(\/og\/[^"]+\.jpg)"/.exec(page)?.[1];
    expect(image).toBe('/og/articles/sample-story.jpg');
    const response = await fetch(`${dev.origin}${image}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  }, 60_000);
});

describe('photos in the dev server', () => {
  it('makes every size the article names, as WebP at its width', async () => {
    const page = await (await fetch(`${dev.origin}/articles/sample-story/`)).text();
    const srcset = /<img [^>]*srcset="([^"]+)"/.exec(page)?.[1] ?? '';
    const candidates = srcset.split(', ').map((candidate) => candidate.split(' '));
    expect(candidates.length).toBeGreaterThan(0);
    for (const [url, width] of candidates) {
      expect(url).toMatch(/^\/_photos\/photo-\d+\.[\w-]{10}\.webp$/);
      const response = await fetch(`${dev.origin}${url}`);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/webp');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(8, 12).toString('ascii')).toBe('WEBP');
      // VP8 (lossy) frame header: the width in the 14 bits after the start code.
      expect(`${bytes.readUInt16LE(26) & 0x3fff}w`).toBe(width);
    }
  }, 60_000);

  it('gives a photo replaced under the same name new sizes, from its new bytes', async () => {
    const sizes = async () =>
      /<img [^>]*srcset="([^"]+)"/.exec(
        await (await fetch(`${dev.origin}/articles/sample-story/`)).text(),
      )?.[1];
    const before = await sizes();
    expect(before).toMatch(/64w$/);
    copyFileSync(
      // A 1600 px wide fixture photo, so the test needs no particular content/.
      join(projectRoot, 'tests/fixtures/stress/articles/overflow/wide.jpg'),
      join(root, 'content/articles/sample-story/photo.jpg'),
    );
    // The server restarts on the change; the page names the new file's sizes once it is back.
    let after: string | undefined;
    for (let tries = 0; tries < 60 && !after?.endsWith('1600w'); tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      after = await sizes().catch(() => undefined);
    }
    expect(after).toMatch(/ 400w, .* 1600w$/);
    const largest = after!.split(', ').at(-1)!.split(' ')[0]!;
    expect((await fetch(`${dev.origin}${largest}`)).status).toBe(200);
  }, 60_000);

  it('watches a photo added while it runs: replacing it later restarts the server', async () => {
    const file = join(root, 'content/articles/sample-story/added.jpg');
    copyFileSync(join(root, 'content/articles/sample-story/photo.jpg'), file);
    // The watcher reports the new file within its polling interval.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const restarts = () => dev.output().split('Restarting').length - 1;
    const before = restarts();
    appendFileSync(file, 'other bytes');
    for (let tries = 0; tries < 40 && restarts() === before; tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 500));
    expect(restarts()).toBe(before + 1);
  }, 60_000);

  it('has no list of photo sizes: that is written by a build only', async () => {
    expect((await fetch(`${dev.origin}/_photos/photos.json`)).status).toBe(404);
  });
});
