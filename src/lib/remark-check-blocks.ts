/**
 * Remark plugin for MDX articles: the explainer blocks (KeyFacts, Fact, Quote, Photo,
 * TimelineExcerpt, Known, WeKnow, WeDontKnow) may only show what the article's own frontmatter and
 * text hold. Every block reference is checked at build, and a bad one fails with file and line.
 * Blocks take plain string attributes only: no {expressions}, imports or exports in articles.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { bodyLineOffset } from './content-files.ts';
import { isWhen } from './dates.ts';

/** Each block and the attributes it takes (required ones marked true). */
export const BLOCKS: Record<string, Record<string, boolean>> = {
  KeyFacts: { title: false },
  Fact: { figure: true, label: true, cite: true },
  Quote: { speaker: true, occasion: false, date: false, outlet: true },
  Photo: { id: true },
  TimelineExcerpt: { from: true, to: true },
  Known: { title: false },
  WeKnow: {},
  WeDontKnow: {},
};

/** Blocks that may only appear inside another block. */
const PARENTS: Record<string, string> = { Fact: 'KeyFacts', WeKnow: 'Known', WeDontKnow: 'Known' };

interface Frontmatter {
  gallery?: { id: string }[];
  timeline?: { id: string }[];
  people?: (string | { id: string })[];
}

interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: RootContent[];
  position?: RootContent['position'];
}

/** Plain text of the article outside the blocks, where a Fact's `cite` must be found. */
function proseText(node: Root | RootContent): string {
  if (node.type.startsWith('mdxJsx')) return '';
  if ('value' in node && typeof node.value === 'string' && node.type === 'text') return node.value;
  if ('children' in node) return node.children.map(proseText).join(node.type === 'paragraph' ? '' : ' ');
  return '';
}

const normalise = (text: string) => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ');

export function remarkCheckBlocks() {
  return (tree: Root, file: VFile): undefined => {
    const frontmatter = ((file.data as { astro?: { frontmatter?: Frontmatter } }).astro?.frontmatter ??
      {}) as Frontmatter;
    const photos = (frontmatter.gallery ?? []).map((photo) => photo.id);
    const events = (frontmatter.timeline ?? []).map((event) => event.id);
    const people = (frontmatter.people ?? []).map((person) =>
      typeof person === 'string' ? person : person.id,
    );
    const prose = normalise(proseText(tree));

    const fail = (node: { position?: RootContent['position'] }, problem: string): never => {
      const path = file.path ?? 'unknown file';
      let offset = 0;
      try {
        offset = bodyLineOffset(readFileSync(path, 'utf8'), path);
      } catch {
        // Rendered from a string: body lines are file lines.
      }
      const line = node.position ? node.position.start.line + offset : '?';
      return file.fail(`${relative(process.cwd(), path)}:${line}  ${problem}`, node.position);
    };

    const known = (
      node: JsxNode,
      block: string,
      attribute: string,
      value: string,
      list: string[],
      what: string,
    ) => {
      if (!list.includes(value)) {
        fail(
          node,
          `<${block} ${attribute}="${value}">  unknown ${what} "${value}": the article's ${what}s are ${list.map((id) => `"${id}"`).join(', ') || 'none'}`,
        );
      }
    };

    const visit = (node: Root | RootContent, parent: string | undefined) => {
      // MDX node types are not in mdast's own type list.
      const type: string = node.type;
      if (type === 'mdxjsEsm')
        fail(
          node,
          'import/export  articles cannot import or export code: the blocks are available without imports',
        );
      if (type === 'mdxFlowExpression' || type === 'mdxTextExpression') {
        fail(
          node,
          '{expression}  articles cannot run {expressions}: write text, or a block with plain "string" attributes',
        );
      }
      let name = parent;
      if (type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement') {
        const element = node as unknown as JsxNode;
        name = element.name ?? '';
        const spec = BLOCKS[name];
        if (spec) {
          const values = new Map<string, string>();
          for (const attribute of element.attributes) {
            if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') {
              fail(
                element,
                `<${name}>  attributes must be plain "strings" (found ${attribute.name ? `${attribute.name}={...}` : '{...spread}'})`,
              );
            }
            if (!(attribute.name! in spec)) {
              fail(
                element,
                `<${name} ${attribute.name}>  unknown attribute; <${name}> takes ${Object.keys(spec).join(', ') || 'no attributes'}`,
              );
            }
            values.set(attribute.name!, attribute.value as string);
          }
          for (const [attribute, required] of Object.entries(spec)) {
            if (required && !values.get(attribute)?.trim())
              fail(element, `<${name}>  missing ${attribute}="..."`);
          }
          if (PARENTS[name] && parent !== PARENTS[name])
            fail(element, `<${name}>  belongs inside <${PARENTS[name]}>`);
          if (name === 'Photo') known(element, name, 'id', values.get('id')!, photos, 'photo');
          if (name === 'TimelineExcerpt') {
            known(element, name, 'from', values.get('from')!, events, 'event');
            known(element, name, 'to', values.get('to')!, events, 'event');
            if (events.indexOf(values.get('from')!) > events.indexOf(values.get('to')!)) {
              fail(element, `<TimelineExcerpt>  "from" must come before "to" in the article's timeline`);
            }
          }
          if (name === 'Quote') {
            known(element, name, 'speaker', values.get('speaker')!, people, 'person');
            const date = values.get('date');
            if (date !== undefined && !isWhen(date))
              fail(element, `<Quote date="${date}">  not a date: write 'YYYY-MM-DD'`);
          }
          if (name === 'Fact' && !prose.includes(normalise(values.get('cite')!))) {
            fail(
              element,
              `<Fact cite="${values.get('cite')}">  the article's text does not contain this sentence: cite words that appear in it`,
            );
          }
        } else if (name && /^[A-Z]/.test(name)) {
          fail(element, `<${name}>  unknown block; available: ${Object.keys(BLOCKS).join(', ')}`);
        }
      }
      if ('children' in node) for (const child of node.children) visit(child, name);
    };
    visit(tree, undefined);
  };
}
