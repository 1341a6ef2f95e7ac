import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../helpers/astro.ts';
import { rawArticles } from '../helpers/content.ts';
import { readPage } from '../helpers/dist.ts';
import { textOf } from '../helpers/render.ts';

const distDir = inject('distDir');
const people = readdirSync(join(projectRoot, 'content/people')).map((file) => ({
  id: file.replace(/\.yaml$/, ''),
  ...parseYaml(readFileSync(join(projectRoot, 'content/people', file), 'utf8')),
}));
const countries: { id: string; name: string }[] = parseYaml(
  readFileSync(join(projectRoot, 'content/countries.yaml'), 'utf8'),
);
const articles = rawArticles();

describe('entity pages', () => {
  it.each(people)('person $id has a page with its name, native name and canonical URL', (person) => {
    const page = readPage(distDir, `people/${person.id}/index.html`);
    expect(textOf(page.querySelector('h1'))).toContain(person.name);
    if (person.nativeName) {
      const bdi = page.querySelector(`h1 bdi[lang="${person.nativeName.lang}"]`);
      expect(textOf(bdi)).toBe(person.nativeName.text);
    }
    expect(page.querySelector('link[rel=canonical]')?.getAttribute('href')).toMatch(
      new RegExp(`/people/${person.id}/$`),
    );
  });

  it.each(countries)('country $id has a page', (country) => {
    const page = readPage(distDir, `countries/${country.id}/index.html`);
    expect(textOf(page.querySelector('h1'))).toBe(country.name);
  });

  it('lists every person and country on the index pages', () => {
    expect(readPage(distDir, 'people/index.html').querySelectorAll('main li a')).toHaveLength(people.length);
    expect(readPage(distDir, 'countries/index.html').querySelectorAll('main li a')).toHaveLength(
      countries.length,
    );
  });

  it.each(people)('person $id lists the articles and events that involve them', (person) => {
    const page = readPage(distDir, `people/${person.id}/index.html`);
    for (const { slug, data } of articles) {
      if ((data['people'] ?? []).includes(person.id))
        expect(page.querySelector(`a[href="/articles/${slug}/"]`), slug).not.toBeNull();
      for (const event of data['timeline'] ?? [])
        if ((event.people ?? []).includes(person.id)) {
          const href = `/articles/${slug}/timeline/${event.id}/`;
          expect(page.querySelector(`a[href="${href}"]`), href).not.toBeNull();
        }
    }
  });
});

/** The titles of the roles a person holds on a day ('2025-09-04'); a role with no `from` is held on any day. */
function rolesOn(person: Record<string, any>, day: string): { held: string[]; past: string[] } {
  const roles: { title: string; from?: string; until?: string }[] = person['roles'] ?? [];
  return {
    held: roles
      .filter((role) => (!role.from || role.from <= day) && (!role.until || role.until > day))
      .map((role) => role.title),
    past: roles
      .filter((role) => (role.until && role.until < day) || (role.from && role.from > day))
      .map((role) => role.title),
  };
}

describe.each(articles)('mentions in $slug', ({ slug, data }) => {
  const page = readPage(distDir, `articles/${slug}/index.html`);
  const links = page.querySelectorAll('.prose a.mention');
  const day = String(data['published']).slice(0, 10);
  const listed = people.filter((person) => (data['people'] ?? []).includes(person.id));

  it('links each listed person named in the text, each mention once', () => {
    const ids = links.map((a) => a.getAttribute('data-mention'));
    expect(new Set(ids).size).toBe(ids.length);
    const unlinked: string[] = data['unlinked'] ?? [];
    const paragraphs = page
      .querySelectorAll('.prose > p')
      .map((p) => textOf(p))
      .join('\n');
    for (const person of listed) {
      if (unlinked.includes(person.id) || !paragraphs.includes(person.name)) continue;
      expect(ids, person.id).toContain(`person:${person.id}`);
    }
  });

  it('gives every linked mention a card with the role as of the article date', () => {
    for (const link of links) {
      const [kind, id] = link.getAttribute('data-mention')!.split(':');
      const card = page.querySelector(`#card-${kind}-${id}[popover]`);
      expect(card, `card for ${kind}:${id}`).not.toBeNull();
      const folder = { person: 'people', organisation: 'organisations', country: 'countries' }[kind!];
      expect(card!.querySelector(`a[href="/${folder}/${id}/"]`)).not.toBeNull();
    }
    for (const person of people) {
      const card = page.querySelector(`#card-person-${person.id}[popover]`);
      if (!card) continue;
      const { held, past } = rolesOn(person, day);
      for (const title of held) expect(textOf(card), `${person.id}: ${title}`).toContain(title);
      for (const title of past.filter((old) => !held.some((now) => now.includes(old))))
        expect(textOf(card), `${person.id} no longer: ${title}`).not.toContain(title);
      if (person.nativeName)
        expect(textOf(card.querySelector(`bdi[lang="${person.nativeName.lang}"]`)), person.id).toBe(
          person.nativeName.text,
        );
    }
  });

  it("orders who's who by first appearance in the text, then the others", () => {
    const mentioned = links
      .map((a) => a.getAttribute('data-mention')!)
      .filter((mention) => mention.startsWith('person:'))
      .map((mention) => `/people/${mention.slice('person:'.length)}/`);
    const listedInWhosWho = page
      .querySelectorAll('.whos-who .people a.name')
      .map((a) => a.getAttribute('href'));
    expect(listedInWhosWho.slice(0, mentioned.length)).toEqual(mentioned);
    expect([...listedInWhosWho].sort()).toEqual(listed.map((person) => `/people/${person.id}/`).sort());
  });
});
