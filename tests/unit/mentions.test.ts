import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import {
  byAppearance,
  createMatcher,
  firstMentions,
  mentionedIn,
  type Mentionable,
} from '../../src/lib/mentions.ts';
import { rehypeMentions } from '../../src/markdown/rehype-mentions.ts';

const registry: Mentionable[] = [
  { kind: 'person', id: 'volodymyr-zelensky', names: ['Volodymyr Zelensky', 'Zelensky'] },
  { kind: 'person', id: 'vladimir-putin', names: ['Vladimir Putin', 'Putin'] },
  { kind: 'country', id: 'us', names: ['United States', 'U.S.'] },
  { kind: 'country', id: 'ua', names: ['Ukraine'] },
];

describe('createMatcher', () => {
  const match = createMatcher(registry);

  it('prefers the full name over an alias at the same place', () => {
    expect(match('President Volodymyr Zelensky spoke.').map((m) => m.text)).toEqual(['Volodymyr Zelensky']);
  });

  it('matches aliases and leaves a possessive outside the name', () => {
    const [found] = match("Zelensky's plan");
    expect(found).toMatchObject({ text: 'Zelensky', index: 0 });
  });

  it('matches whole words only', () => {
    expect(match('Ukrainian outlets and Zelenskyy fans')).toEqual([]);
    expect(match('the U.S.-European assurances').map((m) => m.entity.id)).toEqual(['us']);
  });
});

describe('firstMentions and mentionedIn', () => {
  it('keeps the first mention of each entity, in order', () => {
    const text = 'Putin met Zelensky. Later Putin spoke about Ukraine and Zelensky.';
    expect(firstMentions(createMatcher(registry)(text)).map((m) => [m.entity.id, m.index])).toEqual([
      ['vladimir-putin', 0],
      ['volodymyr-zelensky', 10],
      ['ua', 44],
    ]);
    expect(mentionedIn(text, registry).map((e) => e.id)).toEqual([
      'vladimir-putin',
      'volodymyr-zelensky',
      'ua',
    ]);
  });
});

describe('byAppearance', () => {
  it('orders listed ids as the text names them, unnamed ones last', () => {
    expect(byAppearance(['a', 'b', 'c'], 'person', ['country:x', 'person:c', 'person:a'])).toEqual([
      'c',
      'a',
      'b',
    ]);
  });
});

function paragraph(children: Root['children']): Root {
  return { type: 'root', children };
}

function run(tree: Root, frontmatter: Record<string, unknown> = {}) {
  const file = { data: { astro: { frontmatter } } };
  rehypeMentions({ entities: registry })(tree, file);
  return file.data.astro.frontmatter;
}

const text = (value: string) => ({ type: 'text' as const, value });
const element = (tagName: string, children: Root['children'], properties = {}) =>
  ({ type: 'element' as const, tagName, properties, children }) as Root['children'][number];

describe('rehypeMentions', () => {
  it('links the first mention only and records it', () => {
    const tree = paragraph([element('p', [text('Zelensky met Putin. Zelensky left.')])]);
    const frontmatter = run(tree);
    const p = tree.children[0] as any;
    const links = p.children.filter((child: any) => child.tagName === 'a');
    expect(links.map((a: any) => [a.properties.href, a.children[0].value])).toEqual([
      ['/people/volodymyr-zelensky/', 'Zelensky'],
      ['/people/vladimir-putin/', 'Putin'],
    ]);
    expect(p.children.map((c: any) => c.value ?? c.children[0].value).join('')).toBe(
      'Zelensky met Putin. Zelensky left.',
    );
    expect(frontmatter['mentions']).toEqual(['person:volodymyr-zelensky', 'person:vladimir-putin']);
  });

  it('never links inside headings, links or quotation attributions, and links the next mention instead', () => {
    const tree = paragraph([
      element('h2', [text('Zelensky in Paris')]),
      element('p', [element('a', [text('Zelensky')], { href: 'https://example.org' })]),
      element('blockquote', [
        element('p', [text('We stand.')]),
        element('footer', [element('cite', [text('Zelensky')])]),
      ]),
      element('p', [text('Then Zelensky spoke.')]),
    ]);
    run(tree);
    const html = JSON.stringify(tree);
    expect((html.match(/\/people\/volodymyr-zelensky\//g) ?? []).length).toBe(1);
    const last = tree.children[3] as any;
    expect(last.children[1].tagName).toBe('a');
  });

  it('leaves ids listed in `unlinked` as plain text', () => {
    const tree = paragraph([element('p', [text('Putin and Zelensky')])]);
    const frontmatter = run(tree, { unlinked: ['vladimir-putin'] });
    expect(frontmatter['mentions']).toEqual(['person:volodymyr-zelensky']);
  });
});

describe('rehypeMentions with organisations', () => {
  it('links an organisation by its short name to its page, keyed "organisation:<id>"', () => {
    const organisations: Mentionable[] = [
      { kind: 'organisation', id: 'nato', names: ['North Atlantic Treaty Organization', 'NATO'] },
    ];
    const tree = paragraph([element('p', [text('NATO said it. NATO again.')])]);
    const file = { data: { astro: { frontmatter: {} as Record<string, unknown> } } };
    rehypeMentions({ entities: organisations })(tree, file);
    const links = (tree.children[0] as any).children.filter((child: any) => child.tagName === 'a');
    expect(links.map((a: any) => [a.properties.href, a.properties.dataMention])).toEqual([
      ['/organisations/nato/', 'organisation:nato'],
    ]);
    expect(file.data.astro.frontmatter['mentions']).toEqual(['organisation:nato']);
  });
});
