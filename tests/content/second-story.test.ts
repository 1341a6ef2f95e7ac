/**
 * The second real-world story (tests/fixtures/bangkok/, see tests/fixtures/README.md), built for
 * real: what a newsroom's next story needs beyond the first article. Native names in Thai,
 * Chinese and Hebrew carry their language and direction; a rank stands before a name; roles have
 * no start date and no "since"; organisations and places have pages; a part of a day and a
 * dateline's zone read as the source gives them; a photo placed in the text is not repeated, a
 * placeholder is never the preview image, and articles without photos read well.
 */
import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, removeCopy, runAstro, type AstroRun } from '../helpers/astro.ts';
import { readPage } from '../helpers/dist.ts';
import { textOf } from '../helpers/render.ts';

const FIXTURE = join(projectRoot, 'tests/fixtures/bangkok');
const INVESTIGATION = 'articles/sao-collapse-investigation/index.html';
const RESCUE = 'articles/israel-sends-rescue-team/index.html';
const NO_PERMIT = 'articles/sao-collapse-no-permit/index.html';

const meta = (page: HTMLElement, key: string) =>
  page.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? '';

let run: AstroRun;
beforeAll(() => {
  run = runAstro('build', { content: FIXTURE });
});
afterAll(() => removeCopy(run.root));
const page = (file: string) => readPage(run.distDir, file);

it('builds', () => {
  expect(run.status, run.output).toBe(0);
});

describe('names in other scripts', () => {
  it.each([
    ['people/anutin-charnvirakul/index.html', 'อนุทิน ชาญวีรกูล', 'th', 'ltr'],
    ['people/han-zhiqiang/index.html', '韩志强', 'zh', 'ltr'],
    ['people/yossi-pinto/index.html', 'יוסי פינטו', 'he', 'rtl'],
  ])('%s shows the native name with its lang and dir', (file, name, lang, dir) => {
    const native = page(file)
      .querySelectorAll('[lang]')
      .find((element) => textOf(element) === name);
    expect(native?.getAttribute('lang')).toBe(lang);
    expect(native?.getAttribute('dir') ?? 'ltr').toBe(dir);
  });

  it('puts a rank before the name, and shows a role without a start date without "since"', () => {
    const person = page('people/yossi-pinto/index.html');
    expect(textOf(person.querySelector('h1')!)).toContain('Col. (res.) Yossi Pinto');
    expect(textOf(person.querySelector('main')!)).toContain(
      "Commander of the Israeli military's reserve national search-and-rescue unit",
    );
    expect(textOf(person.querySelector('main')!)).not.toMatch(/\bsince\b/i);
  });
});

describe('organisations and places', () => {
  it('gives each organisation a page that lists the stories involving it', () => {
    const office = page('organisations/state-audit-office/index.html');
    const links = office.querySelectorAll('a').map((a) => a.getAttribute('href'));
    expect(links).toContain('/articles/sao-collapse-investigation/');
    expect(links).toContain('/articles/sao-collapse-no-permit/');
  });

  it('gives each place a page that lists its events, and links the dateline to it', () => {
    const district = textOf(page('places/chatuchak/index.html').querySelector('main')!);
    expect(district).toContain('The State Audit Office building collapses');
    const dateline = page(INVESTIGATION).querySelector('.article-header .dateline a');
    expect(dateline?.getAttribute('href')).toBe('/places/bangkok/');
  });

  it('names organisations in the JSON-LD as Organization', () => {
    const types = page(INVESTIGATION)
      .querySelectorAll('script[type="application/ld+json"]')
      .flatMap((script) => JSON.stringify(JSON.parse(script.textContent)).match(/"Organization"/g) ?? []);
    expect(types.length).toBeGreaterThanOrEqual(4);
  });
});

describe('times', () => {
  it('shows a part of the day the source gives, and no clock time it does not', () => {
    const event = page(INVESTIGATION)
      .querySelectorAll('time')
      .find((time) => textOf(time).includes('in the afternoon'));
    expect(event?.getAttribute('datetime')).toBe('2025-03-28');
  });

  it("shows a clock time as the source's zone reads it, with a half-hour offset in the datetime", () => {
    const article = page(INVESTIGATION);
    const times = article
      .querySelectorAll('time')
      .filter((time) => time.getAttribute('datetime') === '2025-03-28T12:50+06:30');
    expect(times.length).toBeGreaterThan(0);
    expect(textOf(times[0]!)).toBe('March 28, 2025, 12:50 p.m. Yangon time');
    const event = page('articles/sao-collapse-investigation/timeline/earthquake-strikes/index.html');
    expect(event.querySelector('time[datetime="2025-03-28T12:50+06:30"]')).not.toBeNull();
    expect(textOf(page('places/mandalay/index.html').querySelector('main')!)).toContain(
      'A magnitude 7.7 earthquake strikes near Mandalay',
    );
  });

  it("shows the publication time in the dateline place's zone", () => {
    const published = page(RESCUE)
      .querySelector('.article-header')!
      .querySelectorAll('time')
      .find((time) => time.getAttribute('datetime')?.startsWith('2025-03-30T'));
    expect(published?.getAttribute('datetime')).toBe('2025-03-30T09:00:00+07:00');
    expect(textOf(published!)).toBe('March 30, 2025, 9 a.m. Bangkok time');
  });

  it('keeps a date-only publication a date in the meta tags', () => {
    expect(meta(page(NO_PERMIT), 'article:published_time')).toBe('2025-03-30');
  });
});

describe('photos', () => {
  it('does not repeat a photo the text places under "More photos"', () => {
    const article = page(INVESTIGATION);
    const ids = article.querySelectorAll('a[data-photo]').map((a) => a.getAttribute('data-photo'));
    expect(ids.filter((id) => id === 'collapse-site')).toHaveLength(1);
  });

  it('never uses a placeholder photo as the preview image', () => {
    const image = meta(page(INVESTIGATION), 'og:image');
    expect(image).toMatch(/\/og\/articles\/sao-collapse-investigation\.jpg$/);
  });

  it.each([NO_PERMIT, RESCUE])(
    '%s, with no photos, has no empty gallery and still a preview image',
    (file) => {
      const article = page(file);
      expect(article.querySelector('section.gallery')).toBeNull();
      expect(article.querySelector('dialog')).toBeNull();
      expect(meta(article, 'og:image')).toMatch(/\/og\/articles\/[\w-]+\.jpg$/);
    },
  );
});
