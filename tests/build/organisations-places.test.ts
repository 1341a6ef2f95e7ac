/**
 * Organisations and places in the built site, for every entry of the real content (whatever it
 * holds): each has a page, the index lists it, its page lists every article and event that names
 * it, articles carry it in who's who and in JSON-LD as an Organization, and event places link to
 * place pages. One fixture build checks that content without the two folders still builds.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { projectRoot, removeCopy, runAstro, type AstroRun } from '../helpers/astro.ts';
import { rawArticles } from '../helpers/content.ts';
import { readPage } from '../helpers/dist.ts';
import { textOf } from '../helpers/render.ts';

const distDir = inject('distDir');

function registered(folder: string): { id: string; [key: string]: any }[] {
  const dir = join(projectRoot, 'content', folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => ({
      id: file.replace(/\.yaml$/, ''),
      ...parseYaml(readFileSync(join(dir, file), 'utf8')),
    }));
}

const organisations = registered('organisations');
const places = registered('places');
const articles = rawArticles();
const events = articles.flatMap((article) =>
  ((article.data['timeline'] ?? []) as Record<string, any>[]).map((event) => ({ article, event })),
);
const hrefs = (page: ReturnType<typeof readPage>) =>
  page.querySelectorAll('main a').map((a) => a.getAttribute('href'));

describe('organisation pages', () => {
  it('the index lists every organisation', () => {
    const index = readPage(distDir, 'organisations/index.html');
    for (const organisation of organisations)
      expect(hrefs(index)).toContain(`/organisations/${organisation.id}/`);
  });

  it.skipIf(organisations.length === 0).each(organisations)(
    '$id: its page names it and lists the articles and events that list it',
    (organisation) => {
      const page = readPage(distDir, `organisations/${organisation.id}/index.html`);
      expect(textOf(page.querySelector('h1'))).toContain(organisation['name']);
      for (const article of articles) {
        if (((article.data['organisations'] ?? []) as string[]).includes(organisation.id))
          expect(hrefs(page)).toContain(`/articles/${article.slug}/`);
      }
      for (const { article, event } of events) {
        if (((event['organisations'] ?? []) as string[]).includes(organisation.id))
          expect(hrefs(page)).toContain(`/articles/${article.slug}/timeline/${event['id']}/`);
      }
    },
  );

  it("a person's role held in an organisation links to it from their page", () => {
    for (const file of readdirSync(join(projectRoot, 'content/people'))) {
      const person = parseYaml(readFileSync(join(projectRoot, 'content/people', file), 'utf8'));
      const ids = ((person.roles ?? []) as { organisation?: string }[]).flatMap((role) =>
        role.organisation ? [role.organisation] : [],
      );
      if (ids.length === 0) continue;
      const page = readPage(distDir, `people/${file.replace(/\.yaml$/, '')}/index.html`);
      for (const id of ids)
        expect(page.querySelector(`.roles a[href="/organisations/${id}/"]`)).not.toBeNull();
    }
  });
});

describe('organisations on articles', () => {
  it.each(articles)("$slug: who's who and JSON-LD name every organisation it lists", (article) => {
    const page = readPage(distDir, `articles/${article.slug}/index.html`);
    const listed = (article.data['organisations'] ?? []) as string[];
    const whosWho = page.querySelectorAll('.whos-who .organisations a').map((a) => a.getAttribute('href'));
    expect(whosWho).toEqual(expect.arrayContaining(listed.map((id) => `/organisations/${id}/`)));
    expect(whosWho).toHaveLength(listed.length);
    const ld = page
      .querySelectorAll('script[type="application/ld+json"]')
      .map((script) => JSON.parse(script.textContent))
      .find((data) => data['@type'] === 'NewsArticle');
    const entities = [...(ld.about ?? []), ...(ld.mentions ?? [])].filter(
      (entity: { '@type': string }) => entity['@type'] === 'Organization',
    );
    expect(entities.map((entity: { url: string }) => new URL(entity.url).pathname).sort()).toEqual(
      listed.map((id) => `/organisations/${id}/`).sort(),
    );
    // Every organisation linked in the text has its card.
    for (const link of page.querySelectorAll('.prose a.mention[data-mention^="organisation:"]')) {
      const id = link.getAttribute('data-mention')!.slice('organisation:'.length);
      expect(page.querySelector(`#card-organisation-${id}[popover]`), id).not.toBeNull();
    }
  });
});

describe('place pages', () => {
  it('the index lists every place', () => {
    const index = readPage(distDir, 'places/index.html');
    for (const place of places) expect(hrefs(index)).toContain(`/places/${place.id}/`);
  });

  it.skipIf(places.length === 0).each(places)(
    '$id: its page lists every event there, and events link to it',
    (place) => {
      const page = readPage(distDir, `places/${place.id}/index.html`);
      expect(textOf(page.querySelector('h1'))).toBe(place['name']);
      for (const { article, event } of events) {
        if (event['placeId'] !== place.id) continue;
        expect(hrefs(page)).toContain(`/articles/${article.slug}/timeline/${event['id']}/`);
        const eventPage = readPage(distDir, `articles/${article.slug}/timeline/${event['id']}/index.html`);
        expect(eventPage.querySelector(`.facts a[href="/places/${place.id}/"]`)).not.toBeNull();
      }
      for (const article of articles) {
        if (article.data['datelineId'] !== place.id) continue;
        const articlePage = readPage(distDir, `articles/${article.slug}/index.html`);
        expect(articlePage.querySelector(`.dateline a[href="/places/${place.id}/"]`)).not.toBeNull();
        expect(hrefs(page)).toContain(`/articles/${article.slug}/`);
      }
    },
  );
});

describe('content without organisations or places', () => {
  let run: AstroRun | undefined;
  afterAll(() => run && removeCopy(run.root));

  it('builds, with empty index pages', () => {
    const fixture = join(projectRoot, 'tests/fixtures/minimal');
    expect(existsSync(join(fixture, 'organisations')) || existsSync(join(fixture, 'places'))).toBe(false);
    run = runAstro('build', { content: fixture });
    expect(run.status, run.output).toBe(0);
    // No warning about the missing folders (Astro's glob loader warns about a missing base).
    expect(
      run.output.split('\n').filter((line) => /warn|error/i.test(line) && /organisations|places/.test(line)),
    ).toEqual([]);
    expect(textOf(readPage(run.distDir, 'organisations/index.html').querySelector('main'))).toContain(
      'No organisations yet.',
    );
    expect(textOf(readPage(run.distDir, 'places/index.html').querySelector('main'))).toContain(
      'No places yet.',
    );
  });
});
