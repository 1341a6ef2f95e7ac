/**
 * A search result's excerpt, as Pagefind gives it: the page's text, HTML-escaped, with the words
 * found wrapped in `<mark>`…`</mark>`. Read here into plain text runs, so the browser code builds
 * text nodes and `<mark>` elements and never parses the excerpt as HTML: anything but those two
 * exact tags stays text, whatever the page said.
 */

export interface ExcerptPart {
  text: string;
  /** The run is a word the search found. */
  marked: boolean;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references an escaper writes (`&amp;`, `&#39;`, `&#x27;`); others stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (reference, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : '\ufffd';
    }
    return NAMED[name.toLowerCase()] ?? reference;
  });
}

/** Splits an excerpt into runs of text, each marked or not; empty runs are dropped. */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece !== '') {
      const text = decodeEntities(piece);
      const last = parts.at(-1);
      if (last && last.marked === marked) last.text += text;
      else parts.push({ text, marked });
    }
  }
  return parts;
}

/** A result's URL when it is a path on this site ('/articles/x/'), else undefined: never another host or scheme. */
export function sitePath(url: string): string | undefined {
  return /^\/(?![/\\])/.test(url) ? url : undefined;
}

/** What the live region says once a search is done: '3 results for “rain”', 'No results for “rain”'. */
export function resultsMessage(count: number, query: string): string {
  const found = count === 0 ? 'No results' : `${count} ${count === 1 ? 'result' : 'results'}`;
  return `${found} for “${query}”`;
}
