import type { HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import WhosWho from '../../src/components/WhosWho.astro';
import { countryNameOn, rolesOn } from '../../src/lib/entities.ts';
import { render, textOf } from '../helpers/render.ts';
import { COUNTRIES, PEOPLE } from './fixtures.ts';

const people = [PEOPLE['volodymyr-zelensky']!, PEOPLE['emmanuel-macron']!];
const countries = [COUNTRIES['ua']!, COUNTRIES['fr']!];

/** The element holding a person's name: the first child of the person's list item. */
const nameOf = (li: HTMLElement) => li.querySelector('a, strong');

/** The list items of the people list (those that hold a role). */
const personItems = (root: HTMLElement) =>
  root.querySelectorAll('li').filter((li) => li.querySelector('.role'));

/** The list item naming `name`. */
const personItem = (root: HTMLElement, name: string) =>
  personItems(root).find((li) => textOf(nameOf(li)) === name)!;

describe('WhosWho', () => {
  it('is a section labelled by its "Who\'s who" heading', async () => {
    const root = await render(WhosWho, { people, countries });
    const section = root.querySelector('section')!;
    const heading = root.querySelector(`#${section.getAttribute('aria-labelledby')}`)!;
    expect(heading.tagName).toBe('H2');
    expect(textOf(heading)).toBe("Who's who");
  });

  it('lists the people in the order given', async () => {
    const root = await render(WhosWho, { people, countries });
    expect(personItems(root).map((li) => textOf(nameOf(li)))).toEqual([
      'Volodymyr Zelensky',
      'Emmanuel Macron',
    ]);
  });

  it('links each person to their page', async () => {
    const root = await render(WhosWho, { people, countries });
    const link = nameOf(personItem(root, 'Volodymyr Zelensky'))!;
    expect(link.tagName).toBe('A');
    expect(link.getAttribute('href')).toBe('/people/volodymyr-zelensky/');
  });

  it('writes a native name in <bdi> with its language', async () => {
    const root = await render(WhosWho, { people, countries });
    const bdis = personItem(root, 'Volodymyr Zelensky').querySelectorAll('bdi');
    expect(bdis).toHaveLength(1);
    expect(bdis[0]!.getAttribute('lang')).toBe('uk');
    expect(textOf(bdis[0])).toBe('Володимир Зеленський');
    expect(textOf(personItem(root, 'Volodymyr Zelensky'))).toContain('(Володимир Зеленський)');
  });

  it('writes no <bdi> for a person without a native name', async () => {
    const root = await render(WhosWho, { people, countries });
    expect(personItem(root, 'Emmanuel Macron').querySelector('bdi')).toBeNull();
    expect(textOf(personItem(root, 'Emmanuel Macron'))).not.toContain('(');
  });

  it('gives each person a different language where needed', async () => {
    const root = await render(WhosWho, {
      people: [PEOPLE['vladimir-putin']!, PEOPLE['volodymyr-zelensky']!],
      countries: [],
    });
    expect(root.querySelectorAll('bdi').map((bdi) => bdi.getAttribute('lang'))).toEqual(['ru', 'uk']);
  });

  it('states each person’s role and country as of the article’s date', async () => {
    const roles = [
      { title: 'President of the United States', from: '2017-01-20', until: '2021-01-20' },
      { title: 'Former President', from: '2021-01-21', until: '2025-01-19' },
      { title: 'President of the United States', from: '2025-01-20' },
    ];
    const trumpOn = (date: string) => ({
      id: 'donald-trump',
      name: 'Donald Trump',
      roles: rolesOn(roles, date, 'donald-trump'),
      country: { id: 'us', name: countryNameOn({ name: 'United States' }, date) },
    });
    const before = await render(WhosWho, { people: [trumpOn('2023-06-01')], countries: [] });
    expect(textOf(personItem(before, 'Donald Trump'))).toContain('Former President, United States');
    const after = await render(WhosWho, { people: [trumpOn('2025-09-04')], countries: [] });
    expect(textOf(personItem(after, 'Donald Trump'))).toContain(
      'President of the United States, United States',
    );
  });

  it('keeps the role apart from the name', async () => {
    const root = await render(WhosWho, { people, countries });
    const text = textOf(personItem(root, 'Emmanuel Macron'));
    expect(text).toMatch(/^Emmanuel Macron\s*President of France, France$/);
    const role = nameOf(personItem(root, 'Emmanuel Macron'))!.nextElementSibling;
    expect(textOf(role)).toBe('President of France, France');
  });

  it('states every role held at once, in the order given, and no role for a person without one', async () => {
    const root = await render(WhosWho, {
      people: [
        { ...PEOPLE['emmanuel-macron']!, roles: ['President of France', 'Co-Prince of Andorra'] },
        { id: 'somchai', name: 'Somchai Example', roles: [], country: { id: 'th', name: 'Thailand' } },
      ],
      countries: [],
    });
    expect(textOf(personItem(root, 'Emmanuel Macron').querySelector('.role'))).toBe(
      'President of France; Co-Prince of Andorra, France',
    );
    expect(textOf(personItem(root, 'Somchai Example').querySelector('.role'))).toBe('Thailand');
  });

  it('writes an honorific before the name, inside the link', async () => {
    const root = await render(WhosWho, {
      people: [{ ...PEOPLE['emmanuel-macron']!, honorific: 'Pol. Gen.' }],
      countries: [],
    });
    const link = nameOf(personItems(root)[0]!)!;
    expect(textOf(link)).toBe('Pol. Gen. Emmanuel Macron');
    expect(link.getAttribute('href')).toBe('/people/emmanuel-macron/');
  });

  it('lists the countries under their own heading, with the names given', async () => {
    const root = await render(WhosWho, {
      people,
      countries: [
        {
          id: 'tr',
          name: countryNameOn(
            { name: 'Türkiye', formerNames: [{ name: 'Turkey', until: '2022-05-31' }] },
            '2021-01-01',
          ),
        },
        ...countries,
      ],
    });
    const heading = root.querySelectorAll('h3').find((h3) => textOf(h3) === 'Countries')!;
    const list = heading.nextElementSibling!;
    expect(list.tagName).toBe('UL');
    expect(list.querySelectorAll('li').map((li) => textOf(li))).toEqual(['Turkey', 'Ukraine', 'France']);
    expect(list.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
      '/countries/tr/',
      '/countries/ua/',
      '/countries/fr/',
    ]);
  });

  it('leaves out the people list or the countries part when empty', async () => {
    const noCountries = await render(WhosWho, { people, countries: [] });
    expect(noCountries.querySelectorAll('h3')).toHaveLength(0);
    expect(textOf(noCountries)).not.toContain('Countries');
    const noPeople = await render(WhosWho, { people: [], countries });
    expect(personItems(noPeople)).toHaveLength(0);
    expect(textOf(noPeople)).not.toContain('President');
    expect(noPeople.querySelectorAll('li').map((li) => textOf(li))).toEqual(['Ukraine', 'France']);
  });
});
