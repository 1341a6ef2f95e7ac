/**
 * Build scale: our site on N synthetic articles, cold (empty caches), warm (caches kept, nothing
 * changed) and after changing one article, against the two baselines of `bare.ts` (a bare Astro
 * site of N Markdown pages; the same articles as a content collection) built the same three ways.
 * Wall time and peak memory of each `astro build`.
 */
import { BUILD_ENV } from '../../src/cli/build.ts';
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectCopy, projectRoot, removeCopy } from '../helpers/astro.ts';
import { BASELINES, baselineSite, editBaselinePage, type Baseline } from './bare.ts';
import { measureSearch, type SearchFigures } from './search.ts';
import { editArticle, makePhotos, writeContent } from './synthetic.ts';

export const BUILD_KINDS = ['cold', 'warm', 'changed'] as const;
export type BuildKind = (typeof BUILD_KINDS)[number];

export interface BuildFigures {
  /** Wall seconds of `astro build`, process start to exit. */
  seconds: number;
  /** Peak resident memory of the build process, MB. */
  peakMB: number;
  /** Pages and files Astro reports ("N page(s) built"). */
  pages: number;
  /** Pages and files reused from the previous build by Astro's incremental build (linked or copied), not rendered. */
  pagesReused: number;
  /** Images Astro generated in this build (not copied from its cache). */
  imagesGenerated: number;
  /** Share images drawn in this build (not read from the share-image cache); ours only. */
  shareImagesDrawn?: number;
  /** Warm and changed builds: the seconds of each of the {@link WARM_RUNS} runs; the figures are the median run's. */
  runs?: number[];
  log: string;
}

export interface ScaleFigures extends Record<Baseline, Record<BuildKind, BuildFigures>> {
  articles: number;
  ours: Record<BuildKind, BuildFigures>;
  /** Our site's search, measured on the cold build's output. */
  search: SearchFigures;
}

/** A word of every synthetic article (tests/bench/synthetic.ts), the search the bench times. */
export const SEARCH_WORD = 'summit';

const TIME = '/usr/bin/time';

/** Peak RSS (kB) of a process and its children, from /proc: the fallback when GNU time is missing. */
function treeRssKb(pid: number): number {
  let total = 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(/\s+/) : []) total += treeRssKb(Number(child));
    }
  } catch {
    // The process ended while being read.
  }
  return total;
}

