/**
 * The Markdown processor of astro.config.mjs: `unified()` from @astrojs/markdown-remark with our
 * remark and rehype plugins (Sätteri, Astro's default, runs no rehype plugins). Imports name their
 * `.ts` file: astro.config.mjs loads in plain Node.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { unified } from '@astrojs/markdown-remark';
import { pageKey } from '../lib/page-key.ts';
import { rehypeMentions } from '../markdown/rehype-mentions.ts';
import { rehypeSanitizeBody } from '../markdown/rehype-sanitize-body.ts';
import { remarkCheckBlocks } from '../markdown/remark-check-blocks.ts';
import { remarkRefuseUnsafe } from '../markdown/remark-refuse-unsafe.ts';
import { loadMentionables } from '../schema/registry.ts';

/** The source of every module the plugins are made of: src/markdown/ and src/lib/, which they import from. */
function pluginSources(): string[] {
  return ['../markdown/', '../lib/'].flatMap((path) => {
    const folder = new URL(path, import.meta.url);
    return readdirSync(folder)
      .sort()
      .map((name) => readFileSync(new URL(name, folder), 'utf8'));
  });
}

/**
 * Our plugins: unsafe HTML and MDX code refused, block components checked, the first mention of
 * each person and country in an article linked to their page, and the output sanitised. The
 * registry is read with the config: restart `npm run dev` after adding a person or country.
 */
export function markdownProcessor(contentDir: string) {
  const entities = loadMentionables(contentDir);
  const processor = unified({
    remarkPlugins: [remarkRefuseUnsafe, remarkCheckBlocks],
    // The sanitiser last, so that it sees what every other plugin made.
    rehypePlugins: [[rehypeMentions, { entities }], rehypeSanitizeBody],
  });
  // Astro keeps each unchanged entry's HTML between builds unless its config changed, so the
  // names the linker looks for are part of the config: a new alias or a renamed person renders
  // every article again. In `options`, the one part of a processor that Astro's config keeps as is.
  // Likewise the plugins' code, which Astro's config does not see: a sharper sanitiser must not
  // leave every unchanged article's old HTML in place.
  Object.assign(processor.options, { mentionables: pageKey(entities), plugins: pageKey(pluginSources()) });
  return processor;
}
