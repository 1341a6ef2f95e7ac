/**
 * What an article may contain besides Markdown, in one place: the remark checks refuse
 * anything else with the file and line, and the sanitiser (sanitize-schema.ts) removes it from
 * the output if a check ever misses it. Small on purpose: no parser is imported here, so the
 * pages that render short Markdown can use the URL rule.
 */
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
export function urlScheme(url: string): string | undefined {
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
