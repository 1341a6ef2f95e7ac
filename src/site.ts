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
  themeColor: '#a1301b',
  backgroundColor: '#fdfcfa',
  /** Square publisher logo (generated from public/favicon.svg by src/pages/icons/[icon].ts). */
  logo: { path: '/icons/icon-512.png', width: 512, height: 512 },
} as const;
