/** A person's native name in any script carries its language and direction wherever it is shown. */
import { describe, expect, it } from 'vitest';
import MentionCards from '../../src/components/MentionCards.astro';
import WhosWho from '../../src/components/WhosWho.astro';
import type { PersonOnDate } from '../../src/model/data.ts';
import { textDirection } from '../../src/lib/text-direction.ts';
import { render, textOf } from '../helpers/render.ts';

const person = (id: string, name: string, text: string, lang: string): PersonOnDate => ({
  id,
  name,
  nativeName: { text, lang },
  roles: ['Example role'],
  country: { id: 'xx', name: 'Example' },
});

const PEOPLE = [
  person('mahmoud-abbas', 'Mahmoud Abbas', 'محمود عباس', 'ar'),
  person('isaac-herzog', 'Isaac Herzog', 'יצחק הרצוג', 'he'),
  person('paetongtarn-shinawatra', 'Paetongtarn Shinawatra', 'แพทองธาร ชินวัตร', 'th'),
  person('xi-jinping', 'Xi Jinping', '习近平', 'zh-Hans'),
  person('volodymyr-zelensky', 'Volodymyr Zelensky', 'Володимир Зеленський', 'uk'),
];
const EXPECTED = [
  ['ar', 'rtl', 'محمود عباس'],
  ['he', 'rtl', 'יצחק הרצוג'],
  ['th', 'ltr', 'แพทองธาร ชินวัตร'],
  ['zh-Hans', 'ltr', '习近平'],
  ['uk', 'ltr', 'Володимир Зеленський'],
];

const attributes = (bdis: { getAttribute(name: string): string | undefined }[]) =>
  bdis.map((bdi) => [bdi.getAttribute('lang'), bdi.getAttribute('dir'), textOf(bdi as never)]);

describe('native names on pages', () => {
  it('in who’s who: each in <bdi> with its lang and dir', async () => {
    const root = await render(WhosWho, { people: PEOPLE, countries: [] });
    expect(attributes(root.querySelectorAll('li bdi'))).toEqual(EXPECTED);
    expect(textOf(root.querySelector('li'))).toContain('Mahmoud Abbas (محمود عباس)');
  });

  it('in mention cards: each in <bdi> with its lang and dir', async () => {
    const root = await render(MentionCards, { people: PEOPLE, countries: [] });
    expect(attributes(root.querySelectorAll('[popover] bdi'))).toEqual(EXPECTED);
    expect(textOf(root.querySelector('.name'))).toBe('Mahmoud Abbas محمود عباس');
  });
});

describe('textDirection', () => {
  it('follows the first strong letter, as dir="auto" does', () => {
    expect(textDirection('محمود عباس', 'ar')).toBe('rtl');
    expect(textDirection('2025 ירושלים')).toBe('rtl');
    expect(textDirection('Abbas محمود')).toBe('ltr');
    expect(textDirection('ไทย', 'th')).toBe('ltr');
  });

  it('falls back on the language or its script for a text with no letters', () => {
    expect(textDirection('123', 'ar')).toBe('rtl');
    expect(textDirection('123', 'fa-IR')).toBe('rtl');
    expect(textDirection('123', 'az-Arab')).toBe('rtl');
    expect(textDirection('123', 'uk')).toBe('ltr');
  });
});
