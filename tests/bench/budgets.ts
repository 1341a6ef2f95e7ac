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
  /** Warm rebuild as a multiple of the bare Astro site's for the same N. */
  warmRatio: 2,
  /** Cold cost per article at 1,000 as a multiple of the cost at 100. */
  coldLinearity: 1.3,
  /** Peak memory of the build at 1,000 articles. */
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
    for (const figures of scale) {
      const ratio = figures.ours.warm.seconds / figures.bare.warm.seconds;
      add(
        `N=${figures.articles}: warm rebuild <= ${BUDGET.warmRatio}x bare Astro`,
        `${figures.ours.warm.seconds.toFixed(1)} s vs ${figures.bare.warm.seconds.toFixed(1)} s = ${ratio.toFixed(2)}x (medians of ${figures.ours.warm.runs?.length ?? 1})`,
        ratio <= BUDGET.warmRatio,
      );
    }
    const at = (n: number) => scale.find((figures) => figures.articles === n);
    const hundred = at(100);
    const thousand = at(1000);
    const perArticle = (figures: ScaleFigures) => (figures.ours.cold.seconds * 1000) / figures.articles;
    add(
      `Cold cost per article at 1,000 <= ${BUDGET.coldLinearity}x the cost at 100`,
      hundred && thousand
        ? `${perArticle(thousand).toFixed(0)} ms vs ${perArticle(hundred).toFixed(0)} ms = ${(perArticle(thousand) / perArticle(hundred)).toFixed(2)}x`
        : 'needs N=100 and N=1000: npm run bench -- --full',
      hundred && thousand ? perArticle(thousand) / perArticle(hundred) <= BUDGET.coldLinearity : undefined,
    );
    const peak = thousand
      ? Math.max(...Object.values(thousand.ours).map((build) => build.peakMB))
      : undefined;
    add(
      `Peak build memory at 1,000 articles < ${BUDGET.peakMBAt1000} MB`,
      peak === undefined ? 'needs N=1000: npm run bench -- --full' : `${peak.toFixed(0)} MB`,
      peak === undefined ? undefined : peak < BUDGET.peakMBAt1000,
    );
  }
  return verdicts;
}
