/** Short Markdown from frontmatter (event bodies) to HTML. Raw HTML is escaped, unsafe link protocols dropped. */
import { micromark } from 'micromark';

export function markdownToHtml(source: string): string {
  return micromark(source, { allowDangerousHtml: false, allowDangerousProtocol: false });
}
