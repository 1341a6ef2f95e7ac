/**
 * Incremental builds (astro.config.mjs `experimental.incrementalBuild`, keys from `pageKeyOf` in
 * src/model/data.ts): a second build reuses an article's own pages from the first instead of rendering
 * them, with the same bytes, and any change to what a page is rendered from (the article, or a
 * person it names) renders it again. A stale page here would publish an old role or old text.
 * A deleted article must leave nothing behind in dist/.
 */
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectCopy, removeCopy, runAstroIn, type AstroRun } from '../helpers/astro.ts';
import { fileDigests } from '../helpers/dist.ts';

const fixture = join(import.meta.dirname, '../fixtures/minimal');
const ARTICLE = 'articles/sample-story/index.html';
const PHOTO_PAGE = 'articles/sample-story/photos/ministers/index.html';
const EVENT_PAGE = 'articles/sample-story/timeline/talks-begin/index.html';
const PERSON_PAGE = 'people/ada-example/index.html';
const COUNTRY_PAGE = 'countries/fr/index.html';
/** Pages without a key (no getStaticPaths, or none given): Astro renders them on every build. */
const UNKEYED = [
  'robots.txt',
  'manifest.webmanifest',
  'index.html',
  'people/index.html',
  'countries/index.html',
  'organisations/index.html',
  'places/index.html',
  'rss.xml',
  'timeline/index.html',
  'stories/index.html',
  'archive/index.html',
  'archive/2025-09/index.html',
  'about/index.html',
  'search/index.html',
  '404.html',
];

let root: string;
const builds: AstroRun[] = [];
let firstDigest: Map<string, string>;

function build(env: Record<string, string> = {}): AstroRun {
  const run = runAstroIn(root, 'build', {
    BACKSTORY_OG_CACHE: join(root, 'og-cache'),
    ...env,
  });
  if (run.status !== 0) throw new Error(`astro build failed:\n${run.output}`);
  return run;
}

/** Files Astro copied from the previous build rather than rendered ("├─ /path (restored)"). */
function restored(run: AstroRun): Set<string> {
  return new Set([...run.output.matchAll(/├─ \/(\S+) \((?:restored|cached)\)/g)].map((match) => match[1]!));
}

