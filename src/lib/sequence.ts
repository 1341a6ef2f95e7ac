/** Position of an item in an ordered list, for previous/next links and "2 of 3" labels. */
export interface Neighbours<T> {
  previous?: T | undefined;
  next?: T | undefined;
  /** 1-based position. */
  position: number;
  total: number;
}

export function neighbours<T>(items: readonly T[], index: number): Neighbours<T> {
  if (index < 0 || index >= items.length)
    throw new RangeError(`index ${index} is outside 0..${items.length - 1}`);
  return { previous: items[index - 1], next: items[index + 1], position: index + 1, total: items.length };
}

/** Text with tags removed and whitespace collapsed, for meta descriptions. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
