import { describe, expect, it } from 'vitest';
import MentionCards from '../../src/components/MentionCards.astro';
import { render, textOf } from '../helpers/render.ts';

const people = [
  {
    id: 'volodymyr-zelensky',
    name: 'Volodymyr Zelensky',
    nativeName: { text: 'Володимир Зеленський', lang: 'uk' },
    roles: ['President of Ukraine'],
    country: { id: 'ua', name: 'Ukraine' },
  },
  {
    id: 'keir-starmer',
    name: 'Keir Starmer',
    roles: ['Prime Minister of the United Kingdom'],
    country: { id: 'gb', name: 'United Kingdom' },
  },
];
const countries = [{ id: 'in', name: 'India' }];

describe('MentionCards', () => {
  it('renders one popover card per person and country, ids matching the mention keys', async () => {
    const root = await render(MentionCards, { people, countries });
    expect(root.querySelectorAll('[popover]').map((card) => card.id)).toEqual([
      'card-person-volodymyr-zelensky',
      'card-person-keir-starmer',
      'card-country-in',
    ]);
  });

  it('gives each card its name, role as passed, native name with lang, and a link to the page', async () => {
    const root = await render(MentionCards, { people, countries });
    const card = root.querySelector('#card-person-volodymyr-zelensky')!;
    expect(textOf(card)).toContain('President of Ukraine, Ukraine');
    expect(card.querySelector('bdi')?.getAttribute('lang')).toBe('uk');
    expect(textOf(card.querySelector('bdi'))).toBe('Володимир Зеленський');
    expect(card.querySelector('a')?.getAttribute('href')).toBe('/people/volodymyr-zelensky/');
    expect(card.getAttribute('aria-label')).toBe('Volodymyr Zelensky');
    expect(root.querySelector('#card-person-keir-starmer bdi')).toBeNull();
    expect(root.querySelector('#card-country-in a')?.getAttribute('href')).toBe('/countries/in/');
  });

  it('names the person in full with an honorific, lists every role, and only the country without roles', async () => {
    const root = await render(MentionCards, {
      people: [
        {
          ...people[1]!,
          honorific: 'Sir',
          roles: ['Prime Minister of the United Kingdom', 'Leader of the Labour Party'],
        },
        { id: 'somchai', name: 'Somchai Example', roles: [], country: { id: 'th', name: 'Thailand' } },
      ],
      countries: [],
    });
    const card = root.querySelector('#card-person-keir-starmer')!;
    expect(card.getAttribute('aria-label')).toBe('Sir Keir Starmer');
    expect(textOf(card.querySelector('strong'))).toBe('Sir Keir Starmer');
    expect(textOf(card)).toContain(
      'Prime Minister of the United Kingdom; Leader of the Labour Party, United Kingdom',
    );
    const bare = root.querySelector('#card-person-somchai')!;
    expect(textOf(bare.querySelectorAll('p')[1])).toBe('Thailand');
  });

  it('is hidden from print', async () => {
    const root = await render(MentionCards, { people, countries });
    expect(root.querySelector('mention-cards')?.getAttribute('data-print')).toBe('hide');
  });
});
