/**
 * A build with `IMAGE_CDN` set (docs/deploy.md, "Images on an image CDN"): the pages ask the CDN
 * for every photo size, the build makes none itself, and the originals the CDN fetches are
 * published. The URLs themselves, CDN by CDN, are in tests/unit/image-cdn.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeCopy, runAstro, type AstroRun } from '../helpers/astro.ts';

let run: AstroRun;

beforeAll(() => {
  run = runAstro('build', {
    content: join(import.meta.dirname, '../fixtures/minimal'),
    env: { IMAGE_CDN: 'cloudflare' },
  });
  if (run.status !== 0) throw new Error(`astro build failed:\n${run.output}`);
}, 300_000);

afterAll(() => {
  if (run) removeCopy(run.root);
});

/** Every candidate URL of every <img> on a built page, `&amp;` decoded. */
function imageUrls(page: string): string[] {
  const html = readFileSync(join(run.distDir, page), 'utf8').replaceAll('&amp;', '&');
  return [...html.matchAll(/<img [^>]*?srcset="([^"]+)"/g)].flatMap(([, srcset]) =>
    srcset!.split(', ').map((candidate) => candidate.split(' ')[0]!),
  );
}

describe('a build with IMAGE_CDN=cloudflare', () => {
  it('asks the CDN for every photo size, as WebP at quality 80', () => {
    const urls = imageUrls('articles/sample-story/index.html');
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls)
      expect(url).toMatch(
        /^\/cdn-cgi\/image\/width=\d+,height=\d+,format=webp,quality=80\/_astro\/photo\.[\w-]+\.jpg$/,
      );
  });

  it('publishes the originals the CDN fetches, at the paths the URLs name, and makes no size itself', () => {
    const originals = imageUrls('articles/sample-story/index.html').map((url) =>
      url.replace(/^.*?\/_astro\//, '_astro/'),
    );
    for (const file of new Set(originals)) expect(existsSync(join(run.distDir, file)), file).toBe(true);
    expect(readdirSync(join(run.distDir, '_astro')).filter((name) => name.endsWith('.webp'))).toEqual([]);
    expect(run.output).not.toMatch(/▶ \/_astro\//);
  });
});