/** Files Astro rendered in this build ("├─ /path (+12ms)"). */
function rendered(run: AstroRun): Set<string> {
  return new Set([...run.output.matchAll(/├─ \/(\S+) \(\+\d/g)].map((match) => match[1]!));
}

/** The photo sizes astro:assets made in a build, and those it copied from its cache. */
function photoSizes(run: AstroRun) {
  const lines = [...run.output.matchAll(/▶ \/_astro\/(\S+\.webp) \((.+?)\)/g)];
  return {
    made: lines.filter(([, , note]) => note!.startsWith('before:')).map(([, name]) => name!),
    reused: lines.filter(([, , note]) => note === 'reused cache entry').map(([, name]) => name!),
  };
}

const page = (name: string) => readFileSync(join(root, 'dist', name), 'utf8');

function edit(file: string, from: string, to: string): void {
  const path = join(root, 'content', file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
  writeFileSync(path, text.replace(from, to));
}

beforeAll(() => {
  root = projectCopy(fixture);
  builds.push(build());
  firstDigest = fileDigests(join(root, 'dist'));
  builds.push(
    build({
      NODE_OPTIONS: `--import ${join(import.meta.dirname, '../helpers/module-log.mjs')}`,
      BACKSTORY_MODULE_LOG: join(root, 'modules.log'),
    }),
  );
}, 300_000);

afterAll(() => {
  if (root && process.env['BACKSTORY_KEEP_TMP'] !== '1') removeCopy(root);
});

describe('a second build with nothing changed', () => {
  it("copies the article's own pages instead of rendering them", () => {
    const copied = restored(builds[1]!);
    for (const name of [ARTICLE, PHOTO_PAGE, EVENT_PAGE, 'articles/sample-story/timeline/index.html'])
      expect(copied).toContain(name);
    expect(restored(builds[0]!).size).toBe(0);
  });

  it('copies every share image instead of drawing it again (src/pages/og/)', () => {
    const images = readdirSync(join(root, 'dist/og'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.jpg'))
      .map((name) => `og/${name}`);
    expect(images.length).toBeGreaterThan(10);
    const copied = [...restored(builds[1]!)].map((name) => name.replace(/\/$/, ''));
    expect(images.filter((name) => !copied.includes(name))).toEqual([]);
    expect(
      images.filter((name) => rendered(builds[0]!).has(name) || rendered(builds[0]!).has(`${name}/`)),
    ).toEqual(images);
  });

  it('reuses the people and country pages, keyed by every article and the registry', () => {
    for (const name of [PERSON_PAGE, COUNTRY_PAGE]) expect(restored(builds[1]!)).toContain(name);
  });

  it('renders the pages without a key again (home, indexes, feed), and only those', () => {
    const again = [...rendered(builds[1]!)].map((name) => name.replace(/\/$/, ''));
    expect(again.sort()).toEqual([...UNKEYED].sort());
  });

  it("makes no photo size again: each is copied from astro:assets' cache", () => {
    const [first, second] = builds.map(photoSizes);
    expect(first!.made.length).toBeGreaterThan(0);
    expect(second!.made).toEqual([]);
    expect(second!.reused.sort()).toEqual(first!.made.sort());
  });

  it('loads none of the libraries that only drawing or formatting needs', () => {
    // Each costs a build 0.1-0.6 s to load: sharp (icons, photos), Satori (share images), date-fns
    // (bundled into the pages instead), and 'astro/config', which loads Astro's SVG optimizer.
    const loaded = readFileSync(join(root, 'modules.log'), 'utf8').split('\n');
    expect(loaded.some((url) => url.includes('/node_modules/astro/dist/'))).toBe(true);
    const costly =
      /\/node_modules\/(sharp|satori|date-fns|@date-fns\/tz|svgo)\/|\/node_modules\/astro\/dist\/config\//;
    expect(loaded.filter((url) => costly.test(url))).toEqual([]);
  });

  it('writes the same files with the same bytes as the first', () => {
    const again = fileDigests(join(root, 'dist'));
    expect([...again.keys()]).toEqual([...firstDigest.keys()]);
    expect([...firstDigest].filter(([name, hash]) => again.get(name) !== hash).map(([name]) => name)).toEqual(
      [],
    );
  });
});

describe('after an article is deleted', () => {
  it('removes its pages, share images and photos, leaving what a first build of the rest writes', () => {
    const articles = join(root, 'content/articles');
    cpSync(join(articles, 'sample-story'), join(articles, 'second-story'), { recursive: true });
    // Different bytes, so its photo sizes are files of their own (a JPEG ignores bytes after its end).
    appendFileSync(join(articles, 'second-story/photo.jpg'), 'second story');
    const before = new Set(readdirSync(join(root, 'dist/_astro')));
    build();
    const added = readdirSync(join(root, 'dist/_astro')).filter((name) => !before.has(name));
    expect(added.some((name) => name.endsWith('.webp'))).toBe(true);
    expect(page('articles/second-story/index.html')).toContain('Ministers meet in Paris');
    expect(
      [...fileDigests(join(root, 'dist')).keys()].some((name) =>
        name.startsWith('og/articles/second-story/'),
      ),
    ).toBe(true);

    rmSync(join(articles, 'second-story'), { recursive: true });
    build();
    const after = fileDigests(join(root, 'dist'));
    expect([...after.keys()].filter((name) => name.includes('second-story'))).toEqual([]);
    expect(added.filter((name) => after.has(`_astro/${name}`))).toEqual([]);
    expect([...after.keys()]).toEqual([...firstDigest.keys()]);
    expect([...firstDigest].filter(([name, hash]) => after.get(name) !== hash).map(([name]) => name)).toEqual(
      [],
    );
  }, 300_000);
});

describe('after a change', () => {
  it("renders an article's pages again when a person it names changes role", () => {
    expect(page(PHOTO_PAGE)).toContain('Foreign Minister of France');
    edit('people/ada-example.yaml', 'Foreign Minister of France', 'Minister for Europe of France');
    const run = build();
    for (const name of [ARTICLE, PHOTO_PAGE, EVENT_PAGE, PERSON_PAGE, COUNTRY_PAGE, ...UNKEYED]) {
      expect(restored(run)).not.toContain(name);
      expect(rendered(run)).toContain(name);
    }
    for (const name of [PHOTO_PAGE, PERSON_PAGE]) {
      expect(page(name)).toContain('Minister for Europe of France');
      expect(page(name)).not.toContain('Foreign Minister of France');
    }
  }, 300_000);

  it('renders the article again when its text changes, and copies it when nothing else did', () => {
    edit(
      'articles/sample-story/index.md',
      'Ministers met in Paris on Sept. 4.',
      'Ministers met in Paris on Sept. 4. They spoke for an hour.',
    );
    const changed = build();
    for (const name of [ARTICLE, PERSON_PAGE, COUNTRY_PAGE, ...UNKEYED]) {
      expect(restored(changed)).not.toContain(name);
      expect(rendered(changed)).toContain(name);
    }
    expect(page(ARTICLE)).toContain('They spoke for an hour.');
    const again = build();
    expect(restored(again)).toContain(ARTICLE);
    expect(page(ARTICLE)).toContain('They spoke for an hour.');
  }, 300_000);

  it("links a person's new alias in an article that did not change", () => {
    // The article's HTML is the content layer's, kept from the first build unless Astro's config
    // changed: the names the mention linker looks for are part of it (markdownProcessor).
    expect(page(ARTICLE)).not.toMatch(/<a [^>]*href="\/people\/ada-example\/"[^>]*>Ministers<\/a> met/);
    edit('people/ada-example.yaml', 'name: Ada Example', 'name: Ada Example\naliases: [Ministers]');
    build();
    expect(page(ARTICLE)).toMatch(/<a [^>]*href="\/people\/ada-example\/"[^>]*>Ministers<\/a> met/);
  }, 300_000);

  it('renders the pages of a photo replaced under the same name again, with new sizes', () => {
    const sizes = (html: string) => [...html.matchAll(/\/_astro\/[^\s"]+\.webp/g)].map((match) => match[0]);
    const old = sizes(page(PHOTO_PAGE));
    expect(old.length).toBeGreaterThan(0);
    // Another photo under the same file name (a fixture's, so the test needs no particular content/).
    cpSync(
      join(import.meta.dirname, '../fixtures/stress/articles/overflow/wide.jpg'),
      join(root, 'content/articles/sample-story/photo.jpg'),
    );
    const run = build();
    for (const name of [ARTICLE, PHOTO_PAGE]) expect(rendered(run)).toContain(name);
    const now = sizes(page(PHOTO_PAGE));
    expect(now.length).toBeGreaterThan(0);
    expect(now.filter((url) => old.includes(url))).toEqual([]);
    for (const url of now) expect(statSync(join(root, 'dist', url)).size).toBeGreaterThan(0);
    for (const url of old) expect(() => statSync(join(root, 'dist', url))).toThrow();
  }, 300_000);

  it('shows a new title on the home page, the timeline and the feed', () => {
    edit(
      'articles/sample-story/index.md',
      'title: Ministers meet in Paris',
      'title: Ministers meet again in Paris',
    );
    build();
    for (const name of ['index.html', 'rss.xml', 'timeline/index.html'])
      expect(page(name), name).toContain('Ministers meet again in Paris');
  }, 300_000);
});
