/**
 * Remark plugin for MDX articles: the explainer blocks (KeyFacts, Fact, Quote, Photo,
 * TimelineExcerpt, Known, WeKnow, WeDontKnow) may only show what the article's own frontmatter and
 * text hold. Every block reference is checked at build; the build fails naming each bad one's
 * file and line. No {expressions}, imports or exports in articles: they would run at build.
 */
import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { isWhen } from '../lib/dates.ts';
import { ContentProblems, quoted } from '../lib/problem.ts';
import { bodyProblems, type BodyFinding } from './remark-refuse-unsafe.ts';
import { isLanguageTag } from '../lib/text-direction.ts';

/** Each block and the attributes it takes (required ones marked true). */
export const BLOCKS: Record<string, Record<string, boolean>> = {
  KeyFacts: { title: false },
  Fact: { figure: true, label: true, cite: true },
  Quote: { speaker: true, occasion: false, date: false, outlet: true, lang: false },
  Photo: { id: true },
  TimelineExcerpt: { from: true, to: true },
  Known: { title: false },
  WeKnow: {},
  WeDontKnow: {},
};

/** The key of `remarkPluginFrontmatter` that lists the photo ids the text places with <Photo>, in order. */
export const PLACED_PHOTOS = 'placedPhotos';

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

/**
 * Plain text of the article outside the blocks, where a Fact's `cite` and a Quote's words must be
 * found. Inline tags (`<em>`, `<q>`, ...) are text; blocks (capitalised) are not.
 */
function proseText(node: Root | RootContent): string {
  if (node.type.startsWith('mdxJsx') && !/^[a-z]/.test((node as unknown as JsxNode).name ?? '')) return '';
  if ('value' in node && typeof node.value === 'string' && node.type === 'text') return node.value;
  if ('children' in node) return node.children.map(proseText).join(node.type === 'paragraph' ? '' : ' ');
  return '';
}

const normalise = (text: string) => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ');

/**
 * Whether the text holds a quote's words. A quote set apart usually starts with a capital and
 * ends with a full stop where the text runs on ("she said "we agree", and left"): the first
 * letter's case, quotation marks around the whole quote and a closing . , ; or : may differ.
 */
