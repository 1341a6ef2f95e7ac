/**
 * What may reach a page from an article body: exactly what our Markdown, the inline tags of
 * safe-html.ts, footnotes, Prism and the mention linker produce. The second wall behind the
 * remark checks, which refuse anything else with the file and line.
 */
import type { Schema } from 'hast-util-sanitize';
import { defaultSchema } from 'rehype-sanitize';
import { EVERY_TAG, INLINE_TAGS, SAFE_PROTOCOLS } from './safe-html.ts';

/** hast names the `datetime` attribute `dateTime`; the others are spelt alike. */
const property = (attribute: string) => (attribute === 'datetime' ? 'dateTime' : attribute);

/** What Markdown with GFM (tables, task lists, footnotes) and Prism produce. */
const MARKDOWN_TAGS = (
  'a blockquote br code del em h1 h2 h3 h4 h5 h6 hr img input li ol p pre section span strong sup ' +
  'table tbody td th thead tr ul'
).split(' ');

const inline = Object.fromEntries(
  Object.entries(INLINE_TAGS).map(([tag, attributes]) => [tag, attributes.map(property)]),
);

export const sanitizeSchema: Schema = {
  tagNames: [...new Set([...MARKDOWN_TAGS, ...Object.keys(INLINE_TAGS)])],
  attributes: {
    ...inline,
    '*': [...EVERY_TAG],
    // Links: Markdown's, footnotes' (ids already prefixed by remark-rehype), the mention linker's.
    a: [
      'href',
      'title',
      'id',
      'dataFootnoteRef',
      'dataFootnoteBackref',
      'ariaDescribedBy',
      'ariaLabel',
      'dataMention',
      ['className', 'mention', 'data-footnote-backref'],
    ],
    img: ['src', 'alt', 'title'],
    // Prism: `language-x` on the block, token classes on its spans.
    pre: [['className', /^language-[\w-]+$/], 'dataLanguage'],
    code: [['className', /^language-[\w-]+$/]],
    span: [['className', /^[\w-]+$/]],
    // GFM: tables, task lists, footnotes.
    th: ['align'],
    td: ['align'],
    input: [
      ['type', 'checkbox'],
      ['disabled', true],
      ['checked', true],
    ],
    ul: [['className', 'contains-task-list']],
    ol: ['start', ['className', 'contains-task-list']],
    li: ['id', ['className', 'task-list-item']],
    h2: ['id', ['className', 'sr-only']],
    section: ['dataFootnotes', ['className', 'footnotes']],
  },
  ancestors: defaultSchema.ancestors ?? {},
  required: { input: { type: 'checkbox', disabled: true } },
  protocols: { href: [...SAFE_PROTOCOLS], src: ['http', 'https'], cite: ['http', 'https'] },
  // Footnote ids are already prefixed; user HTML cannot set an id.
  clobber: [],
  strip: ['script', 'style'],
  allowComments: false,
  allowDoctypes: false,
};
