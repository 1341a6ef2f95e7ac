import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../helpers/astro.ts';
import { rawArticles } from '../helpers/content.ts';
import { brokenLinks, htmlFiles } from '../helpers/dist.ts';

const distDir = inject('distDir');
const pages = htmlFiles(distDir);

describe('the built site', () => {
  it('has a page for every article folder but the drafts, and none for a draft', () => {
    const slugs = readdirSync(join(projectRoot, 'content/articles'));
    const published = new Set(rawArticles().map(({ slug }) => slug));
    expect(published.size).toBeGreaterThan(0);
    for (const slug of slugs)
      expect(pages.includes(`articles/${slug}/index.html`), slug).toBe(published.has(slug));
  });

  it('publishes the photo sizes and not the originals, which no page links to', () => {
    const sizes = readdirSync(join(distDir, '_astro')).filter((name) => name.endsWith('.webp'));
    expect(sizes.length).toBeGreaterThan(0);
    const articles = join(projectRoot, 'content/articles');
    const originals = readdirSync(articles, { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(jpe?g|png|webp|avif)$/i.test(name))
      .map((name) => basename(name));
    expect(originals.length).toBeGreaterThan(0);
    // Share images (og/) are drawn cards named after the photo's id, which is often its file name.
    const published = readdirSync(distDir, { recursive: true, encoding: 'utf8' })
      .filter((name) => !name.startsWith('og/'))
      .map((name) => basename(name));
    expect(published.filter((name) => originals.includes(name))).toEqual([]);
    // Nor under another name (Vite's `_astro/<name>.<hash>.jpg`, which astro:assets removes
    // unless something reads the image's fields: src/model/data.ts, PhotoImage): the only other
    // raster images are the icons and the share images.
    const rasters = readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((name) =>
      /\.(jpe?g|png|avif|gif|tiff?)$/i.test(name),
    );
    expect(rasters.filter((name) => !/^(icons|og)\//.test(name))).toEqual([]);
  });

  it('has a home page and a 404 page', () => {
    expect(pages).toContain('index.html');
    expect(pages).toContain('404.html');
  });

  it.each(pages)('%s passes html-validate', async (file) => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const report = await validator.validateFile(join(distDir, file));
    const messages = report.results.flatMap((result) =>
      result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`),
    );
    expect(messages).toEqual([]);
  });

  it.each(pages)('%s links only to pages and anchors that exist', (file) => {
    expect(brokenLinks(distDir, file)).toEqual([]);
  });
});
