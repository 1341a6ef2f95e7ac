/**
 * The colours TypeScript draws or declares (share images, web manifest, theme-color), copied from
 * src/styles/tokens.css, which owns them: an image or a manifest cannot read CSS, so
 * tests/unit/colours.test.ts fails when a copy differs from its token.
 */
export const colours = {
  /** --bg, --text, --muted, --accent and --line of the light scheme, which share images use. */
  bg: '#fdfcfa',
  text: '#1c1b19',
  muted: '#57534c',
  accent: '#a1301b',
  line: '#d9d5cc',
  /** --photo-accent-text: the site's name on a photo's credit strip, as in the lightbox. */
  photoAccentText: '#f4a48c',
} as const;

/** Site-wide constants, read by astro.config.mjs and by the pages. */
export const site = {
  name: 'Backstory',
  description: 'News explainers with the timeline, the photos and the people behind each story.',
  /** Public origin; a deployment overrides it with the SITE_URL environment variable. */
  url: 'https://backstory.example',
  /** BCP 47 language of the pages. */
  lang: 'en',
  /** Open Graph locale. */
  locale: 'en_GB',
  /** IANA zone in which the newsroom reads and writes clock times. */
  timeZone: 'Europe/London',
  /** `article:section` and schema.org `articleSection` of every article. */
  section: 'Explainers',
  /** Browser UI colour (web manifest, theme-color) and manifest background: the tokens' accent and page colours. */
  themeColor: colours.accent,
  backgroundColor: colours.bg,
  /** Square publisher logo (generated from public/favicon.svg by src/pages/icons/[icon].ts). */
  logo: { path: '/icons/icon-512.png', width: 512, height: 512 },
} as const;

/**
 * Content limits, each enforced by `npm run check:content` and the build with a message naming
 * the file and field. Generous for news, small enough that no single file can stall a build.
 */
export const limits = {
  /** Characters in a headline: search results and link previews show about this many. */
  title: 70,
  /** Characters in a dek: link previews show about this many. */
  dek: 200,
  /** Characters in a timeline event's body, an update's text, a photo's caption or alt text. */
  shortText: 1_000,
  /** Characters in any other single frontmatter text (names, credits, places). */
  label: 300,
  /** Characters in an article's body (about 25,000 words). */
  body: 150_000,
  /** Timeline events in one article. */
  events: 200,
  /** Photos in one article's gallery. */
  photos: 100,
  /** Updates and corrections on one article. */
  updates: 100,
  /** Nesting of lists, quotes and blocks in a body. */
  depth: 8,
  /** Bytes of one photo file. */
  photoBytes: 25 * 1024 * 1024,
  /** Pixels of one photo (width times height). */
  photoPixels: 100_000_000,
  /** Bytes of one Markdown, MDX or YAML file. */
  fileBytes: 2 * 1024 * 1024,
} as const;
