/**
 * Remark plugin: Markdown and MDX are copied through unchanged by Astro, raw HTML included.
 * This refuses, with the file and line, raw HTML outside a short allow-list of inline tags,
 * event-handler attributes, and links or images with script-capable URLs.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Root, RootContent } from 'mdast';
import { bodyLineOffset } from './content-files.ts';

/** Inline tags an editor may write as HTML; no attributes except these. */
const ALLOWED_TAGS = new Set([
  'abbr',
  'b',
  'br',
  'cite',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'small',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'wbr',
]);
const ALLOWED_ATTRIBUTES = new Set(['title', 'lang', 'dir', 'datetime', 'cite']);
const UNSAFE_URL = /^\s*(javascript|data|vbscript):/i;

import type { VFile } from 'vfile';

type Position = NonNullable<RootContent['position']>;
/** The part of a vfile this plugin uses. */
type VFileLike = Pick<VFile, 'path' | 'fail'>;

/** Fails with "file:line  body  problem", the line counted from the top of the file. */
function refuse(file: VFileLike, problem: string, place: Position | undefined): never {
  const path = file.path ?? 'unknown file';
  let offset = 0;
  try {
    offset = bodyLineOffset(readFileSync(path, 'utf8'), path);
  } catch {
    // No file on disk (a string rendered in a test): body lines are file lines.
  }
  const line = place ? place.start.line + offset : '?';
  return file.fail(`${relative(process.cwd(), path)}:${line}  body  ${problem}`, place);
}

/** Why a piece of raw HTML is refused, or undefined when it is allowed. */
export function rawHtmlProblem(html: string): string | undefined {
  const comment = /^<!--[\s\S]*-->$/.test(html.trim());
  if (comment) return undefined;
  for (const tag of html.matchAll(/<\/?([a-zA-Z][\w:-]*)([^>]*)>/g)) {
    const name = tag[1]!.toLowerCase();
    if (!ALLOWED_TAGS.has(name))
      return `raw HTML <${name}> is not allowed in articles; use Markdown (allowed tags: ${[...ALLOWED_TAGS].join(', ')})`;
    for (const attribute of tag[2]!.matchAll(/([^\s=/]+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      const attr = attribute[1]!.toLowerCase();
      if (attr.startsWith('on')) return `event-handler attribute "${attr}" is not allowed`;
      if (!ALLOWED_ATTRIBUTES.has(attr))
        return `attribute "${attr}" on <${name}> is not allowed (allowed: ${[...ALLOWED_ATTRIBUTES].join(', ')})`;
      if (UNSAFE_URL.test((attribute[2] ?? '').replace(/^["']|["']$/g, ''))) return `unsafe URL in "${attr}"`;
    }
  }
  if (/<[a-zA-Z]/.test(html) && !/<\/?[a-zA-Z][\w:-]*[^>]*>/.test(html)) return 'unclosed raw HTML tag';
  return undefined;
}

export function remarkRefuseUnsafe() {
  return (tree: Root, file: VFile): undefined => {
    const visit = (node: Root | RootContent) => {
      if (node.type === 'html') {
        const problem = rawHtmlProblem(node.value);
        if (problem) refuse(file, problem, node.position);
      }
      if (
        (node.type === 'link' || node.type === 'image' || node.type === 'definition') &&
        UNSAFE_URL.test(node.url)
      ) {
        refuse(
          file,
          `unsafe ${node.type} URL "${node.url.slice(0, 40)}": only http(s), mailto and relative links`,
          node.position,
        );
      }
      if (node.type.startsWith('mdxJsx')) {
        const element = node as unknown as {
          name: string | null;
          attributes: { type: string; name?: string; value?: unknown }[];
        };
        for (const attribute of element.attributes) {
          if (attribute.name?.toLowerCase().startsWith('on'))
            refuse(file, `event-handler attribute "${attribute.name}" is not allowed`, node.position);
          if (typeof attribute.value === 'string' && UNSAFE_URL.test(attribute.value))
            refuse(file, `unsafe URL in "${attribute.name}"`, node.position);
        }
        if (element.name && /^[a-z]/.test(element.name) && !ALLOWED_TAGS.has(element.name)) {
          refuse(
            file,
            `raw HTML <${element.name}> is not allowed in articles; use Markdown or a Backstory component`,
            node.position,
          );
        }
      }
      if ('children' in node) for (const child of node.children) visit(child);
    };
    visit(tree);
  };
}
