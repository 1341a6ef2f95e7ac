/**
 * `npm run dev`: the share images (src/pages/og/, as in a build) and photo sizes (astro:assets'
 * `/_image` route in dev) a page names are served at the address the page gives, whatever
 * `trailingSlash: 'always'` asks of pages.
 */
import { copyFileSync } from 'node:fs';
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

/** The candidates of the first <img>'s srcset on the sample article: [url, '400w']. */
async function photoSizes(): Promise<string[][]> {
  const page = await (await fetch(`${dev.origin}/articles/sample-story/`)).text();
  const srcset = /<img [^>]*srcset="([^"]+)"/.exec(page)?.[1] ?? '';
  return srcset
    .replaceAll('&amp;', '&')
    .split(', ')
    .map((candidate) => candidate.split(' '));
}

describe('photos in the dev server', () => {
  it('makes every size the article names, as WebP at its width', async () => {
    const candidates = await photoSizes();
    expect(candidates.length).toBeGreaterThan(0);
    for (const [url, width] of candidates) {
      expect(url).toMatch(/^\/_image\/?\?/);
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
    const widths = async () => (await photoSizes()).map(([, width]) => width).join(' ');
    expect(await widths()).toBe('64w');
    copyFileSync(
      // A 1600 px wide fixture photo, so the test needs no particular content/.
      join(projectRoot, 'tests/fixtures/stress/articles/overflow/wide.jpg'),
      join(root, 'content/articles/sample-story/photo.jpg'),
    );
    let after: string | undefined;
    for (let tries = 0; tries < 60 && after !== '400w 800w 1200w 1600w'; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      after = await widths().catch(() => undefined);
    }
    expect(after).toBe('400w 800w 1200w 1600w');
    const [largest] = (await photoSizes()).at(-1)!;
    expect((await fetch(`${dev.origin}${largest}`)).status).toBe(200);
  }, 60_000);
});
