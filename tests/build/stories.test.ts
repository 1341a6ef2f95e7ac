/**
 * Stories that continue, built for real: tests/fixtures/minimal with two stories added here (one
 * developing, with two articles that both report the event `talks-begin`; one concluded) and an
 * article in no story. Checks the article's story line, the story page (articles newest first, the
 * merged timeline, who and where), the story's feed, the stories index, related coverage, and,
 * in Chromium, the events marked new since the reader's last visit.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import type { HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectCopy, removeCopy, runAstroIn } from '../helpers/astro.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { readPage } from '../helpers/dist.ts';
import { serveDist } from '../helpers/server.ts';

const MINIMAL = join(import.meta.dirname, '../fixtures/minimal');
let root: string;
let dist: string;

/** The minimal article, retitled, redated and put in a story, with `events` as its timeline. */
function variant(slug: string, fields: { title: string; published: string; story?: string; events: string }) {
  const source = readFileSync(join(MINIMAL, 'articles/sample-story/index.md'), 'utf8');
  const front = source
    .replace('title: Ministers meet in Paris', `title: ${fields.title}`)
    .replace("published: '2025-09-04'", `published: '${fields.published}'`)
    .replace(
      'byline: Backstory staff\n',
      `byline: Backstory staff\n${fields.story ? `story: ${fields.story}\n` : ''}`,
    )
    .replace(/timeline:\n[\s\S]*?gallery:/, `timeline:\n${fields.events}gallery:`);
  const folder = join(root, 'content/articles', slug);
  cpSync(join(MINIMAL, 'articles/sample-story'), folder, { recursive: true });
  writeFileSync(join(folder, 'index.md'), front);
}

const TALKS_BEGIN = `  - id: talks-begin
    date: '2025-09-01'
    title: Talks begin
    body: Ministers opened talks in Paris.
    place: Paris
    people: [ada-example]
    countries: [fr]
`;

beforeAll(() => {
  const content = mkdtempSync(join(tmpdir(), 'stories-content-'));
  cpSync(MINIMAL, content, { recursive: true });
  root = projectCopy(content);
  rmSync(content, { recursive: true, force: true });
  mkdirSync(join(root, 'content/stories'));
  writeFileSync(
    join(root, 'content/stories/talks.yaml'),
    'title: Talks in Paris\nsummary: Ministers talk in Paris.\nstatus: developing\ncountries: [fr]\n',
  );
  writeFileSync(
    join(root, 'content/stories/summit.yaml'),
    'title: Un sommet terminé\nsummary: Un sommet, maintenant fini.\nlang: fr\nstatus: concluded\n',
  );
  // sample-story (Sept. 4) and talks-continue (Sept. 6) follow "talks" and share talks-begin.
  const sample = join(root, 'content/articles/sample-story/index.md');
  writeFileSync(
    sample,
    readFileSync(sample, 'utf8').replace(
      'byline: Backstory staff\n',
      'byline: Backstory staff\nstory: talks\n',
    ),
  );
  variant('talks-continue', {
    title: 'Ministers talk again',
    published: '2025-09-06',
    story: 'talks',
    events: `${TALKS_BEGIN}  - id: talks-end
    date: '2025-09-05'
    title: Talks end
    body: The ministers ended their talks.
    countries: [gb]
`,
  });
  variant('summit-over', {
    title: 'The summit is over',
    published: '2025-09-02',
    story: 'summit',
    events: `  - id: summit-ends
    date: '2025-09-01'
    title: Summit ends
    body: The summit ended.
    countries: [gb]
`,
  });
  variant('no-story', { title: 'Ministers elsewhere', published: '2025-09-03', events: TALKS_BEGIN });
  const build = runAstroIn(root, 'build');
  if (build.status !== 0) throw new Error(`the stories fixture must build:\n${build.output}`);
  dist = join(root, 'dist');
}, 300_000);

afterAll(() => {
  if (root) removeCopy(root);
});

const page = (file: string) => readPage(dist, file);
const text = (element: HTMLElement | null) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const hrefs = (element: HTMLElement | null) =>
  (element?.querySelectorAll('a') ?? []).map((link) => link.getAttribute('href'));

