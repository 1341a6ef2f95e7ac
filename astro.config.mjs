// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { site } from './src/site.ts';

export default defineConfig({
  site: process.env.SITE_URL || site.url,
  trailingSlash: 'always',
  // Tests build fixture sites side by side; each needs its own output and cache.
  outDir: process.env.BACKSTORY_OUT_DIR || './dist',
  cacheDir: process.env.BACKSTORY_CACHE_DIR || './node_modules/.astro',
  integrations: [mdx()],
});
