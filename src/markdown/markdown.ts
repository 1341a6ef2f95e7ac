/**
 * Short Markdown from frontmatter (timeline event bodies, update texts): checked by
 * {@link shortMarkdownFindings} in the content rules, then rendered by {@link markdownToHtml}.
 */
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { micromark } from 'micromark';
import type { Finding } from '../lib/problem.ts';
import { SAFE_URL_FIX, decodedPath, imagePathProblem, imageUrls, shown, unsafeUrl } from './safe-html.ts';

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
  return imageUrls(fromMarkdown(body)).flatMap(({ url, line }) =>
    imagePathProblem(url) === undefined ? [{ src: decodedPath(url)!, line }] : [],
  );
}
