/**
 * Rehype plugin, the last of ours: the body's raw HTML parsed and the whole tree run through
 * rehype-sanitize with Backstory's schema. Comments are dropped.
 *
 * In MDX, tags are `mdxJsx*` nodes, which hast-util-sanitize drops with everything it does not
 * know. A lowercase tag (`<b>`, `<abbr title="...">`) becomes the HTML element it stands for, with
 * its plain-string attributes only, and is judged like any other. An explainer block
 * (<KeyFacts>, <Photo>, ...) stands in as a placeholder element while the tree is sanitised and
 * comes back with its sanitised children; its attributes are plain strings checked by
 * remark-refuse-unsafe and remark-check-blocks. Any other tag is dropped with what it holds.
 * No author text can make a placeholder: MDX has no raw HTML (an HTML tag is itself an mdxJsx
 * node) and Markdown gets no placeholders into its schema.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import { sanitize } from 'hast-util-sanitize';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import { BLOCKS } from './remark-check-blocks.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

const PLACEHOLDER = 'backstory-mdx-block';

interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: RootContent[];
}
const isJsx = (node: { type: string }): node is JsxNode & { type: never } =>
  node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
/** An explainer block, or a fragment (`<>...</>`), which has no attributes to judge. */
const isBlock = (node: JsxNode) => node.name === null || Object.hasOwn(BLOCKS, node.name);
type Parent = Root | Element | { type: string; children: RootContent[] };

/** A lowercase MDX tag as the HTML element it stands for, with its plain-string attributes. */
function asElement(node: JsxNode): Element {
  const attributes = Object.fromEntries(
    node.attributes.flatMap((attribute) =>
      attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string'
        ? [[attribute.name!, attribute.value]]
        : [],
    ),
  );
  return h(node.name!, attributes, node.children as ElementContent[]);
}

export function rehypeSanitizeBody() {
  return (tree: Root, file: VFile): Root => {
    const blocks: Parent[] = [];
    let hasRaw = false;
    const hide = (parent: Parent) => {
      parent.children = parent.children.flatMap((child): RootContent[] => {
        if ((child.type as string) === 'raw') hasRaw = true;
        if (isJsx(child)) {
          const jsx = child as JsxNode;
          if (jsx.name !== null && /^[a-z][a-z0-9]*$/.test(jsx.name)) {
            const element = asElement(jsx);
            hide(element);
            return [element];
          }
          if (!isBlock(jsx)) return [];
          const placeholder: Element = {
            type: 'element',
            tagName: PLACEHOLDER,
            properties: { dataBlock: blocks.length },
            children: jsx.children as Element['children'],
          };
          blocks.push(jsx as unknown as Parent);
          hide(placeholder);
          return [placeholder];
        }
        if ('children' in child) hide(child);
        return [child];
      }) as typeof parent.children;
    };
    hide(tree);

    // Markdown's raw HTML is still unparsed text here (Astro parses it after every plugin).
    const parsed = hasRaw ? (raw(tree, { file }) as Root) : tree;
    const schema =
      blocks.length === 0
        ? sanitizeSchema
        : {
            ...sanitizeSchema,
            tagNames: [...sanitizeSchema.tagNames!, PLACEHOLDER],
            attributes: { ...sanitizeSchema.attributes, [PLACEHOLDER]: ['dataBlock'] },
          };
    const clean = sanitize(parsed, schema) as Root;

    const show = (parent: Parent) => {
      parent.children = parent.children.map((child) => {
        if (child.type === 'element' && child.tagName === PLACEHOLDER) {
          const block = blocks[Number(child.properties['dataBlock'])]!;
          block.children = child.children;
          show(block);
          return block as unknown as RootContent;
        }
        if ('children' in child) show(child);
        return child;
      }) as typeof parent.children;
    };
    show(clean);
    return clean;
  };
}
