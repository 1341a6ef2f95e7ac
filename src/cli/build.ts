/**
 * `npm run build`: `astro build` (arguments passed through) into a staging folder, moved to
 * `dist/` only when the whole build succeeded. Astro writes pages as it renders them and leaves
 * them when a later page or integration fails, so building in place would let a deploy step (or
 * a server reading `dist/` meanwhile) publish a half-written site. A failed or interrupted build
 * removes `dist/` too: the previous site no longer matches the content, and a deploy must stop.
 * Exits with Astro's code.
 */
import { spawn } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * Environment of every build, for the allocators under Node's native modules. glibc gives each
 * sharp/libvips thread its own memory arena; two arenas cut the cold build's peak memory by a
 * tenth (docs/decisions/0010-malloc-arena-max.md). Vite's bundler (Rolldown) and Astro's compiler
 * allocate with mimalloc, which by default hands freed memory back to the system only on later
 * allocations after a delay, so a bundle's memory stayed resident for the whole build; with no
 * delay it goes back when freed (docs/decisions/0015-mimalloc-purge-delay.md).
 */
export const BUILD_ENV = { MALLOC_ARENA_MAX: '2', MIMALLOC_PURGE_DELAY: '0' } as const;

/** The site, and the folder it is built in first (the config keeps Astro's default outDir). */
const OUT_DIR = 'dist';
const STAGING_DIR = '.dist-building';

async function main(args: readonly string[]): Promise<number> {
  const astro = fileURLToPath(new URL('../../node_modules/.bin/astro', import.meta.url));
  rmSync(STAGING_DIR, { recursive: true, force: true });
  const child = spawn(astro, ['build', '--outDir', STAGING_DIR, ...args], {
    stdio: 'inherit',
    env: { ...process.env, ...BUILD_ENV },
  });
  // Stay alive until Astro has stopped, to clean up after it; a terminal's Ctrl-C reaches it
  // directly, a `kill` of this process is passed on.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process
    .on('SIGINT', () => {})
    .on('SIGTERM', forward)
    .on('SIGHUP', forward);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done, fail) => {
    child.on('error', fail).on('exit', (exitCode, exitSignal) => done([exitCode, exitSignal]));
  });
  rmSync(OUT_DIR, { recursive: true, force: true });
  if (code === 0) {
    renameSync(STAGING_DIR, OUT_DIR);
    return 0;
  }
  rmSync(STAGING_DIR, { recursive: true, force: true });
  console.error(
    `build failed: removed ${OUT_DIR}/, so that neither a half-written nor an outdated site is published`,
  );
  return code ?? 128 + (signal ? constants.signals[signal] : 0);
}

if (import.meta.main) process.exit(await main(process.argv.slice(2)));
