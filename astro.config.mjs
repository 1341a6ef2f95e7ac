// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { site } from './src/site.ts';

export default defineConfig({
  site: process.env.SITE_URL || site.url,
  trailingSlash: 'always',
  integrations: [mdx()],
});
