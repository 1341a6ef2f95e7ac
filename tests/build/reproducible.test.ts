/**
 * Two builds of the real content in a row are byte for byte the same: every file, images and
 * share images included. The build layer's own build (tests/build/setup.ts) is the first; this
 * file makes the second, in a fresh copy of the project with caches of its own.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runAstro, type AstroRun } from '../helpers/astro.ts';
import { fileDigests } from '../helpers/dist.ts';

const firstDir = inject('distDir');
let second: AstroRun;

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
    const first = fileDigests(firstDir);
    const again = fileDigests(second.distDir);
    expect([...again.keys()]).toEqual([...first.keys()]);
    const differing = [...first].filter(([name, hash]) => again.get(name) !== hash).map(([name]) => name);
    expect(differing).toEqual([]);
    expect(first.size).toBeGreaterThan(50);
  });
});
