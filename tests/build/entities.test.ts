import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../helpers/astro';
import { rawArticles } from '../helpers/content';
import { readPage } from '../helpers/dist';
import { textOf } from '../helpers/render';

const distDir = inject('distDir');
const people = readdirSync(join(projectRoot, 'content/people')).map((file) => ({
  id: file.replace(/\.yaml$/, ''),
  ...parseYaml(readFileSync(join(projectRoot, 'content/people', file), 'utf8')),
}));
const countries: { id: string; name: string }[] = parseYaml(readFileSync(join(projectRoot, 'content/countries.yaml'), 'utf8'));
const seed = readPage(distDir, 'articles/coalition-of-the-willing-paris/index.html');

describe('entity pages', () => {
  it.each(people)('person $id has a page with its name, native name and canonical URL', (person) => {
    const page = readPage(distDir, `people/${person.id}/index.html`);
    expect(textOf(page.querySelector('h1'))).toContain(person.name);
    if (person.nativeName) {
      const bdi = page.querySelector(`h1 bdi[lang="${person.nativeName.lang}"]`);
      expect(textOf(bdi)).toBe(person.nativeName.text);
    }
    expect(page.querySelector('link[rel=canonical]')?.getAttribute('href')).toMatch(new RegExp(`/people/${person.id}/$`));
  });

  it.each(countries)('country $id has a page', (country) => {
    const page = readPage(distDir, `countries/${country.id}/index.html`);
    expect(textOf(page.querySelector('h1'))).toBe(country.name);
  });

  it('lists every person and country on the index pages', () => {
    expect(readPage(distDir, 'people/index.html').querySelectorAll('main li a')).toHaveLength(people.length);
    expect(readPage(distDir, 'countries/index.html').querySelectorAll('main li a')).toHaveLength(countries.length);
  });

  it('lists the articles and events that involve a person', () => {
    const page = readPage(distDir, 'people/mark-rutte/index.html');
    expect(page.querySelector('a[href="/articles/coalition-of-the-willing-paris/"]')).not.toBeNull();
    expect(page.querySelector('a[href="/articles/coalition-of-the-willing-paris/timeline/rutte-in-kyiv/"]')).not.toBeNull();
  });
});

describe('mentions in the seed article', () => {
  const links = seed.querySelectorAll('.prose a.mention');

  it('links each listed person named in the text exactly once', () => {
    const ids = links.map((a) => a.getAttribute('data-mention'));
    expect(new Set(ids).size).toBe(ids.length);
    const { data } = rawArticles().find((article) => article.slug === 'coalition-of-the-willing-paris')!;
    for (const id of data['people'] as string[]) expect(ids).toContain(`person:${id}`);
  });

  it('gives every linked mention a card with the role as of the article date', () => {
    for (const link of links) {
      const [kind, id] = link.getAttribute('data-mention')!.split(':');
      const card = seed.querySelector(`#card-${kind}-${id}[popover]`);
      expect(card, `card for ${kind}:${id}`).not.toBeNull();
      expect(card!.querySelector(`a[href="/${kind === 'person' ? 'people' : 'countries'}/${id}/"]`)).not.toBeNull();
    }
    expect(textOf(seed.querySelector('#card-person-donald-trump'))).toContain('President of the United States');
    expect(textOf(seed.querySelector('#card-person-mark-rutte'))).toContain('Secretary General of NATO');
    expect(seed.querySelector('#card-person-volodymyr-zelensky bdi[lang=uk]')).not.toBeNull();
  });

  it("orders who's who by first appearance in the text", () => {
    const names = seed.querySelectorAll('.whos-who .people a').map((a) => textOf(a));
    expect(names.slice(0, 4)).toEqual(['Volodymyr Zelensky', 'Emmanuel Macron', 'Keir Starmer', 'Steve Witkoff']);
  });
});
