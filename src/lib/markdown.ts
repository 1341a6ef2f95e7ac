/**
 * Short Markdown from frontmatter (timeline event bodies, update texts): checked by
 * {@link shortMarkdownFindings} in the content rules, then rendered by {@link markdownToHtml}.
 */
import { posix } from 'node:path';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { micromark } from 'micromark';
import type { Finding } from './problem.ts';
import { SAFE_URL_FIX, shown, unsafeUrl } from './safe-html.ts';

/**
 * What is wrong with a short text: raw HTML (escaped on the page, so it would show as code),
 * images, and links with unsafe URLs (micromark would print them as empty links). The caller
 * names the field and the line.
 */
export function shortMarkdownFindings(source: string): Finding[] {
  const found: Finding[] = [];
  const add = (problem: string, fix: string) => found.push({ line: undefined, field: '', problem, fix });
  const visit = (node: Nodes) => {
    if (node.type === 'html') add('raw HTML is not allowed in a timeline body or update', 'write Markdown');
    if (node.type === 'image' || node.type === 'imageReference')
      add('images are not allowed in a timeline body or update', 'put the photo in the gallery');
    if ((node.type === 'link' || node.type === 'definition') && unsafeUrl(node.url))
      add(`unsafe link URL "${shown(node.url)}"`, SAFE_URL_FIX);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(fromMarkdown(source));
  return found;
}

/** Renders a short text that passed {@link shortMarkdownFindings}; escapes raw HTML and drops unsafe URLs all the same. */
export function markdownToHtml(source: string): string {
  return micromark(source, { allowDangerousHtml: false, allowDangerousProtocol: false });
}

/**
 * The images a body names in the article's folder (`![alt](./name.jpg)`, also by reference),
 * with their lines in the body, for the check of the files on disk. Remote ones and paths out of
 * the folder are refused by the Markdown checks (remark-refuse-unsafe.ts) and left out here.
 */
export function bodyImageSources(body: string): { src: string; line: number | undefined }[] {
  const tree = fromMarkdown(body);
  const definitions = new Map<string, string>();
  const images: { src: string; line: number | undefined }[] = [];
  const collect = (node: Nodes) => {
    if (node.type === 'definition') definitions.set(node.identifier, node.url);
    if ('children' in node) for (const child of node.children) collect(child);
  };
  const visit = (node: Nodes) => {
    const src =
      node.type === 'image'
        ? node.url
        : node.type === 'imageReference'
          ? definitions.get(node.identifier)
          : undefined;
    const path = src === undefined ? undefined : safeDecode(src);
    if (
      path !== undefined &&
      !/^[a-z][a-z0-9+.-]*:|^[/\\]/i.test(path) &&
      !posix.normalize(path).startsWith('../')
    )
      images.push({ src: path, line: node.position?.start.line });
    if ('children' in node) for (const child of node.children) visit(child);
  };
  collect(tree);
  visit(tree);
  return images;
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
