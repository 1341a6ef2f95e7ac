/**
 * Astro imports astro.config.mjs with plain Node first and, when that throws, quietly loads it
 * again through a Vite server, which cost about half a second of every build here. Plain Node
 * needs every relative import the config reaches to name its file, ".ts" included.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/astro.ts';

describe('astro.config.mjs', () => {
  it('loads in plain Node, without the Vite fallback', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const { default: config } = await import('./astro.config.mjs'); console.log(Object.keys(config).join(','));",
      ],
      { cwd: projectRoot, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('integrations');
  });

  it('does not load astro/config', () => {
    // Node's module hooks see every module the config pulls in.
    const script = `
      import { registerHooks } from 'node:module';
      const loaded = [];
      registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
      await import('./astro.config.mjs');
      console.log(JSON.stringify(loaded));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const loaded = JSON.parse(run.stdout) as string[];
    expect(loaded.some((url) => url.endsWith('/astro.config.mjs'))).toBe(true);
    // 'astro/config' (defineConfig) loads Astro's SVG optimizer: 0.6 s of every build.
    expect(loaded.filter((url) => /\/astro\/dist\/config\/|\/node_modules\/svgo\//.test(url))).toEqual([]);
  });
});