describe("an article's story line", () => {
  it('names the story and links the previous and next articles in it', () => {
    const older = page('articles/sample-story/index.html').querySelector('nav[aria-label="Story"]');
    expect(text(older!.querySelector('p'))).toBe('Developing story: Talks in Paris (article 1 of 2)');
    expect(text(older!.querySelector('ul'))).toBe('Next: Ministers talk again');
    expect(hrefs(older)).toEqual(['/stories/talks/', '/articles/talks-continue/']);
    const newer = page('articles/talks-continue/index.html').querySelector('nav[aria-label="Story"]');
    expect(text(newer!.querySelector('p'))).toBe('Developing story: Talks in Paris (article 2 of 2)');
    expect(text(newer!.querySelector('ul'))).toBe('Previous: Ministers meet in Paris');
    expect(newer!.querySelector('a[rel=prev]')!.getAttribute('href')).toBe('/articles/sample-story/');
  });

  it('marks the name of a story in another language with that language', () => {
    const name = page('articles/summit-over/index.html').querySelector('nav[aria-label="Story"] a bdi');
    expect(name?.getAttribute('lang')).toBe('fr');
    expect(text(name)).toBe('Un sommet terminé');
    for (const element of ['h1', '.summary'])
      expect(page('stories/summit/index.html').querySelector(`main ${element}`)?.getAttribute('lang')).toBe(
        'fr',
      );
    expect(
      page('stories/index.html')
        .querySelector('main a[href="/stories/summit/"]')
        ?.parentNode?.getAttribute('lang'),
    ).toBe('fr');
  });

  it('is absent from an article in no story, and says a concluded story is one', () => {
    expect(page('articles/no-story/index.html').querySelector('nav[aria-label="Story"]')).toBeNull();
    expect(text(page('articles/summit-over/index.html').querySelector('nav[aria-label="Story"]'))).toBe(
      'Story: Un sommet terminé (article 1 of 1)',
    );
  });
});

describe('a story page', () => {
  const story = () => page('stories/talks/index.html');

  it('shows the summary, the articles newest first and the feed', () => {
    expect(text(story().querySelector('h1'))).toBe('Talks in Paris');
    expect(text(story().querySelector('.summary'))).toBe('Ministers talk in Paris.');
    const articles = story().querySelectorAll('section[aria-labelledby="articles-heading"] h3 a');
    expect(articles.map((link) => link.getAttribute('href'))).toEqual([
      '/articles/talks-continue/',
      '/articles/sample-story/',
    ]);
    expect(hrefs(story().querySelector('.follow'))).toEqual(['/stories/talks/rss.xml']);
    // Announced to feed readers beside the site's feed, with the story's name.
    const feeds = story().querySelectorAll('link[rel=alternate][type="application/rss+xml"]');
    expect(
      feeds.map((link) => [new URL(link.getAttribute('href')!).pathname, link.getAttribute('title')]),
    ).toEqual([
      ['/rss.xml', 'Backstory'],
      ['/stories/talks/rss.xml', 'Talks in Paris (Backstory)'],
    ]);
  });

  it('shows an event two of its articles report once, linked to each telling, and no event of other stories', () => {
    const events = story().querySelectorAll('[data-story] li[id^="event-"]');
    expect(events.map((event) => event.id)).toEqual([
      'event-talks-begin',
      'event-joint-statement',
      'event-talks-end',
    ]);
    // Each telling links to the event in its article; the title links to the event's own page.
    const tellings = hrefs(story().querySelector('#event-talks-begin')).filter((href) =>
      href!.includes('#event-'),
    );
    // no-story reports talks-begin too, and is not a telling of this story.
    expect(tellings.sort()).toEqual([
      '/articles/sample-story/#event-talks-begin',
      '/articles/talks-continue/#event-talks-begin',
    ]);
  });

  it("lists who and where: the story's own countries and its articles' people", () => {
    const whosWho = story().querySelector('.whos-who');
    expect(hrefs(whosWho)).toEqual(
      expect.arrayContaining([
        '/people/ada-example/',
        '/people/ben-example/',
        '/countries/fr/',
        '/countries/gb/',
      ]),
    );
  });
});

describe("a story's feed and the stories index", () => {
  it('has a feed of its articles, newest first, that says which story it is', () => {
    const xml = readFileSync(join(dist, 'stories/talks/rss.xml'), 'utf8');
    const channel = new XMLParser().parse(xml).rss.channel;
    expect(channel.title).toBe('Talks in Paris (Backstory)');
    expect(channel.item.map((item: { link: string }) => new URL(item.link).pathname)).toEqual([
      '/articles/talks-continue/',
      '/articles/sample-story/',
    ]);
  });

  it('lists developing stories first, and the header links to it', () => {
    const index = page('stories/index.html');
    expect(index.querySelectorAll('main h2 a').map((link) => link.getAttribute('href'))).toEqual([
      '/stories/talks/',
      '/stories/summit/',
    ]);
    expect(hrefs(index.querySelector('nav[aria-label="Sections"]'))).toContain('/stories/');
  });
});

describe('related coverage', () => {
  const related = (slug: string) =>
    page(`articles/${slug}/index.html`)
      .querySelectorAll('.related h3 a')
      .map((link) => link.getAttribute('href'));

  it('offers the same story first, then the other articles, never the article itself (the cap of three: tests/unit/stories.test.ts)', () => {
    const links = related('sample-story');
    expect(links[0]).toBe('/articles/talks-continue/');
    expect(links).toHaveLength(3);
    expect(links).not.toContain('/articles/sample-story/');
  });
});

