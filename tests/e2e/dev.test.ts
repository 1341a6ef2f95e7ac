/**
 * `npm run dev`: the share images (src/pages/og/, as in a build) and photo sizes (made on request
 * in dev, by src/build/photos.ts after a build) a page names are served at the address the page
 * gives, without the trailing slash `trailingSlash: 'always'` would ask for.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { appendFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectCopy, projectRoot, removeCopy } from '../helpers/astro.ts';

let root: string;
let dev: ChildProcess;
let origin: string;
/** Everything the dev server printed so far. */
let output = '';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

beforeAll(async () => {
  root = projectCopy(join(import.meta.dirname, '../fixtures/minimal'));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dev = spawn(
    join(projectRoot, 'node_modules/.bin/astro'),
    ['dev', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: root,
      env: {
        // Not vitest's own variables (NODE_ENV=test, VITEST...): with them the dev server answers no route.
        ...Object.fromEntries(
          Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')),
        ),
        PATH: `${join(projectRoot, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
      },
    },
  );
  dev.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  dev.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro dev did not start:\n${output}`)), 60_000);
    const listen = () => {
      if (output.includes('watching for file changes')) {
        clearTimeout(timer);
        resolve();
      }
    };
    dev.stdout!.on('data', listen);
    dev.stderr!.on('data', listen);
    dev.on('exit', (code) => reject(new Error(`astro dev exited (${code}):\n${output}`)));
  });
  // It says it is watching a moment before its routes answer.
  for (let tries = 0; (await fetch(`${origin}/articles/sample-story/`)).status !== 200; tries += 1) {
    if (tries === 60) throw new Error(`astro dev never served the article:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}, 90_000);

afterAll(() => {
  dev?.kill();
  if (root) removeCopy(root);
});

describe('share images in the dev server', () => {
  it("draws the article's share image at the address its page names", async () => {
    const page = await (await fetch(`${origin}/articles/sample-story/`)).text();
    const image = /<meta property="og:image" content="[^"]*?(\/og\/[^"]+\.jpg)"/.exec(page)?.[1];
    expect(image).toBe('/og/articles/sample-story.jpg');
    const response = await fetch(`${origin}${image}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  }, 60_000);
});

describe('photos in the dev server', () => {
  it('makes every size the article names, as WebP at its width', async () => {
    const page = await (await fetch(`${origin}/articles/sample-story/`)).text();
    const srcset = /<img [^>]*srcset="([^"]+)"/.exec(page)?.[1] ?? '';
    const candidates = srcset.split(', ').map((candidate) => candidate.split(' '));
    expect(candidates.length).toBeGreaterThan(0);
    for (const [url, width] of candidates) {
      expect(url).toMatch(/^\/_photos\/photo-\d+\.[\w-]{10}\.webp$/);
      const response = await fetch(`${origin}${url}`);
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
      /<img [^>]*srcset="([^"]+)"/.exec(await (await fetch(`${origin}/articles/sample-story/`)).text())?.[1];
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
    expect((await fetch(`${origin}${largest}`)).status).toBe(200);
  }, 60_000);

  it('watches a photo added while it runs: replacing it later restarts the server', async () => {
    const file = join(root, 'content/articles/sample-story/added.jpg');
    copyFileSync(join(root, 'content/articles/sample-story/photo.jpg'), file);
    // The watcher reports the new file within its polling interval.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const restarts = () => output.split('Restarting').length - 1;
    const before = restarts();
    appendFileSync(file, 'other bytes');
    for (let tries = 0; tries < 40 && restarts() === before; tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 500));
    expect(restarts()).toBe(before + 1);
  }, 60_000);

  it('has no list of photo sizes: that is written by a build only', async () => {
    expect((await fetch(`${origin}/_photos/photos.json`)).status).toBe(404);
  });
});
