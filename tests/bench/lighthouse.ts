/**
 * Lighthouse on the served build, mobile and desktop presets, the median of several runs per page,
 * plus what Lighthouse cannot see: JavaScript inlined in the HTML, and whether the page reads the
 * same with JavaScript off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Flags } from 'lighthouse';
import { parse } from 'node-html-parser';
import { CHROMIUM_ARGS, chromiumPath, launchBrowser } from '../helpers/browser.ts';

export const PRESETS = ['mobile', 'desktop'] as const;
export type Preset = (typeof PRESETS)[number];
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
/** Transferred bytes by type, as Lighthouse's resource summary counts them (headers included). */
export const BYTE_TYPES = ['document', 'stylesheet', 'script', 'image', 'font', 'other', 'total'] as const;
export type ByteType = (typeof BYTE_TYPES)[number];

export interface LighthouseFigures {
  scores: Record<Category, number>;
  /** Milliseconds. */
  lcp: number;
  cls: number;
  /** Milliseconds. */
  tbt: number;
  bytes: Record<ByteType, number>;
  /** Requests Lighthouse saw, for the record: path, type, bytes. */
  requests: [path: string, type: string, bytes: number][];
  /** Lighthouse's own estimate of this machine's speed (a desktop is ~1000-2000). */
  benchmarkIndex: number;
  /** Audits that scored below 1 in any run: why a category fell short. */
  failing: string[];
}

