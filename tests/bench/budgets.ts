/**
 * The performance budgets (issue 8), checked against one benchmark run. Pure: figures in,
 * verdicts out. A budget whose figures were not measured in this run is reported as skipped.
 */
import {
  CATEGORIES,
  PRESETS,
  type LighthouseFigures,
  type NoScriptCheck,
  type PageWeight,
  type Preset,
} from './lighthouse.ts';
import type { ScaleFigures } from './scale.ts';

export const BUDGET = {
  /** Every Lighthouse category, every page type, mobile and desktop. */
  score: 100,
  cls: 0,
  /** Article page, gzipped: HTML + CSS + JS. */
  articleTextKB: 30,
  /** Article page, gzipped JavaScript, inline or not. */
  articleJsKB: 5,
  /** Article page, everything transferred on first load, lead image included. */
  articleFirstLoadKB: 100,
  /** Article page, web fonts: none (the system stack). */
  articleFontBytes: 0,
  /** Article page, mobile preset, Lighthouse's simulated LCP. */
  articleMobileLcpMs: 1300,
  /** With 1,000 articles, a build after one article is edited (warm caches, median of three), seconds. */
  changedSecondsAt1000: 60,
  /** With 1,000 articles, a cold build with every image made, minutes. */
  coldMinutesAt1000: 25,
  /** Peak memory of any build at 1,000 articles. */
  peakMBAt1000: 2048,
} as const;

export interface PageResult {
  name: string;
  path: string;
  lighthouse: Record<Preset, LighthouseFigures>;
  weight: PageWeight;
}

export interface Verdict {
  budget: string;
  /** What was measured, in words and numbers. */
  measured: string;
  status: 'pass' | 'fail' | 'skipped';
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function checkBudgets(
  pages: readonly PageResult[] | undefined,
  noScript: NoScriptCheck | undefined,
  scale: readonly ScaleFigures[] | undefined,
): Verdict[] {
  const verdicts: Verdict[] = [];
  const add = (budget: string, measured: string, ok: boolean | undefined) =>
    verdicts.push({ budget, measured, status: ok === undefined ? 'skipped' : ok ? 'pass' : 'fail' });

  if (pages) {
    const low: string[] = [];
    const shifts: string[] = [];
    for (const page of pages) {
      for (const preset of PRESETS) {
        const figures = page.lighthouse[preset];
        for (const category of CATEGORIES) {
          if (figures.scores[category] < BUDGET.score)
            low.push(`${page.name}/${preset} ${category} ${figures.scores[category]}`);
        }
        if (figures.cls > BUDGET.cls) shifts.push(`${page.name}/${preset} ${figures.cls.toFixed(3)}`);
      }
    }
    add(
      'Lighthouse 100 in every category, mobile and desktop, every page type',
      low.length ? low.join('; ') : `all ${pages.length * PRESETS.length * CATEGORIES.length} scores 100`,
      low.length === 0,
    );
    add('CLS 0 everywhere', shifts.length ? shifts.join('; ') : 'all 0', shifts.length === 0);
    const article = pages.find((page) => page.name === 'article');
    if (article) {
      const w = article.weight;
      add(
        `Article HTML + CSS + JS <= ${BUDGET.articleTextKB} KB gzipped`,
        `${kb(w.totalGzip)} (HTML ${kb(w.htmlGzip)}, CSS ${kb(w.cssGzip)}, JS files ${kb(w.jsGzip)})`,
        w.totalGzip <= BUDGET.articleTextKB * 1024,
      );
      const js = w.jsGzip + w.inlineScriptGzip;
      add(
        `Article JavaScript <= ${BUDGET.articleJsKB} KB gzipped in all, none render-blocking`,
        `${kb(js)} (inline ${kb(w.inlineScriptGzip)}, files ${kb(w.jsGzip)}); blocking scripts: ${w.blockingScripts}`,
        js <= BUDGET.articleJsKB * 1024 && w.blockingScripts === 0,
      );
      if (noScript) {
        add(
          'Article reads without JavaScript (same text, lead image shown)',
          `text ${noScript.textWithoutScript}/${noScript.textWithScript} characters, lead image ${noScript.leadImageWithoutScript}px wide`,
          noScript.textWithoutScript >= noScript.textWithScript * 0.95 && noScript.leadImageWithoutScript > 0,
        );
      }
      const firstLoad = Math.max(...PRESETS.map((preset) => article.lighthouse[preset].bytes.total));
      add(
        `Article first load with the lead image <= ${BUDGET.articleFirstLoadKB} KB`,
        PRESETS.map((preset) => `${preset} ${kb(article.lighthouse[preset].bytes.total)}`).join(', '),
        firstLoad <= BUDGET.articleFirstLoadKB * 1024,
      );
      const fontBytes = Math.max(...PRESETS.map((preset) => article.lighthouse[preset].bytes.font));
      add(
        'Article web fonts: none (system stack)',
        `${kb(fontBytes)} transferred; font files referenced: ${w.fonts.length ? w.fonts.join(', ') : 'none'}`,
        fontBytes <= BUDGET.articleFontBytes && w.fonts.length === 0,
      );
      const lcp = article.lighthouse.mobile.lcp;
      add(
        `Article mobile LCP <= ${BUDGET.articleMobileLcpMs} ms (simulated)`,
        `${Math.round(lcp)} ms`,
        lcp <= BUDGET.articleMobileLcpMs,
      );
    }
  }

  if (scale) {
    // The ratio to bare Astro is printed with the scale table, for information only.
    const thousand = scale.find((figures) => figures.articles === 1000);
    const needsFull = 'needs N=1000: npm run bench -- --full';
    const changed = thousand?.ours.changed;
    add(
      `N=1,000: one edited article built in <= ${BUDGET.changedSecondsAt1000} s (warm, median of three)`,
      changed
        ? `${changed.seconds.toFixed(1)} s (runs ${(changed.runs ?? [changed.seconds]).map((seconds) => seconds.toFixed(1)).join(', ')} s)`
        : needsFull,
      changed ? changed.seconds <= BUDGET.changedSecondsAt1000 : undefined,
    );
    const cold = thousand?.ours.cold;
    add(
      `N=1,000: cold build with every image <= ${BUDGET.coldMinutesAt1000} min`,
      cold ? `${(cold.seconds / 60).toFixed(1)} min` : needsFull,
      cold ? cold.seconds / 60 <= BUDGET.coldMinutesAt1000 : undefined,
    );
    const peak = thousand
      ? Math.max(...Object.values(thousand.ours).map((build) => build.peakMB))
      : undefined;
    add(
      `Peak build memory at 1,000 articles < ${BUDGET.peakMBAt1000} MB`,
      peak === undefined ? needsFull : `${peak.toFixed(0)} MB`,
      peak === undefined ? undefined : peak < BUDGET.peakMBAt1000,
    );
  }
  return verdicts;
}
