/**
 * The site at news-site size: 50 synthetic articles in 5 stories, written by the benchmark's own
 * generator (tests/bench/synthetic.ts, with small photos to spare the image work) and built for
 * real. Every article is within three clicks of the front page; every link and anchor resolves;
 * each story lists exactly its articles, newest first, merges the event they all report into one,
 * and has a feed of them; each article's story line points to its neighbours in the story; the
 * archive holds every article once; and, in Chromium, the search finds a story and an article.
 * The synthetic text says what it is, and none of it is in content/.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePhotos, slugOf, storyCodeword, storyCount, storyOf, writeContent } from '../bench/synthetic.ts';
import { projectCopy, projectRoot, removeCopy, runAstroIn } from '../helpers/astro.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { brokenLinks, fileFor, htmlFiles, readPage, urlPathOf } from '../helpers/dist.ts';
import { serveDist } from '../helpers/server.ts';

const ARTICLES = 50;
const STORIES = storyCount(ARTICLES);
const slugs = Array.from({ length: ARTICLES }, (_, index) => slugOf(index));
/** Each story's article slugs, oldest first (the generator dates article i after article i - 1). */
const storyArticles = new Map<string, string[]>();
for (const [index, slug] of slugs.entries()) {
  const story = storyOf(index, ARTICLES);
  if (story) storyArticles.set(story, [...(storyArticles.get(story) ?? []), slug]);
}

let root: string;
let dist: string;
let pages: string[];

beforeAll(async () => {
  const photoDir = mkdtempSync(join(tmpdir(), 'synthetic-photos-'));
  const content = mkdtempSync(join(tmpdir(), 'synthetic-content-'));
  try {
    writeContent(content, ARTICLES, await makePhotos(photoDir, 3, { width: 480, height: 300 }));
    root = projectCopy(content);
  } finally {
    rmSync(content, { recursive: true, force: true });
    rmSync(photoDir, { recursive: true, force: true });
  }
  const build = runAstroIn(root, 'build');
  if (build.status !== 0) throw new Error(`the synthetic site must build:\n${build.output.slice(-4000)}`);
  dist = build.distDir;
  pages = htmlFiles(dist);
}, 600_000);
afterAll(() => {
  if (root) removeCopy(root);
});

const page = (path: string) => readPage(dist, fileFor(path));
const linksOf = (path: string, selector = 'a[href]') =>
  page(path)
    .querySelectorAll(selector)
    .map((link) => new URL(link.getAttribute('href')!, `https://site.test${path}`))
    .filter((url) => url.origin === 'https://site.test')
    .map((url) => url.pathname);

describe('the fixture', () => {
  it(`has ${ARTICLES} articles in ${STORIES} stories, which say they are synthetic`, () => {
    expect(STORIES).toBeGreaterThanOrEqual(3);
    expect(storyArticles.size).toBe(STORIES);
    expect(
      readdirSync(join(dist, 'articles')).filter((name) => name.startsWith('synthetic-article-')),
    ).toHaveLength(ARTICLES);
    for (const slug of slugs)
      expect(page(`/articles/${slug}/`).querySelector('main .prose')?.textContent).toContain(
        'A synthetic article',
      );
    for (const story of storyArticles.keys())
      expect(page(`/stories/${story}/`).querySelector('.summary')?.textContent).toContain('synthetic');
  });

  it('is never published: content/ holds none of it', () => {
    const ids = (folder: string) =>
      existsSync(join(projectRoot, 'content', folder))
        ? readdirSync(join(projectRoot, 'content', folder))
        : [];
    expect([...ids('articles'), ...ids('stories')].filter((id) => id.startsWith('synthetic-'))).toEqual([]);
  });
});

