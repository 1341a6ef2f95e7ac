/**
 * What an article may contain besides Markdown, in one place: the remark checks refuse
 * anything else with the file and line, and the sanitiser (sanitize-schema.ts) removes it from
 * the output if a check ever misses it. Small on purpose: no parser is imported here, so the
 * pages that render short Markdown can use the URL rule.
 */
import { posix } from 'node:path';
import type { Nodes } from 'mdast';
import { decodeString } from 'micromark-util-decode-string';

/** Inline tags an editor may write, as HTML in Markdown or as tags in MDX, with their attributes. */
export const INLINE_TAGS: Readonly<Record<string, readonly string[]>> = {
  abbr: ['title'],
  b: [],
  br: [],
  cite: [],
  del: ['cite', 'datetime'],
  dfn: ['title'],
  em: [],
  i: [],
  ins: ['cite', 'datetime'],
  kbd: [],
  mark: [],
  q: ['cite'],
  s: [],
  small: [],
  strong: [],
  sub: [],
  sup: [],
  time: ['datetime'],
  u: [],
  wbr: [],
};

/** Attributes any allowed tag may have: the language and direction of a quoted phrase. */
export const EVERY_TAG: readonly string[] = ['lang', 'dir'];

/** Attributes holding a URL, judged by {@link unsafeUrl}. */
export const URL_ATTRIBUTES: readonly string[] = ['cite', 'href', 'src'];

/** The only schemes a link may use; anything else (javascript:, data:, vbscript:, file:) is refused. */
export const SAFE_PROTOCOLS: readonly string[] = ['http', 'https', 'mailto'];

/** The attributes `tag` may have, or undefined when the tag is not allowed. */
export function allowedAttributes(tag: string): readonly string[] | undefined {
  const own = Object.hasOwn(INLINE_TAGS, tag) ? INLINE_TAGS[tag] : undefined;
  return own && [...own, ...EVERY_TAG];
}

/** The allowed tags, for messages. */
export const TAG_LIST = Object.keys(INLINE_TAGS).join(', ');

/**
 * The scheme a browser would see in `url`, lower-cased, or undefined for a relative URL.
 * Character references are decoded and whitespace and control characters removed first, as
 * browsers (more or less) do: `jav&#x09;ascript:` and `\u0001javascript:` are javascript: URLs.
 */
function urlScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const plain = decodeString(url).replace(
    /[\u0000-\u0020\u007f-\u009f\u00a0\u2000-\u200f\u2028\u2029\ufeff]/g,
    '',
  );
  return /^([a-z][a-z0-9+.-]*):/i.exec(plain)?.[1]?.toLowerCase();
}

/** Whether `url` uses a scheme other than http, https and mailto. Relative URLs are safe. */
export function unsafeUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme !== undefined && !SAFE_PROTOCOLS.includes(scheme);
}

/** The fix for an unsafe URL, the same in articles and short texts. */
export const SAFE_URL_FIX = 'link only to https:, http: or mailto: addresses, or to a page of this site';

/** Shortened for a message: the first 40 characters, control characters shown as \uXXXX. */
export function shown(value: string): string {
  const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  // eslint-disable-next-line no-control-regex
  return short.replace(
    /[\u0000-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Why an image source is refused: only files in the article's folder (or below) are published. */
export function imagePathProblem(url: string): { problem: string; fix: string } | undefined {
  const fix = 'put the image beside the article and write ./name.jpg';
  if (urlScheme(url) !== undefined || url.startsWith('//'))
    return { problem: `image "${shown(url)}" is not a file beside the article`, fix };
  const path = decodedPath(url);
  if (path === undefined)
    return {
      problem: `image "${shown(url)}" has a "%" that starts no character code`,
      fix: 'write a "%" in a file name as %25',
    };
  const normal = posix.normalize(path.replace(/\\/g, '/'));
  if (normal.startsWith('/') || normal === '..' || normal.startsWith('../'))
    return { problem: `image "${shown(url)}" is outside the article's folder`, fix };
  return undefined;
}

/** An image path as Astro looks for the file (percent-decoded), or undefined when it cannot be. */
export function decodedPath(url: string): string | undefined {
  try {
    return decodeURI(url);
  } catch {
    return undefined;
  }
}

/** The image URLs of a Markdown tree with their lines, images by reference resolved. */
export function imageUrls(tree: Nodes): { url: string; line: number | undefined }[] {
  const definitions = new Map<string, string>();
  const images: { node: Nodes; identifier?: string; url?: string }[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'definition') definitions.set(node.identifier, node.url);
    if (node.type === 'image') images.push({ node, url: node.url });
    if (node.type === 'imageReference') images.push({ node, identifier: node.identifier });
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return images.flatMap(({ node, identifier, url }) => {
    const resolved = url ?? definitions.get(identifier!);
    return resolved === undefined ? [] : [{ url: resolved, line: node.position?.start.line }];
  });
}
