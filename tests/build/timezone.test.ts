import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeCopy, runAstro } from '../helpers/astro.ts';
import { rawArticles } from '../helpers/content.ts';
import { htmlFiles, readPage } from '../helpers/dist.ts';

describe('the build machine time zone', () => {
  it('does not change a byte of the HTML', () => {
    const west = runAstro('build', { env: { TZ: 'America/Los_Angeles' } });
    const east = runAstro('build', { env: { TZ: 'Pacific/Kiritimati' } });
    expect(west.status, west.output).toBe(0);
    expect(east.status, east.output).toBe(0);
    const files = htmlFiles(west.distDir);
    expect(htmlFiles(east.distDir)).toEqual(files);
    for (const file of files) {
      const a = readFileSync(join(west.distDir, file), 'utf8');
      const b = readFileSync(join(east.distDir, file), 'utf8');
      expect(a, file).toBe(b);
    }
    // A date-only `published` ('2025-09-04') is that day anywhere: west of UTC a naive Date would print September 3.
    for (const { slug, data } of rawArticles()) {
      const published = String(data['published']);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(published)) continue;
      const day = new Date(`${published}T12:00:00Z`).toLocaleDateString('en-US', {
        month: 'long',
        day: 'numeric',
        year: 'numeric',
        timeZone: 'UTC',
      });
      expect(readFileSync(join(west.distDir, `articles/${slug}/index.html`), 'utf8'), slug).toContain(day);
    }
    expectNoMadeUpTimes(west.distDir);
    removeCopy(west.root);
    removeCopy(east.root);
  });
});

/**
 * A date-only `published` shows no clock time anywhere on its article page: the header's <time>
 * is the date alone, and `article:published_time` and JSON-LD `datePublished` are the date as
 * written (no midnight in any zone). An instant is shown with its zone's name.
 */
function expectNoMadeUpTimes(distDir: string) {
  for (const { slug, data } of rawArticles()) {
    const published = String(data['published']);
    const page = readPage(distDir, `articles/${slug}/index.html`);
    const time = page.querySelector(`header time[datetime="${published}"]`);
    expect(time, slug).not.toBeNull();
    const meta = page.querySelector('meta[property="article:published_time"]')!.getAttribute('content');
    const jsonLd = page
      .querySelectorAll('script[type="application/ld+json"]')
      .map((script) => JSON.parse(script.textContent))
      .find((item) => item['@type'] === 'NewsArticle');
    if (published.includes('T')) {
      expect(time!.textContent, slug).toMatch(/ (a\.m\.|p\.m\.|noon|midnight) (.+ time|UTC[+-]?[\d:]*)$/);
    } else {
      expect(time!.textContent.trim(), slug).not.toMatch(/\d:\d|a\.m\.|p\.m\.|noon|midnight|GMT|UTC/);
      expect(meta, slug).toBe(published);
      expect(jsonLd['datePublished'], slug).toBe(published);
    }
  }
}
