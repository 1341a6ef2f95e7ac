/**
 * Runs the project's Astro CLI in a throw-away copy of the project, so fixture builds never touch
 * the working tree's .astro/, dist/ or caches and can run side by side.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

const PROJECT_FILES = ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'public'];
/** node_modules entries that stay private to each copy. */
const PRIVATE_CACHES = new Set(['.astro', '.vite', '.vite-temp', '.vitest-cache']);

export interface AstroRun {
  status: number | null;
  /** stdout and stderr together, with ANSI colours removed. */
  output: string;
  /** Root of the copy; the build is in `${root}/dist`. */
  root: string;
  distDir: string;
}

export interface AstroRunOptions {
  /** Folder laid out like `content/`; defaults to the real one. */
  content?: string;
  env?: Record<string, string>;
}

/** Copies the project with `content` as its content folder; returns the copy's root. */
export function projectCopy(content = join(projectRoot, 'content')): string {
  const root = mkdtempSync(join(tmpdir(), 'backstory-site-'));
  for (const name of PROJECT_FILES) {
    if (existsSync(join(projectRoot, name)))
      cpSync(join(projectRoot, name), join(root, name), { recursive: true });
  }
  cpSync(content, join(root, 'content'), { recursive: true });
  // Link each package, not the folder: Astro and Vite keep caches (data store, incremental
  // build, optimised deps, photo sizes) in node_modules, which must not be shared between
  // copies. The share-image cache in .cache is keyed by content hash, so sharing it only saves
  // redrawing.
  mkdirSync(join(root, 'node_modules'));
  for (const name of readdirSync(join(projectRoot, 'node_modules'))) {
    if (PRIVATE_CACHES.has(name)) continue;
    symlinkSync(join(projectRoot, 'node_modules', name), join(root, 'node_modules', name));
  }
  return root;
}

export function runAstro(command: 'build' | 'sync', options: AstroRunOptions = {}): AstroRun {
  return runAstroIn(projectCopy(options.content), command, options.env);
}

/** Runs the Astro CLI again in a copy made by {@link projectCopy}, keeping its caches and output. */
export function runAstroIn(
  root: string,
  command: 'build' | 'sync',
  env: Record<string, string> = {},
): AstroRun {
  const result = spawnSync(join(projectRoot, 'node_modules/.bin/astro'), [command], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${join(projectRoot, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
      ...env,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  // eslint-disable-next-line no-control-regex
  const output = `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
  return { status: result.status, output, root, distDir: join(root, 'dist') };
}

/** Deletes a copy made by {@link runAstro} or {@link projectCopy}. */
export function removeCopy(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

const shared = globalThis as typeof globalThis & { backstoryBuild?: AstroRun };

/**
 * One build of the real site per test run, shared by the test layers that read it (build, e2e):
 * their global setups run in the same process. Deleted when the process exits.
 */
export function sharedBuild(): AstroRun {
  if (!shared.backstoryBuild) {
    const build = runAstro('build');
    if (build.status !== 0) throw new Error(`astro build failed:\n${build.output}`);
    shared.backstoryBuild = build;
    process.on('exit', () => removeCopy(build.root));
  }
  return shared.backstoryBuild;
}
