/**
 * `npm run bench`: page weight and Lighthouse of the real site, and build scale against a bare
 * Astro site, printed as tables and written as JSON to bench-results/. Exits non-zero when a
 * budget (tests/bench/budgets.ts) is missed.
 *
 *   npm run bench                      pages, then scale at N = 10 and 100 (~7 minutes)
 *   npm run bench -- --full            scale at N = 1,000 as well (about 22 minutes more: the cold build)
 *   npm run bench -- --with-5000       scale at 1,000 and 5,000 as well (hours)
 *   npm run bench -- --sizes=10,100    any list of N
 *   npm run bench -- --pages-only | --scale-only | --runs=3 | --no-priority
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, setPriority, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot, removeCopy, runAstro } from '../helpers/astro.ts';
import { serveDist } from '../helpers/server.ts';
import { BUDGET, checkBudgets, type PageResult, type Verdict } from './budgets.ts';
import {
  CATEGORIES,
  PRESETS,
  launchForLighthouse,
  measurePage,
  noScriptCheck,
  pageWeight,
  type NoScriptCheck,
} from './lighthouse.ts';
import { BUILD_KINDS, SEARCH_WORD, WARM_RUNS, measureScale, type ScaleFigures } from './scale.ts';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string' },
    full: { type: 'boolean', default: false },
    'no-priority': { type: 'boolean', default: false },
    'with-5000': { type: 'boolean', default: false },
    'pages-only': { type: 'boolean', default: false },
    'scale-only': { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
  },
});

const sizes = args.sizes
  ? args.sizes.split(',').map(Number)
  : [10, 100, ...(args.full || args['with-5000'] ? [1000] : []), ...(args['with-5000'] ? [5000] : [])];
const runs = Number(args.runs);
const started = new Date();
const stamp = started.toISOString().replace(/[:.]/g, '-');
const outDir = join(projectRoot, 'bench-results');
const logDir = join(outDir, `logs-${stamp}`);
mkdirSync(logDir, { recursive: true });

const elapsed = () => `${((Date.now() - started.getTime()) / 1000).toFixed(0).padStart(4)} s`;
const say = (text: string) => console.log(`[bench ${elapsed()}] ${text}`);

/** A plain-text table: the first row is the header; numbers are right-aligned. */
function table(rows: (string | number)[][]): string {
  const cells = rows.map((row) => row.map(String));
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((row) => row[column]?.length ?? 0)));
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        /^[\d.,x%-]+( ms| s| KB| MB)?$/.test(cell) && cell !== '-'
          ? cell.padStart(widths[column]!)
          : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  return [
    line(cells[0]!),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n');
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** The page of each type to measure: the first article and the first of each of its sub-pages. */
function pagePaths(distDir: string): [name: string, path: string][] {
  const first = (dir: string) => {
    const names = readdirSync(join(distDir, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    if (!names[0]) throw new Error(`bench: no pages under dist/${dir}`);
    return names[0];
  };
  const slug = first('articles');
  const story = readdirSync(join(distDir, 'stories'), { withFileTypes: true }).find((entry) =>
    entry.isDirectory(),
  )?.name;
  return [
    ['home', '/'],
    ['article', `/articles/${slug}/`],
    ['event', `/articles/${slug}/timeline/${first(`articles/${slug}/timeline`)}/`],
    ['photo', `/articles/${slug}/photos/${first(`articles/${slug}/photos`)}/`],
    ['person', `/people/${first('people')}/`],
    // A site may have no story yet: the stories index stands in.
    ['story', story ? `/stories/${story}/` : '/stories/'],
    ['search', '/search/'],
  ];
}

/**
 * Lighthouse multiplies the main-thread time it observes by 4 on mobile, so other people's builds
 * on this shared 2-core machine show up as Total Blocking Time. While Lighthouse runs, this process
 * and the Chromium it starts (which inherits it) get a higher CPU priority, when allowed (root).
 */
function raisePriority(raise: boolean): boolean {
  try {
    setPriority(raise ? -10 : 0);
    return raise;
  } catch {
    return false;
  }
}

/** Load averages (1 min) seen while Lighthouse ran: above the core count, TBT is noise. */
const loads: number[] = [];

async function measurePages(): Promise<{ pages: PageResult[]; noScript: NoScriptCheck; priority: boolean }> {
  say('Pages: building the site');
  const build = runAstro('build');
  if (build.status !== 0) throw new Error(`astro build failed:\n${build.output}`);
  const server = await serveDist(build.distDir);
  const priority = raisePriority(!args['no-priority']);
  const chrome = await launchForLighthouse();
  try {
    const pages: PageResult[] = [];
    for (const [name, path] of pagePaths(build.distDir)) {
      const lighthouse = {} as PageResult['lighthouse'];
      for (const preset of PRESETS) {
        loads.push(loadavg()[0]!);
        say(`Pages: Lighthouse ${preset} x${runs} ${path} (load ${loads.at(-1)!.toFixed(1)})`);
        lighthouse[preset] = await measurePage(`${server.url}${path}`, chrome.port, preset, runs);
      }
      pages.push({ name, path, lighthouse, weight: pageWeight(build.distDir, path) });
    }
    const article = pages.find((page) => page.name === 'article')!;
    say('Pages: reading the article with JavaScript off');
    const noScript = await noScriptCheck(`${server.url}${article.path}`);
    return { pages, noScript, priority };
  } finally {
    raisePriority(false);
    await chrome.close();
    await server.close();
    removeCopy(build.root);
  }
}

function pagesTables(pages: readonly PageResult[], priority: boolean): string {
  const rows: (string | number)[][] = [
    [
      'Page',
      'Preset',
      'Perf',
      'A11y',
      'BP',
      'SEO',
      'LCP ms',
      'CLS',
      'TBT ms',
      'HTML KB',
      'CSS KB',
      'JS KB',
      'Img KB',
      'Font KB',
      'Total KB',
    ],
  ];
  for (const page of pages) {
    for (const preset of PRESETS) {
      const f = page.lighthouse[preset];
      rows.push([
        `${page.name} ${page.path}`,
        preset,
        ...CATEGORIES.map((category) => f.scores[category]),
        Math.round(f.lcp),
        f.cls.toFixed(3),
        Math.round(f.tbt),
        kb(f.bytes.document),
        kb(f.bytes.stylesheet),
        kb(f.bytes.script),
        kb(f.bytes.image),
        kb(f.bytes.font),
        kb(f.bytes.total),
      ]);
    }
  }
  const weights: (string | number)[][] = [
    [
      'Page (dist/, gzipped)',
      'HTML KB',
      'inline JS KB',
      'inline CSS KB',
      'CSS files KB',
      'JS files KB',
      'HTML+CSS+JS KB',
      'Preloads',
    ],
  ];
  for (const page of pages) {
    const w = page.weight;
    weights.push([
      page.name,
      kb(w.htmlGzip),
      kb(w.inlineScriptGzip),
      kb(w.inlineStyleGzip),
      kb(w.cssGzip),
      kb(w.jsGzip),
      kb(w.totalGzip),
      w.preloads.length ? `${w.preloads.length} image` : '-',
    ]);
  }
  const index = pages[0]?.lighthouse.mobile.benchmarkIndex;
  const load = `load average ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)} on ${cpus().length} cores`;
  return `Lighthouse (median of ${runs}; bytes transferred, headers included; benchmarkIndex ${index?.toFixed(0)}; ${load}${priority ? '; raised CPU priority' : ''})\n${table(rows)}\n\nPage weight\n${table(weights)}`;
}

function scaleTable(scale: readonly ScaleFigures[]): string {
  const rows: (string | number)[][] = [
    [
      'N',
      'Build',
      'Ours s',
      'ms/article',
      'Peak MB',
      'Pages',
      'Reused',
      'Images made',
      'Share imgs drawn',
      'Bare s',
      'Bare MB',
      'Ours/bare',
      'Coll. s',
      'Ours/coll.',
    ],
  ];
  for (const figures of scale) {
    for (const kind of BUILD_KINDS) {
      const ours = figures.ours[kind];
      const bare = figures.bare[kind];
      const collection = figures.collection[kind];
      rows.push([
        figures.articles,
        kind,
        ours.seconds.toFixed(1),
        ((ours.seconds * 1000) / figures.articles).toFixed(0),
        ours.peakMB.toFixed(0),
        ours.pages,
        ours.pagesReused,
        ours.imagesGenerated,
        ours.shareImagesDrawn ?? '-',
        bare.seconds.toFixed(1),
        bare.peakMB.toFixed(0),
        `${(ours.seconds / bare.seconds).toFixed(2)}x`,
        collection.seconds.toFixed(1),
        `${(ours.seconds / collection.seconds).toFixed(2)}x`,
      ]);
    }
  }
  const marginal: string[] = [];
  for (let i = 1; i < scale.length; i += 1) {
    const [a, b] = [scale[i - 1]!, scale[i]!];
    const ms = ((b.ours.cold.seconds - a.ours.cold.seconds) * 1000) / (b.articles - a.articles);
    marginal.push(`${a.articles}->${b.articles}: ${ms.toFixed(0)} ms per added article`);
  }
  const search = scale.map(
    ({ articles, search: { pages, files, bytes, firstResultMs } }) =>
      `N=${articles}: ${pages} pages, dist/pagefind/ ${files} files, ${bytes.toLocaleString('en')} bytes; first result ${firstResultMs.join(', ')} ms`,
  );
  return `Build scale (wall seconds of astro build; cold = empty caches, warm = nothing changed, median of ${WARM_RUNS} taken in turns with the baselines, changed = one article edited, median of ${WARM_RUNS}; bare = one Markdown page per article; coll. = the articles as a content collection with MDX, keyed pages)\n${table(rows)}${
    marginal.length ? `\nCold marginal cost: ${marginal.join(', ')}` : ''
  }\nSearch (Pagefind's index of the cold build; ms from typing "${SEARCH_WORD}" on a fresh /search/ to the first result in Chromium, each run)\n${search.join('\n')}`;
}

function verdictTable(verdicts: readonly Verdict[]): string {
  return `Budgets\n${table([
    ['Status', 'Budget', 'Measured'],
    ...verdicts.map((v) => [v.status.toUpperCase(), v.budget, v.measured]),
  ])}`;
}

async function main() {
  say(
    `Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? '?'} (${arch()}), ${(totalmem() / 2 ** 30).toFixed(0)} GB; logs in ${logDir}`,
  );
  const pagesResult = args['scale-only'] ? undefined : await measurePages();
  if (pagesResult) console.log(`\n${pagesTables(pagesResult.pages, pagesResult.priority)}\n`);
  let scale: ScaleFigures[] | undefined;
  if (!args['pages-only']) {
    scale = [];
    for (const articles of sizes) {
      scale.push(await measureScale(articles, { logDir, onStep: say }));
      console.log(`\n${scaleTable(scale)}\n`);
    }
  }
  const verdicts = checkBudgets(pagesResult?.pages, pagesResult?.noScript, scale);
  console.log(verdictTable(verdicts));
  const result = {
    date: started.toISOString(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGB: totalmem() / 2 ** 30,
    },
    budgets: BUDGET,
    lighthouseRuns: runs,
    pages: pagesResult?.pages,
    noScript: pagesResult?.noScript,
    lighthouseLoadAverages: loads,
    lighthousePriorityRaised: pagesResult?.priority ?? false,
    scale,
    verdicts,
  };
  const file = join(outDir, `bench-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  const failed = verdicts.filter((v) => v.status === 'fail');
  say(`Figures written to ${file} (and bench-results/latest.json)`);
  say(failed.length ? `${failed.length} budget(s) missed` : 'every budget measured was met');
  process.exitCode = failed.length ? 1 : 0;
}

await main();