describe('events new since the last visit, in Chromium', () => {
  it('marks nothing on a first visit, then exactly the events the reader had not seen', async () => {
    const server = await serveDist(dist);
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ baseURL: server.url });
      const tab = await context.newPage();
      await tab.goto('/stories/talks/');
      expect(await tab.locator('.new-since').count()).toBe(0);
      // As if talks-end had been published since the last visit.
      await tab.evaluate(() =>
        localStorage.setItem(
          'backstory:story:talks',
          JSON.stringify(['event-talks-begin', 'event-joint-statement']),
        ),
      );
      await tab.reload();
      const marked = tab.locator('li[id^="event-"]:has(.new-since)');
      expect(await marked.evaluateAll((items) => items.map((item) => item.id))).toEqual(['event-talks-end']);
      expect(await tab.locator('#event-talks-end .new-since').textContent()).toBe(
        'New since your last visit',
      );
      // A mark takes no room: it sits in its event's own gap, below the event's text, and moves
      // nothing on the page.
      const layout = () =>
        tab.evaluate(() =>
          [...document.querySelectorAll('main *:not(.new-since)')].map((element) => {
            const box = element.getBoundingClientRect();
            return [box.top, box.left, box.width, box.height];
          }),
        );
      const placement = await tab.locator('#event-talks-end').evaluate((event) => {
        const mark = event.querySelector('.new-since')!.getBoundingClientRect();
        const text = [...event.children].filter((child) => !child.matches('.new-since'));
        return {
          belowText: Math.max(...text.map((child) => child.getBoundingClientRect().bottom)) <= mark.top,
          insideEvent: mark.bottom <= event.getBoundingClientRect().bottom,
        };
      });
      expect(placement).toEqual({ belowText: true, insideEvent: true });
      const withMarks = await layout();
      await tab.evaluate(() => {
        for (const mark of document.querySelectorAll('.new-since')) mark.remove();
        for (const event of document.querySelectorAll('.is-new')) event.classList.remove('is-new');
      });
      expect(withMarks).toEqual(await layout());
      // Seen now: the next visit marks nothing.
      await tab.reload();
      expect(await tab.locator('.new-since').count()).toBe(0);
      await context.close();
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);

  it('costs at most 1 KB of JavaScript, loaded on story pages only', () => {
    const html = readFileSync(join(dist, 'stories/talks/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map(([, src]) => src!);
    const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map(
      ([, body]) => body!,
    );
    const bytes = [
      ...scripts.map((src) => readFileSync(join(dist, src))),
      ...inline.map((body) => Buffer.from(body)),
    ]
      .filter((code) => code.includes('backstory:story:'))
      .map((code) => gzipSync(code).length);
    expect(bytes).toHaveLength(1);
    expect(bytes[0]).toBeLessThanOrEqual(1024);
    for (const other of ['index.html', 'articles/sample-story/index.html', 'stories/index.html'])
      expect(readFileSync(join(dist, other), 'utf8'), other).not.toContain('backstory:story:');
  });
});

describe("a story's pages in the next build", () => {
  /** Files Astro copied from the previous build rather than rendered ("├─ /path (restored)"). */
  const restored = (output: string) =>
    new Set([...output.matchAll(/├─ \/(\S+) \((?:restored|cached)\)/g)].map((match) => match[1]!));
  const STORY_FILES = (id: string) => [`stories/${id}/index.html`, `stories/${id}/rss.xml`];

  it('are reused while their articles are unchanged, and rendered again when one of them changes', () => {
    const unchanged = runAstroIn(root, 'build');
    expect(unchanged.status).toBe(0);
    for (const file of [...STORY_FILES('talks'), ...STORY_FILES('summit')])
      expect(restored(unchanged.output)).toContain(file);
    const article = join(root, 'content/articles/talks-continue/index.md');
    writeFileSync(
      article,
      readFileSync(article, 'utf8').replace('title: Ministers talk again', 'title: Ministers talk once more'),
    );
    const changed = runAstroIn(root, 'build');
    expect(changed.status).toBe(0);
    for (const file of STORY_FILES('talks')) expect(restored(changed.output)).not.toContain(file);
    for (const file of STORY_FILES('summit')) expect(restored(changed.output)).toContain(file);
    expect(readFileSync(join(dist, 'stories/talks/index.html'), 'utf8')).toContain(
      'Ministers talk once more',
    );
    expect(readFileSync(join(dist, 'stories/talks/rss.xml'), 'utf8')).toContain('Ministers talk once more');
  }, 300_000);
});
