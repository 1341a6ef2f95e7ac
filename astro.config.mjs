// @ts-check
// The config is a plain object, not `defineConfig()` from 'astro/config': that module loads
// Astro's SVG optimizer (svgo, csso: 230 modules) and took 0.6 s of every build (docs/decisions/0008-lean-start-up.md).
import { readFileSync } from 'node:fs';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { markdownProcessor } from './src/build/markdown-processor.ts';
import { imageService } from './src/build/image-cdn.ts';
import { searchIndex } from './src/build/search-index.ts';
import { limits, site } from './src/site.ts';
import { siteWideHeaders } from './src/lib/headers.ts';

/** @type {import('astro').AstroUserConfig} */
export default {
  site: process.env.SITE_URL || site.url,
  trailingSlash: 'always',
  server: {
    // `astro dev`, `astro preview` and so `npm start` send the site-wide security headers that
    // static hosts read from public/_headers: one file, so the two cannot drift apart.
    headers: siteWideHeaders(readFileSync(new URL('./public/_headers', import.meta.url), 'utf8')),
  },
  integrations: [
    mdx(),
    // Pages only (URLs ending in '/'), not the 404 page nor files such as /rss.xml or /og/*.jpg.
    sitemap({ filter: (page) => page.endsWith('/') && !/\/404\/?$/.test(new URL(page).pathname) }),
    // Pagefind's index of the pages marked data-pagefind-body, into dist/pagefind/ (docs/architecture.md#search).
    searchIndex(),
  ],
  vite: {
    // Bundled into the pages rather than loaded by Node at build time: under Node 24 each date-fns
    // module took about 6 ms to import (src/lib/date-format.ts).
    environments: { prerender: { resolve: { noExternal: ['date-fns', '@date-fns/tz'] } } },
    build: {
      rolldownOptions: {
        // Astro's content-assets plugin starts the wrapper it makes for every MDX entry
        // (`index.mdx?astroPropagatedAssets`) with the marker `"use astro:head-inject";`, which
        // nothing reads after bundling (astro 7.3.5), so Rolldown warns on every MDX build that
        // the directive "may not be preserved" (withastro/astro#18087). Only that one message is
        // dropped: every other warning, and any other directive, is still printed.
        onwarn(warning, warn) {
          const headInject =
            warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"');
          if (!headInject) warn(warning);
        },
      },
    },
  },
  experimental: {
    // Pages whose getStaticPaths() entry has a cacheKey (an article's own pages, keyed by
    // pageKeyOf in src/model/data.ts) are copied from the previous build when neither the key nor their
    // code changed. The cache lives in node_modules/.astro (docs/performance.md).
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
  image: {
    // Gallery photo sizes (src/components/PhotoFigure.astro): made by sharp, which refuses a file of
    // more pixels than the content check allows, or by the image CDN that IMAGE_CDN names
    // (docs/deploy.md).
    service: imageService(process.env, process.env.SITE_URL || site.url, limits.photoPixels),
  },
  markdown: {
    // Prism marks code with classes; Shiki's inline styles would break the content security policy.
    syntaxHighlight: 'prism',
    // The unified (remark/rehype) processor, for the mention linker; Sätteri runs no rehype plugins.
    // The registry is read with the config: restart `npm run dev` after adding a person.
    processor: markdownProcessor('./content'),
  },
};
