/**
 * `npm run build` (src/cli/build.ts) leaves no half-written site: after a good build, a build
 * that fails while rendering pages removes dist/ instead of leaving the old and new pages mixed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectCopy, projectRoot, removeCopy } from '../helpers/astro.ts';
import { MINIMAL } from './support.ts';

const root = projectCopy(MINIMAL);
afterAll(() => removeCopy(root));

function build() {
  const run = spawnSync(join(projectRoot, 'node_modules/.bin/node'), ['src/cli/build.ts'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(projectRoot, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}` },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe('npm run build', () => {
  it('removes dist/ when the build fails, so neither the old site nor part of the new one is left', () => {
    const good = build();
    expect(good.status, good.output).toBe(0);
    expect(existsSync(join(root, 'dist/index.html'))).toBe(true);

    // Fails while rendering, after other pages were written to dist/.
    writeFileSync(
      join(root, 'src/pages/zz-broken.astro'),
      "---\nthrow new Error('broken on purpose');\n---\n",
    );
    const bad = build();
    expect(bad.status, bad.output).toBe(1); // Astro's own code
    expect(bad.output).toContain('broken on purpose');
    expect(bad.output).toMatch(
      /build failed: removed dist\/, so that neither a half-written nor an outdated site is published/,
    );
    expect(existsSync(join(root, 'dist'))).toBe(false);
  }, 300_000);
});