function quotedIn(prose: string, words: string): boolean {
  const core = words
    .replace(/^"(.*)"$/, '$1')
    .replace(/[.,;:]+$/, '')
    .trim();
  const [first = '', ...rest] = [...core];
  const tail = rest.join('');
  return [first.toLowerCase(), first.toUpperCase()].some((letter) => prose.includes(letter + tail));
}

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
    const found: BodyFinding[] = [];
    /** The photos the text places with <Photo>, in order. */
    const placed = new Set<string>();
    const fail = (node: { position?: RootContent['position'] }, problem: string, fix: string) => {
      found.push({ line: node.position?.start.line, problem, fix });
    };

    const known = (
      node: JsxNode,
      block: string,
      attribute: string,
      value: string | undefined,
      list: string[],
      what: string,
    ) => {
      if (value !== undefined && !list.includes(value)) {
        fail(
          node,
          `<${block} ${attribute}="${value}"> refers to an unknown ${what} "${value}"`,
          `use one of the article's ${what}s: ${list.map((id) => `"${id}"`).join(', ') || 'it has none'}`,
        );
      }
    };

    const visit = (node: Root | RootContent, parent: string | undefined) => {
      // MDX node types are not in mdast's own type list.
      const type: string = node.type;
      if (type === 'mdxjsEsm')
        fail(
          node,
          'import/export: articles cannot import or export code',
          'remove it: the blocks are available without imports',
        );
      if (type === 'mdxFlowExpression' || type === 'mdxTextExpression') {
        fail(
          node,
          '{expression}: articles cannot run {expressions}',
          'write text, or a block with plain "string" attributes',
        );
      }
      let name = parent;
      if (type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement') {
        const element = node as unknown as JsxNode;
        name = element.name ?? '';
        const spec = BLOCKS[name];
        if (spec) {
          const values = new Map<string, string>();
          // Attributes that are not plain "strings" are refused by remark-refuse-unsafe.
          for (const attribute of element.attributes) {
            if (attribute.type !== 'mdxJsxAttribute') continue;
            if (!(attribute.name! in spec)) {
              fail(
                element,
                `<${name} ${attribute.name}>: unknown attribute`,
                `<${name}> takes ${Object.keys(spec).join(', ') || 'no attributes'}`,
              );
            }
            if (typeof attribute.value === 'string') values.set(attribute.name!, attribute.value);
          }
          const missing = Object.entries(spec).filter(
            ([attribute, required]) => required && !values.get(attribute)?.trim(),
          );
          for (const [attribute] of missing)
            fail(element, `<${name}> is missing ${attribute}`, `write ${attribute}="..."`);
          if (PARENTS[name] && parent !== PARENTS[name])
            fail(element, `<${name}> is outside <${PARENTS[name]}>`, `put it inside <${PARENTS[name]}>`);
          if (name === 'Photo') {
            const id = values.get('id');
            known(element, name, 'id', id, photos, 'photo');
            // The page shows each photo once: where the text places it, or else in the gallery.
            if (id !== undefined && placed.has(id)) {
              fail(
                element,
                `<Photo id="${id}"> places a photo the text already shows further up`,
                'place each photo once: remove this one, or name another photo',
              );
            } else if (id !== undefined && photos.includes(id)) placed.add(id);
          }
          if (name === 'TimelineExcerpt') {
            known(element, name, 'from', values.get('from'), events, 'event');
            known(element, name, 'to', values.get('to'), events, 'event');
            const [from, to] = [values.get('from'), values.get('to')].map((id) => events.indexOf(id ?? ''));
            if (from! >= 0 && to! >= 0 && from! > to!) {
              fail(
                element,
                `<TimelineExcerpt>: "from" comes after "to" in the article's timeline`,
                'swap them',
              );
            }
          }
          if (name === 'Quote') {
            known(element, name, 'speaker', values.get('speaker'), people, 'person');
            const date = values.get('date');
            if (date !== undefined && !isWhen(date))
              fail(element, `<Quote date="${date}">: not a date`, "write 'YYYY-MM-DD'");
            const lang = values.get('lang');
            if (lang !== undefined && !isLanguageTag(lang))
              fail(element, `<Quote lang="${lang}">: not a language tag`, "write a BCP 47 tag such as 'uk'");
          }
          if (name === 'Quote') {
            const words = normalise(element.children.map(proseText).join(' ')).trim();
            if (!words) {
              fail(
                element,
                '<Quote> holds no words',
                'write the quoted words between <Quote ...> and </Quote>',
              );
            } else if (!quotedIn(prose, words)) {
              fail(
                element,
                `<Quote> ${quoted(words)}: the article's text does not contain these words`,
                "quote only words the text itself reports, as written there (only the first letter's case and a closing full stop or comma may differ)",
              );
            }
          }
          const cite = values.get('cite');
          if (name === 'Fact' && cite !== undefined && !prose.includes(normalise(cite))) {
            fail(
              element,
              `<Fact cite="${cite}">: the article's text does not contain this sentence`,
              'cite words that appear in it',
            );
          }
        } else if (name && /^[A-Z]/.test(name)) {
          fail(element, `<${name}> is not a block`, `use one of ${Object.keys(BLOCKS).join(', ')}`);
        }
      }
      if ('children' in node) for (const child of node.children) visit(child, name);
    };
    visit(tree, undefined);
    if (found.length > 0) throw new ContentProblems(bodyProblems(file, found));
    // For the article page (`remarkPluginFrontmatter`): these photos are not repeated under "More photos".
    const astro = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??= {});
    astro.frontmatter = { ...astro.frontmatter, [PLACED_PHOTOS]: [...placed.keys()] };
  };
}
