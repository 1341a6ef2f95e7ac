/**
 * Hostile and oversized content, built for real from tests/fixtures/stress/ (once, here) and
 * served like the site: text that looks like markup (`<script>`, `&`, quotes) in every text
 * field must reach the page, its <head>, its JSON-LD and the feed as text, never as markup;
 * a very long headline, caption, unbroken URL and word must not make a 320 px screen scroll
 * sideways; and the pages must pass the same browser gates as the real ones.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runAstro, type AstroRun } from '../helpers/astro.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { rawArticles, type RawArticle } from '../helpers/content.ts';
import { htmlFiles, readPage } from '../helpers/dist.ts';
import { serveDist, type StaticServer } from '../helpers/server.ts';
import {
  allPages,
  axeViolations,
  horizontalOverflow,
  loadLazyImages,
  printView,
  watchedPage,
  type Watched,
} from './quality-support.ts';

const FIXTURE = join(projectRoot, 'tests/fixtures/stress');
const articles = rawArticles(FIXTURE);
const hostile = articles.find((article) => article.slug === 'escaping')!;
const long = articles.find((article) => article.slug === 'overflow')!;
const h = hostile.data;

let build: AstroRun;
let server: StaticServer;
let browser: Browser;
let narrow: Watched;
let desktop: Watched;

beforeAll(async () => {
  build = runAstro('build', { content: FIXTURE });
  if (build.status !== 0) throw new Error(`the stress fixture must build:\n${build.output}`);
  server = await serveDist(build.distDir);
  browser = await launchBrowser();
  [narrow, desktop] = await Promise.all([
    watchedPage(browser, server.url, {
      viewport: { width: 320, height: 640 },
      isMobile: true,
      hasTouch: true,
    }),
    watchedPage(browser, server.url),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (build && process.env['BACKSTORY_KEEP_TMP'] !== '1')
    rmSync(build.root, { recursive: true, force: true });
});

/** The fixture's text that looks like markup, field by field, as the editor wrote it. */
function hostileFields(article: RawArticle): Record<string, string> {
  const data = article.data;
  return {
    title: data['title'],
    dek: data['dek'],
    dateline: data['dateline'],
    byline: data['byline'],
    'source name': data['sources'][0].name,
    'event title': data['timeline'][0].title,
    'event place': data['timeline'][0].place,
    'event source': data['timeline'][0].source.name,
    caption: data['gallery'][0].caption,
    credit: data['gallery'][0].credit,
  };
}