describe('the site', () => {
  it('has every article within three clicks of the front page', () => {
    const depth = new Map([['/', 0]]);
    let frontier = ['/'];
    for (let clicks = 1; clicks <= 3; clicks += 1) {
      const next: string[] = [];
      for (const path of frontier)
        for (const target of linksOf(path)) {
          if (depth.has(target) || !existsSync(join(dist, fileFor(target))) || !target.endsWith('/'))
            continue;
          depth.set(target, clicks);
          next.push(target);
        }
      frontier = next;
    }
    expect(slugs.filter((slug) => !depth.has(`/articles/${slug}/`))).toEqual([]);
  });

  it('links only to pages and anchors that exist, on every page', () => {
    const broken = pages.flatMap((file) => brokenLinks(dist, file).map((link) => `${file}: ${link}`));
    expect(broken).toEqual([]);
  });

  it('lists every article once in the archive', () => {
    const archived = pages
      .filter((file) => /^archive\/\d{4}-\d{2}\//.test(file))
      .map((file) =>
        linksOf(urlPathOf(file), 'main h2 a, main h3 a').filter((path) => path.startsWith('/articles/')),
      );
    expect(archived.flat().sort()).toEqual(slugs.map((slug) => `/articles/${slug}/`).sort());
  });

  it('shows the lead and the next ten on the front page, and every developing story in its rail', () => {
    const front = page('/');
    expect(front.querySelectorAll('.lead h2 a')).toHaveLength(1);
    expect(front.querySelectorAll('section[aria-labelledby="latest-heading"] h3 a')).toHaveLength(10);
    // The generator makes the odd-numbered stories developing ones.
    const developing = [...storyArticles.keys()].filter((story) => Number(story.split('-').at(-1)) % 2 === 1);
    expect(linksOf('/', '.stories h3 a').sort()).toEqual(
      developing.map((story) => `/stories/${story}/`).sort(),
    );
  });
});

describe.each([...storyArticles])('story %s', (story, articles) => {
  const newestFirst = [...articles].reverse().map((slug) => `/articles/${slug}/`);

  it('lists exactly its articles, newest first', () => {
    expect(linksOf(`/stories/${story}/`, 'section[aria-labelledby="articles-heading"] h3 a')).toEqual(
      newestFirst,
    );
  });

  it('shows the event all its articles report once, linked to each telling', () => {
    const shared = page(`/stories/${story}/`).querySelectorAll(`[data-story] li[id="event-${story}-opened"]`);
    expect(shared).toHaveLength(1);
    const tellings = linksOf(`/stories/${story}/`, `[data-story] li[id="event-${story}-opened"] .details a`);
    expect(tellings.sort()).toEqual([...newestFirst].sort());
  });

  it('has a feed of its articles', () => {
    const feed = new XMLParser().parse(readFileSync(join(dist, `stories/${story}/rss.xml`), 'utf8')) as {
      rss: { channel: { item: { link: string } | { link: string }[] } };
    };
    const items = [feed.rss.channel.item].flat();
    expect(items.map((item) => new URL(item.link).pathname)).toEqual(newestFirst);
  });

  it('places each article in it, with links to the article before and after', () => {
    for (const [index, slug] of articles.entries()) {
      const line = page(`/articles/${slug}/`).querySelector('nav.story-line');
      expect(line?.querySelector('.position')?.textContent).toBe(
        `(article ${index + 1} of ${articles.length})`,
      );
      expect(line?.querySelector('a[rel=prev]')?.getAttribute('href')).toBe(
        index > 0 ? `/articles/${articles[index - 1]}/` : undefined,
      );
      expect(line?.querySelector('a[rel=next]')?.getAttribute('href')).toBe(
        index < articles.length - 1 ? `/articles/${articles[index + 1]}/` : undefined,
      );
    }
  });
});

describe('search over the synthetic site, in Chromium', () => {
  it('finds a story by its name, and an article by its title, paging through the results', async () => {
    const server = await serveDist(dist);
    const browser = await launchBrowser();
    try {
      const tab = await browser.newPage({ baseURL: server.url });
      const story = [...storyArticles.keys()][1]!;
      // The story's codeword is on its page alone.
      await tab.goto(`/search/?q=${storyCodeword(Number(story.split('-').at(-1)))}`);
      await tab.waitForSelector('ol.results li');
      expect(
        await tab
          .locator('ol.results h2 a')
          .evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
      ).toEqual([`/stories/${story}/`]);
      // Every article shares words with this title: "More results" until it is among them.
      const slug = slugs[7]!;
      const title = page(`/articles/${slug}/`).querySelector('h1')!.textContent.trim();
      await tab.locator('input[type=search]').fill(title);
      await expect.poll(() => tab.locator('[role=status]').textContent()).toContain(`for “${title}”`);
      const target = tab.locator(`ol.results a[href="/articles/${slug}/"]`);
      while ((await target.count()) === 0) {
        const shown = await tab.locator('ol.results li').count();
        await tab.locator('button[data-more]').click({ timeout: 5_000 });
        await expect.poll(() => tab.locator('ol.results li').count()).toBeGreaterThan(shown);
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);
});
