/** Runs the project's Astro CLI (Node 24 from node_modules/.bin) against a chosen content folder. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface AstroRun {
  status: number | null;
  /** stdout and stderr together, with ANSI colours removed. */
  output: string;
  outDir: string;
}

export interface AstroRunOptions {
  /** Folder laid out like `content/`; defaults to the real one. */
  content?: string;
  outDir?: string;
  env?: Record<string, string>;
}

export function runAstro(command: 'build' | 'sync', options: AstroRunOptions = {}): AstroRun {
  const outDir = options.outDir ?? mkdtempSync(join(tmpdir(), 'backstory-out-'));
  const result = spawnSync(join(projectRoot, 'node_modules/.bin/astro'), [command], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${join(projectRoot, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
      BACKSTORY_OUT_DIR: outDir,
      BACKSTORY_CACHE_DIR: mkdtempSync(join(tmpdir(), 'backstory-cache-')),
      ...(options.content ? { BACKSTORY_CONTENT: options.content } : {}),
      ...options.env,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  // eslint-disable-next-line no-control-regex
  const output = `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
  return { status: result.status, output, outDir };
}
