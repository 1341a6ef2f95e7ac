// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { rehypeMentions } from './src/lib/rehype-mentions.ts';
import { remarkCheckBlocks } from './src/lib/remark-check-blocks.ts';
import { remarkRefuseUnsafe } from './src/lib/remark-refuse-unsafe.ts';
import { loadMentionables } from './src/registry.ts';
import { site } from './src/site.ts';
import { linkedOutput } from './src/integrations/linked-output.ts';

export default defineConfig({
  site: process.env.SITE_URL || site.url,
  trailingSlash: 'always',
  integrations: [
    mdx(),
    // Warm builds hard-link unchanged pages from the incremental-build cache (README, Benchmark).
    linkedOutput(),
    // Pages only (URLs ending in '/'), not the 404 page nor files such as /rss.xml or /og/*.jpg.
    sitemap({ filter: (page) => page.endsWith('/') && !/\/404\/?$/.test(new URL(page).pathname) }),
  ],
  experimental: {
    // Pages whose getStaticPaths() entry has a cacheKey (an article's own pages, keyed by
    // pageKeyOf in src/data.ts, and the share images, by their content hash) are copied from the
    // previous build when neither the key nor their code changed. The cache lives in
    // node_modules/.astro (README, Benchmark).
    incrementalBuild: true,
  },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-src 'none'",
        "form-action 'self'",
      ],
    },
  },
  markdown: {
    // Prism marks code with classes; Shiki's inline styles would break the content security policy.
    syntaxHighlight: 'prism',
    // The unified (remark/rehype) processor, for the mention linker; Sätteri runs no rehype plugins.
    // The registry is read once at start-up: restart `npm run dev` after adding a person or country.
    processor: unified({
      remarkPlugins: [remarkRefuseUnsafe, remarkCheckBlocks],
      rehypePlugins: [[rehypeMentions, { entities: loadMentionables('./content') }]],
    }),
  },
});