/** Runs `astro build` in `root` with the project's Node, timed; output goes to `logFile`. */
export async function timedBuild(
  root: string,
  logFile: string,
  env: Record<string, string> = {},
): Promise<BuildFigures> {
  const astro = join(projectRoot, 'node_modules/.bin/astro');
  const timeFile = `${logFile}.time`;
  const useTime = existsSync(TIME);
  const out = openSync(logFile, 'w');
  const started = performance.now();
  const child = spawn(
    useTime ? TIME : astro,
    useTime ? ['-f', '%e %M', '-o', timeFile, astro, 'build'] : ['build'],
    {
      cwd: root,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        // The project's Node 24 first, as npm scripts have it.
        PATH: `${join(projectRoot, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
        ASTRO_TELEMETRY_DISABLED: '1',
        // The variables `npm run build` sets for `astro build`: both sites get them, like with like.
        ...BUILD_ENV,
        ...env,
      },
    },
  );
  let sampledKb = 0;
  const sampler = useTime
    ? undefined
    : setInterval(() => (sampledKb = Math.max(sampledKb, treeRssKb(child.pid!))), 200);
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const seconds = (performance.now() - started) / 1000;
  if (sampler) clearInterval(sampler);
  closeSync(out);
  // eslint-disable-next-line no-control-regex
  const log = readFileSync(logFile, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
  if (status !== 0)
    throw new Error(`astro build failed in ${root} (status ${status}); log: ${logFile}\n${log.slice(-3000)}`);
  const peakKb = useTime ? Number(readFileSync(timeFile, 'utf8').trim().split(/\s+/).at(-1)) : sampledKb;
  return {
    seconds,
    peakMB: peakKb / 1024,
    pages: Number(/(\d+) page\(s\) built/.exec(log)?.[1] ?? NaN),
    pagesReused: [...log.matchAll(/├─ \S+ \((?:restored|cached)\)/g)].length,
    // Photo sizes astro:assets made, not copied from its cache.
    imagesGenerated: [...log.matchAll(/▶ \/_astro\/\S+ \(before:/g)].length,
    log: logFile,
  };
}

function countFiles(dir: string): number {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.jpg')).length : 0;
}

export interface ScaleOptions {
  /** Where build logs go. */
  logDir: string;
  /** Called before each build, for progress output. */
  onStep?: (step: string) => void;
}

let photos: Promise<string[]> | undefined;

/**
 * Warm builds per site. They are taken in turns (ours, bare, collection, ours, ...) so that a busy
 * spell of the shared machine falls on every site alike, and the median counts.
 */
export const WARM_RUNS = 3;

/** The run with the median time, with every run's seconds. */
function median(runs: readonly BuildFigures[]): BuildFigures {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return { ...sorted[Math.floor(sorted.length / 2)]!, runs: runs.map((run) => run.seconds) };
}

interface Site {
  name: 'ours' | Baseline;
  label: string;
  root: string;
  env: Record<string, string>;
  /** Edits one article (a different edit for each `run`), for the "changed" builds. */
  edit: (run: number) => void;
  /** Share images cached so far; ours only. */
  shareImages?: () => number;
}

/** Cold, warm and one-article-changed builds of our site and of each baseline at `articles`. */
export async function measureScale(articles: number, options: ScaleOptions): Promise<ScaleFigures> {
  const { logDir, onStep = () => {} } = options;
  mkdirSync(logDir, { recursive: true });
  photos ??= makePhotos(mkdtempSync(join(tmpdir(), 'backstory-bench-photos-')));
  const content = mkdtempSync(join(tmpdir(), 'backstory-bench-content-'));
  onStep(`N=${articles}: writing ${articles} synthetic articles`);
  writeContent(content, articles, await photos);
  const root = projectCopy(content);
  rmSync(content, { recursive: true, force: true });
  // A share-image cache of this copy's own, so "cold" makes every image (astro:assets keeps its
  // photo sizes in the copy's own node_modules/.astro).
  const ogCache = join(root, 'node_modules/.cache/backstory-og');
  rmSync(join(root, 'node_modules/.cache'), { force: true });
  const sites: Site[] = [
    {
      name: 'ours',
      label: 'our site',
      root,
      env: { BACKSTORY_OG_CACHE: ogCache },
      edit: (run) => editArticle(join(root, 'content'), 0, run),
      shareImages: () => countFiles(ogCache),
    },
  ];
  try {
    for (const baseline of BASELINES) {
      const baseRoot = baselineSite(baseline, articles);
      sites.push({
        name: baseline,
        label: `${baseline} Astro`,
        root: baseRoot,
        env: {},
        edit: (run) => editBaselinePage(baseRoot, baseline, 0, run),
      });
    }
    const build = async (site: Site, kind: BuildKind, run = '') => {
      onStep(`N=${articles}: ${site.label}, ${kind} build${run && ` ${run}/${WARM_RUNS}`}`);
      const before = site.shareImages?.() ?? 0;
      const figures = await timedBuild(
        site.root,
        join(logDir, `${site.name}-${articles}-${kind}${run && `-${run}`}.log`),
        site.env,
      );
      if (site.shareImages) figures.shareImagesDrawn = site.shareImages() - before;
      return figures;
    };
    const cold: BuildFigures[] = [];
    for (const site of sites) cold.push(await build(site, 'cold'));
    onStep(`N=${articles}: our site's search`);
    const search = await measureSearch(join(root, 'dist'), SEARCH_WORD);
    const warm: BuildFigures[][] = sites.map(() => []);
    for (let run = 1; run <= WARM_RUNS; run += 1) {
      for (const [index, site] of sites.entries()) warm[index]!.push(await build(site, 'warm', String(run)));
    }
    const changed: BuildFigures[][] = sites.map(() => []);
    for (let run = 1; run <= WARM_RUNS; run += 1) {
      for (const [index, site] of sites.entries()) {
        site.edit(run);
        changed[index]!.push(await build(site, 'changed', String(run)));
      }
    }
    const bySite = (index: number) => ({
      cold: cold[index]!,
      warm: median(warm[index]!),
      changed: median(changed[index]!),
    });
    return {
      articles,
      search,
      ...(Object.fromEntries(sites.map((site, index) => [site.name, bySite(index)])) as Omit<
        ScaleFigures,
        'articles' | 'search'
      >),
    };
  } finally {
    for (const site of sites) removeCopy(site.root);
  }
}
