/**
 * Rehype plugin: links the first mention of each registered person, organisation and country in an article's
 * body to its page. Never inside links, headings, code or quotation attributions. Records the
 * entities it found, in order, as `mentions` in the entry's remark-plugin frontmatter, and skips
 * any id listed in the article's `unlinked` frontmatter field.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { createMatcher, type Mentionable } from '../lib/mentions.ts';
import { paths } from '../lib/paths.ts';

const SKIP = new Set([
  'a',
  'button',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'code',
  'pre',
  'kbd',
  'samp',
  'cite',
  'footer',
  'script',
  'style',
  'svg',
  'math',
]);

interface AstroVFile {
  data: { astro?: { frontmatter?: Record<string, unknown> } };
}

export function hrefOf(entity: Mentionable): string {
  return entity.kind === 'person'
    ? paths.person(entity.id)
    : entity.kind === 'organisation'
      ? paths.organisation(entity.id)
      : paths.country(entity.id);
}

export function rehypeMentions(options: { entities: readonly Mentionable[] }) {
  const match = createMatcher(options.entities);
  return (tree: Root, file: AstroVFile) => {
    const frontmatter = (file.data.astro ??= {}).frontmatter ?? {};
    const unlinked = new Set(
      Array.isArray(frontmatter['unlinked']) ? (frontmatter['unlinked'] as string[]) : [],
    );
    const linked: string[] = [];

    const splitText = (node: Text): ElementContent[] => {
      const out: ElementContent[] = [];
      let cursor = 0;
      for (const found of match(node.value)) {
        const key = `${found.entity.kind}:${found.entity.id}`;
        if (linked.includes(key) || unlinked.has(found.entity.id)) continue;
        linked.push(key);
        if (found.index > cursor) out.push({ type: 'text', value: node.value.slice(cursor, found.index) });
        out.push({
          type: 'element',
          tagName: 'a',
          properties: { href: hrefOf(found.entity), className: ['mention'], dataMention: key },
          children: [{ type: 'text', value: found.text }],
        });
        cursor = found.index + found.text.length;
      }
      if (cursor === 0) return [node];
      if (cursor < node.value.length) out.push({ type: 'text', value: node.value.slice(cursor) });
      return out;
    };

    const walk = (parent: Root | Element) => {
      const children: RootContent[] = [];
      for (const child of parent.children) {
        if (child.type === 'text') children.push(...splitText(child));
        else {
          if (child.type === 'element' && !SKIP.has(child.tagName)) walk(child);
          children.push(child);
        }
      }
      parent.children = children as typeof parent.children;
    };
    walk(tree);
    frontmatter['mentions'] = linked;
    file.data.astro.frontmatter = frontmatter;
  };
}