const FLAGS: Flags = {
  output: 'json',
  logLevel: 'error',
  onlyCategories: [...CATEGORIES],
  // Neither screenshot feeds a score; skipping them saves seconds a run.
  disableFullPageScreenshot: true,
  skipAudits: ['screenshot-thumbnails', 'final-screenshot'],
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface ResourceRow {
  resourceType: string;
  transferSize: number;
}
interface RequestRow {
  url: string;
  resourceType?: string;
  transferSize?: number;
}

async function once(url: string, port: number, preset: Preset): Promise<LighthouseFigures> {
  const config: Config | undefined = preset === 'desktop' ? desktopConfig : undefined;
  const result = await lighthouse(url, { ...FLAGS, port }, config);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse ${url}: ${lhr.runtimeError.message}`);
  const audit = (id: string) => {
    const found = lhr.audits[id];
    if (!found) throw new Error(`Lighthouse: no audit ${id}`);
    return found;
  };
  const rows = ((audit('resource-summary').details as { items?: ResourceRow[] })?.items ??
    []) as ResourceRow[];
  const bytes = Object.fromEntries(
    BYTE_TYPES.map((type) => [type, rows.find((row) => row.resourceType === type)?.transferSize ?? 0]),
  ) as Record<ByteType, number>;
  const requests = ((audit('network-requests').details as { items?: RequestRow[] })?.items ?? []).map(
    (row): [string, string, number] => [
      new URL(row.url).pathname,
      row.resourceType ?? '',
      row.transferSize ?? 0,
    ],
  );
  const scores = Object.fromEntries(
    CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]),
  ) as Record<Category, number>;
  const failing = Object.values(lhr.audits)
    .filter(
      (entry) =>
        entry.score !== null &&
        entry.score < 1 &&
        (entry.scoreDisplayMode === 'binary' || entry.scoreDisplayMode === 'numeric') &&
        // Insights carry weight 0 in every category: shown for the record, never a score.
        !entry.id.endsWith('-insight'),
    )
    .map((entry) => `${entry.id} ${entry.displayValue ?? entry.score}`);
  return {
    scores,
    lcp: audit('largest-contentful-paint').numericValue ?? NaN,
    cls: audit('cumulative-layout-shift').numericValue ?? NaN,
    tbt: audit('total-blocking-time').numericValue ?? NaN,
    bytes,
    requests,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    failing,
  };
}

/** Lighthouse sometimes fails to record a trace on a busy machine (NO_NAVSTART): try again. */
async function withRetries<T>(attempt: () => Promise<T>, tries = 3): Promise<T> {
  for (let left = tries - 1; ; left -= 1) {
    try {
      return await attempt();
    } catch (error) {
      if (left === 0) throw error;
      console.warn(`Lighthouse run failed, retrying: ${(error as Error).message.split('\n')[0]}`);
    }
  }
}

/** Median of each figure over `runs` runs (requests from the median-LCP run). */
export async function measurePage(
  url: string,
  port: number,
  preset: Preset,
  runs: number,
): Promise<LighthouseFigures & { runs: number }> {
  const all: LighthouseFigures[] = [];
  for (let run = 0; run < runs; run += 1) all.push(await withRetries(() => once(url, port, preset)));
  const pick = (get: (figures: LighthouseFigures) => number) => median(all.map(get));
  const lcp = pick((f) => f.lcp);
  const typical = all.find((f) => f.lcp === lcp) ?? all[0]!;
  return {
    runs,
    scores: Object.fromEntries(CATEGORIES.map((id) => [id, pick((f) => f.scores[id])])) as Record<
      Category,
      number
    >,
    lcp,
    cls: pick((f) => f.cls),
    tbt: pick((f) => f.tbt),
    bytes: Object.fromEntries(BYTE_TYPES.map((type) => [type, pick((f) => f.bytes[type])])) as Record<
      ByteType,
      number
    >,
    requests: typical.requests,
    benchmarkIndex: pick((f) => f.benchmarkIndex),
    failing: [...new Set(all.flatMap((f) => f.failing))],
  };
}

/** One Chromium for every Lighthouse run (Debian's, with the project's flags). */
export async function launchForLighthouse(): Promise<{ port: number; close(): Promise<void> }> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: CHROMIUM_ARGS,
    logLevel: 'silent',
  });
  return { port: chrome.port, close: async () => chrome.kill() };
}

export interface PageWeight {
  /** Gzipped bytes of the HTML file, of JavaScript inlined in it, and of inline <style>. */
  htmlGzip: number;
  inlineScriptGzip: number;
  inlineStyleGzip: number;
  /** Gzipped bytes of the external CSS and JS files the HTML links. */
  cssGzip: number;
  jsGzip: number;
  /** HTML + CSS + JS, gzipped: what a reader's first request costs before images. */
  totalGzip: number;
  /** Font files the page or its CSS refers to. */
  fonts: string[];
  /** Scripts that are neither type=module nor async/defer: they would block reading. */
  blockingScripts: number;
  /** Stylesheets linked with rel=stylesheet (each a render-blocking request). */
  blockingStylesheets: number;
  /** Images the HTML preloads (only the lead image should be). */
  preloads: string[];
}

const gzip = (text: string | Buffer) => gzipSync(text).length;

/** Weighs a built page from dist/, with gzip as the static server applies it. */
export function pageWeight(distDir: string, pagePath: string): PageWeight {
  const html = readFileSync(join(distDir, pagePath, pagePath.endsWith('/') ? 'index.html' : ''), 'utf8');
  const root = parse(html);
  const scripts = root.querySelectorAll('script');
  const executable = scripts.filter((script) => {
    const type = script.getAttribute('type') ?? '';
    return type === '' || type === 'module' || /javascript/.test(type);
  });
  const inline = executable.filter((script) => !script.getAttribute('src'));
  const external = executable.filter((script) => script.getAttribute('src'));
  const local = (href: string) => readFileSync(join(distDir, new URL(href, 'http://x/').pathname));
  const stylesheets = root
    .querySelectorAll('link[rel~="stylesheet"]')
    .map((link) => link.getAttribute('href') ?? '');
  const inlineStyles = root.querySelectorAll('style').map((style) => style.text);
  const cssFiles = stylesheets.map((href) => local(href).toString('utf8'));
  const fontPattern = /url\(\s*['"]?([^'")]+\.(?:woff2?|ttf|otf))/g;
  const fonts = [...[...inlineStyles, ...cssFiles].join('\n').matchAll(fontPattern)].map((m) => m[1]!);
  fonts.push(
    ...root
      .querySelectorAll('link[rel~="preload"][as="font"]')
      .map((link) => link.getAttribute('href') ?? ''),
  );
  const htmlGzip = gzip(html);
  const inlineScriptGzip = inline.length ? gzip(inline.map((script) => script.text).join('\n')) : 0;
  const inlineStyleGzip = inlineStyles.length ? gzip(inlineStyles.join('\n')) : 0;
  const cssGzip = cssFiles.reduce((sum, css) => sum + gzip(css), 0);
  const jsGzip = external.reduce((sum, script) => sum + gzip(local(script.getAttribute('src')!)), 0);
  return {
    htmlGzip,
    inlineScriptGzip,
    inlineStyleGzip,
    cssGzip,
    jsGzip,
    totalGzip: htmlGzip + cssGzip + jsGzip,
    fonts: [...new Set(fonts)],
    blockingScripts: executable.filter(
      (script) =>
        script.getAttribute('type') !== 'module' &&
        !script.hasAttribute('async') &&
        !script.hasAttribute('defer'),
    ).length,
    blockingStylesheets: stylesheets.length,
    preloads: root
      .querySelectorAll('link[rel~="preload"][as="image"]')
      .map((link) => link.getAttribute('imagesrcset') ?? link.getAttribute('href') ?? ''),
  };
}

export interface NoScriptCheck {
  /** Characters of text in <main> with JavaScript, and without. */
  textWithScript: number;
  textWithoutScript: number;
  /** Pixel width the first image in <main> decoded to without JavaScript (0: not shown). */
  leadImageWithoutScript: number;
}

/** Loads the page with JavaScript on and off and compares what a reader gets. */
export async function noScriptCheck(url: string): Promise<NoScriptCheck> {
  const browser = await launchBrowser();
  try {
    const read = async (javaScriptEnabled: boolean) => {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 412, height: 823 } });
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ').trim().length;
      const images = page.locator('main img');
      const lead =
        (await images.count()) > 0
          ? await images.first().evaluate((img) => (img as HTMLImageElement).naturalWidth)
          : 0;
      await context.close();
      return { text, lead };
    };
    const on = await read(true);
    const off = await read(false);
    return { textWithScript: on.text, textWithoutScript: off.text, leadImageWithoutScript: off.lead };
  } finally {
    await browser.close();
  }
}