describe('text that looks like markup', () => {
  it('is in the fixture: every field holds <, & and a quote', () => {
    for (const [field, value] of Object.entries(hostileFields(hostile)))
      expect(value, field).toMatch(/^(?=.*<)(?=.*&)(?=.*")/);
  });

  it('is written as escaped text in the article HTML, never as a tag', () => {
    const html = readPage(build.distDir, 'articles/escaping/index.html').toString();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    // Outside attribute values (where `<` is plain text) no tag from the content appears.
    const withoutAttributes = html.replace(/="[^"]*"/g, '=""');
    for (const tag of [
      '<script>alert',
      '<img src=x',
      '<b onclick',
      '<b>Staff',
      '<i>Test',
      '<i>Reuters',
      '</figcaption><script',
      '<Paris>',
    ])
      expect(withoutAttributes, tag).not.toContain(tag);
  });

  it('gives JSON-LD that parses, with no raw <, > or & inside, holding the text as written', () => {
    let blocks = 0;
    for (const file of htmlFiles(build.distDir)) {
      const html = readPage(build.distDir, file).toString();
      for (const [, json] of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
        blocks++;
        expect(json, file).not.toMatch(/[<>&]/);
        expect(() => JSON.parse(json!), file).not.toThrow();
      }
    }
    expect(blocks).toBeGreaterThan(5);
    const page = readPage(build.distDir, 'articles/escaping/index.html');
    const data = page
      .querySelectorAll('script[type="application/ld+json"]')
      .map((script) => JSON.parse(script.textContent))
      .find((item) => item['@type'] === 'NewsArticle');
    expect(data.headline).toBe(h['title']);
    expect(data.description).toBe(h['dek']);
    expect(data.dateline).toBe(h['dateline']);
    expect(data.image[0].caption).toBe(h['gallery'][0].caption);
    expect(data.image[0].creditText).toBe(h['gallery'][0].credit);
  });

  it('leaves every page valid HTML (html-validate)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const messages: string[] = [];
    for (const file of htmlFiles(build.distDir)) {
      const report = await validator.validateFile(join(build.distDir, file));
      for (const result of report.results)
        for (const m of result.messages)
          messages.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(messages).toEqual([]);
  });

  it('reaches the reader as text in the browser: title, head, body, captions, credits, alt', async () => {
    await desktop.visit('/articles/escaping/');
    const seen = await desktop.page.evaluate(() => {
      const meta = (key: string) =>
        document.querySelector(`meta[name="${key}"], meta[property="${key}"]`)?.getAttribute('content');
      return {
        title: document.title,
        h1: document.querySelector('h1')?.textContent,
        description: meta('description'),
        ogTitle: meta('og:title'),
        ogDescription: meta('og:description'),
        main: (document.querySelector('main')?.textContent ?? '').replace(/\s+/g, ' '),
        alt: document.querySelector('main figure img')?.getAttribute('alt'),
      };
    });
    expect(seen.title).toBe(h['title']);
    expect(seen.h1).toBe(h['title']);
    expect(seen.description).toBe(h['dek']);
    expect(seen.ogTitle).toBe(h['title']);
    expect(seen.ogDescription).toBe(h['dek']);
    expect(seen.alt).toBe(h['gallery'][0].alt);
    for (const [field, value] of Object.entries(hostileFields(hostile)))
      expect(seen.main, field).toContain(value);
    expect(desktop.problems).toEqual([]);
  });

  it('never becomes an element, an event handler or a script, on any page', async () => {
    const found: string[] = [];
    for (const path of allPages(build.distDir)) {
      await desktop.visit(path);
      await loadLazyImages(desktop.page);
      const injected = await desktop.page.evaluate(() => {
        const bad: string[] = [];
        for (const element of document.querySelectorAll('*')) {
          for (const attribute of element.getAttributeNames())
            if (attribute.startsWith('on')) bad.push(`<${element.localName} ${attribute}>`);
          // JSON-LD holds the text as data (checked above); any other script must be ours.
          if (
            element.localName === 'script' &&
            element.getAttribute('type') !== 'application/ld+json' &&
            /alert/.test(element.textContent ?? '')
          )
            bad.push(`<script> ${element.textContent?.slice(0, 40)}`);
          if (element.localName === 'img' && element.getAttribute('src') === 'x') bad.push('<img src=x>');
          if (
            ['b', 'i', 'a'].includes(element.localName) &&
            /^(Staff|Test Photographer|Reuters|Made for the test suite)$/.test(element.textContent ?? '')
          )
            bad.push(`<${element.localName}>${element.textContent}`);
          if (element.localName === 'a' && /^javascript:/i.test(element.getAttribute('href') ?? ''))
            bad.push(`<a href="${element.getAttribute('href')}">`);
        }
        return bad;
      });
      found.push(...injected.map((problem) => `${path}: ${problem}`));
      // alert() is watched: content that ran as script would be reported here.
      found.push(...desktop.problems.map((problem) => `${path}: ${problem}`));
    }
    expect(found).toEqual([]);
  });

  it('is escaped in the RSS feed, which stays well-formed XML', async () => {
    await desktop.visit('/');
    const feed = await desktop.page.evaluate(async () => {
      const xml = await (await fetch('/rss.xml')).text();
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        titles: [...doc.querySelectorAll('item > title')].map((title) => title.textContent),
        descriptions: [...doc.querySelectorAll('item > description')].map((text) => text.textContent),
      };
    });
    expect(feed.error).toBeNull();
    expect(feed.titles).toContain(h['title']);
    expect(feed.descriptions).toContain(h['dek']);
  });
});

describe('very long text on a 320 px screen', () => {
  it('is in the fixture: a long headline, caption, unbroken URL and word', () => {
    // As long as a title may be (70 characters), and one unbroken address.
    expect(long.data['title']).toMatch(/https:\/\/\S{50,}/);
    expect(long.data['gallery'][0].caption).toMatch(/https:\/\/\S{100,}/);
    expect(long.body).toMatch(/\S{80,}/);
  });

  /** Each page of the fixture at 320 px, visited once for both checks below. */
  const narrowPages = new Map<string, { overflow: string[]; violations: string[] }>();
  beforeAll(async () => {
    for (const path of allPages(build.distDir)) {
      await narrow.visit(path);
      await loadLazyImages(narrow.page);
      const overflow = await horizontalOverflow(narrow.page);
      const violations = await axeViolations(narrow.page);
      narrowPages.set(path, {
        overflow: [
          ...(overflow.scrollWidth > overflow.width ? [`scrolls to ${overflow.scrollWidth}px`] : []),
          ...overflow.outside,
          ...narrow.problems,
        ],
        violations,
      });
    }
  });

  it('scrolls no page sideways, and no element sticks out', () => {
    expect(narrowPages.size).toBeGreaterThan(10);
    const problems = [...narrowPages].flatMap(([path, { overflow }]) =>
      overflow.map((line) => `${path}: ${line}`),
    );
    expect(problems).toEqual([]);
  });

  it('meets WCAG 2.2 A/AA (axe) on every page at 320 px', () => {
    const violations = [...narrowPages].flatMap(([path, page]) =>
      page.violations.map((violation) => `${path}: ${violation}`),
    );
    expect(violations).toEqual([]);
  });

  it('prints the long article whole', async () => {
    await desktop.page.emulateMedia({ media: 'print' });
    try {
      await desktop.visit('/articles/overflow/');
      const view = await printView(desktop.page);
      expect(view.missing).toEqual([]);
      expect(view.shown).toEqual([]);
      expect(view.counts['caption']).toBe(2);
    } finally {
      await desktop.page.emulateMedia({ media: null });
    }
  });
});
