/** Text for <head>: titles that fit search results. */

/** Longest <title> we write, counted as html-validate and crawlers count it: escaped characters included. */
export const MAX_TITLE = 70;

function escapedLength(text: string): number {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').length;
}

/**
 * "Title | Site" when it fits, the title alone when only that fits, else the title cut at a word
 * boundary with an ellipsis. The page's <h1> always keeps the full title.
 */
export function documentTitle(title: string, siteName: string, max = MAX_TITLE): string {
  if (title === siteName) return title;
  const withSite = `${title} | ${siteName}`;
  if (escapedLength(withSite) <= max) return withSite;
  if (escapedLength(title) <= max) return title;
  const words = title.split(/\s+/);
  let cut = '';
  for (const word of words) {
    const next = cut ? `${cut} ${word}` : word;
    if (escapedLength(`${next}…`) > max) break;
    cut = next;
  }
  return `${cut.replace(/[\s,;:.-]+$/, '')}…`;
}
