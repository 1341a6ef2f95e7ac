/**
 * Remark plugin: Markdown and MDX are copied through unchanged by Astro, raw HTML included, and
 * an MDX attribute written as {expression} is evaluated at build. This refuses, with the file and
 * line, before anything is compiled: raw HTML outside the allow-list of safe-html.ts (judged on
 * the tree an HTML parser builds, so comments and quotes cannot hide a tag), MDX attributes that
 * are not plain "strings", links with script-capable URLs, and images from outside the article's
 * folder. Every problem of a body is reported at once.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Root, RootContent } from 'mdast';
import { parse, type DefaultTreeAdapterTypes as Html } from 'parse5';
import type { VFile } from 'vfile';
import { bodyLineOffset } from '../lib/content-files.ts';
import { ContentProblems, type Finding, type Problem } from '../lib/problem.ts';
import {
  SAFE_URL_FIX,
  TAG_LIST,
  URL_ATTRIBUTES,
  allowedAttributes,
  imagePathProblem,
  imageUrls,
  shown,
  unsafeUrl,
} from './safe-html.ts';

/** A problem found in a body, its line counted from the top of the body. */
export type BodyFinding = Omit<Finding, 'field'>;

/** The findings of one body as Problems, with file lines; the file relative to the working folder. */
export function bodyProblems(file: Pick<VFile, 'path'>, found: readonly BodyFinding[]): Problem[] {
  const path = file.path ?? 'unknown file';
  let offset = 0;
  try {
    offset = bodyLineOffset(readFileSync(path, 'utf8'), path);
  } catch {
    // No file on disk (a string rendered in a test): body lines are file lines.
  }
  return found.map(({ line, problem, fix }) => ({
    file: relative(process.cwd(), path),
    line: line === undefined ? undefined : line + offset,
    field: 'body',
    problem,
    fix,
  }));
}

const isElement = (node: Html.ChildNode): node is Html.Element => 'tagName' in node;

/**
 * What is wrong with a piece of raw HTML, each finding's line counted from its first line.
 * Parsed as a whole document, as a browser would: `<body onload>` is an attribute of the body
 * there, where a fragment parser drops it without a word.
 */
export function rawHtmlFindings(html: string): BodyFinding[] {
  const found: BodyFinding[] = [];
  const visit = (node: Html.ParentNode) => {
    for (const child of node.childNodes) {
      if (!isElement(child)) continue;
      const line = child.sourceCodeLocation?.startLine;
      // The html, head and body elements a parser adds around every document.
      const implied = !child.sourceCodeLocation && ['html', 'head', 'body'].includes(child.tagName);
      const allowed = implied ? [] : allowedAttributes(child.tagName);
      if (!allowed) {
        found.push({
          line,
          problem: `raw HTML <${child.tagName}> is not allowed in articles`,
          fix: `use Markdown; the HTML tags an article may use are ${TAG_LIST}`,
        });
        continue;
      }
      for (const { name, value } of child.attrs)
        found.push(...attributeFindings(child.tagName, name, value, allowed, line));
      visit('content' in child ? (child as Html.Template).content : child);
    }
  };
  visit(parse(html, { sourceCodeLocationInfo: true }));
  return found;
}

/** The rule for one attribute of an allowed tag, the same in raw HTML and MDX. */
function attributeFindings(
  tag: string,
  name: string,
  value: string,
  allowed: readonly string[],
  line: number | undefined,
): BodyFinding[] {
  if (/^on/i.test(name))
    return [
      {
        line,
        problem: `event-handler attribute "${name}" on <${tag}> is not allowed`,
        fix: 'remove it: articles run no scripts',
      },
    ];
  if (!allowed.includes(name.toLowerCase())) {
    return [
      {
        line,
        problem: `attribute "${name}" on <${tag}> is not allowed`,
        fix: allowed.length > 2 ? `<${tag}> takes ${allowed.join(', ')}` : `<${tag}> takes only lang and dir`,
      },
    ];
  }
  if (URL_ATTRIBUTES.includes(name.toLowerCase()) && unsafeUrl(value))
    return [{ line, problem: `unsafe URL "${shown(value)}" in ${name} on <${tag}>`, fix: SAFE_URL_FIX }];
  return [];
}

interface JsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string };
}
interface JsxElement {
  name: string | null;
  attributes: JsxAttribute[];
}

/** MDX tags: every attribute a plain "string"; lowercase tags as in raw HTML; blocks are checked by remark-check-blocks. */
function jsxFindings({ name, attributes }: JsxElement, line: number | undefined): BodyFinding[] {
  const tag = name ?? '';
  const found: BodyFinding[] = [];
  for (const attribute of attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      found.push({
        line,
        problem: `<${tag} {...}>: spread attributes are not allowed, articles run no code`,
        fix: 'write each attribute as name="text"',
      });
    } else if (typeof attribute.value === 'object' && attribute.value !== null) {
      found.push({
        line,
        problem: `<${tag} ${attribute.name}={...}>: attribute values cannot be {expressions}, articles run no code`,
        fix: `write ${attribute.name}="text"`,
      });
    } else if (typeof attribute.value !== 'string') {
      found.push({
        line,
        problem: `<${tag} ${attribute.name}>: the attribute has no value`,
        fix: `write ${attribute.name}="text", or remove it`,
      });
    }
  }
  // A fragment (<>...</>) or a block: blocks start with a capital and name no member (<a.b>).
  if (name === null || /^[A-Z][A-Za-z0-9]*$/.test(name)) return found;
  const allowed = allowedAttributes(name);
  if (!allowed) {
    return [
      ...found,
      {
        line,
        problem: `<${name}> is not allowed in articles`,
        fix: `use Markdown or a block; the HTML tags an article may use are ${TAG_LIST}`,
      },
    ];
  }
  for (const attribute of attributes) {
    if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string')
      found.push(...attributeFindings(name, attribute.name!, attribute.value, allowed, line));
  }
  return found;
}

export function remarkRefuseUnsafe() {
  return (tree: Root, file: VFile): undefined => {
    const found: BodyFinding[] = [];
    for (const { url, line } of imageUrls(tree)) {
      const fault = imagePathProblem(url);
      if (fault) found.push({ line, ...fault });
    }

    const visit = (node: Root | RootContent) => {
      const line = node.position?.start.line;
      // MDX node types are not in mdast's own type list.
      const type: string = node.type;
      if (node.type === 'html') {
        for (const finding of rawHtmlFindings(node.value)) {
          found.push({ ...finding, line: line === undefined ? undefined : line + (finding.line ?? 1) - 1 });
        }
      }
      if ((node.type === 'link' || node.type === 'definition') && unsafeUrl(node.url))
        found.push({ line, problem: `unsafe ${node.type} URL "${shown(node.url)}"`, fix: SAFE_URL_FIX });
      if (type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement')
        found.push(...jsxFindings(node as unknown as JsxElement, line));
      if ('children' in node) for (const child of node.children) visit(child);
    };
    visit(tree);
    if (found.length > 0) throw new ContentProblems(bodyProblems(file, found));
  };
}
