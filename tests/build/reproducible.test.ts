/**
 * Two builds of the real content in a row are byte for byte the same: every file, images and
 * share images included. The build layer's own build (tests/build/setup.ts) is the first; this
 * file makes the second, in a fresh copy of the project with caches of its own.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runAstro, type AstroRun } from '../helpers/astro';

const firstDir = inject('distDir');
let second: AstroRun;

/** Every file under `dir` with the SHA-256 of its bytes, by path. */
function digest(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
  return new Map(
    files.map((name) => [
      name,
      createHash('sha256')
        .update(readFileSync(join(dir, name)))
        .digest('hex'),
    ]),
  );
}

beforeAll(() => {
  second = runAstro('build');
  if (second.status !== 0) throw new Error(`the second build failed:\n${second.output}`);
});
afterAll(() => {
  if (second && process.env['BACKSTORY_KEEP_TMP'] !== '1')
    rmSync(second.root, { recursive: true, force: true });
});

describe('two builds in a row', () => {
  it('write the same files with the same bytes', () => {
    const first = digest(firstDir);
    const again = digest(second.distDir);
    expect([...again.keys()]).toEqual([...first.keys()]);
    const differing = [...first].filter(([name, hash]) => again.get(name) !== hash).map(([name]) => name);
    expect(differing).toEqual([]);
    expect(first.size).toBeGreaterThan(50);
  });
});
