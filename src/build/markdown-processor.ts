/**
 * The Markdown processor of astro.config.mjs: `unified()` from @astrojs/markdown-remark with our
 * remark and rehype plugins, loaded when Astro first renders Markdown rather than when it reads
 * the config. A warm build renders no Markdown (the content layer keeps each unchanged entry's
 * HTML), and loading the processor and the plugins' modules took about 0.5 s of every build.
 * Imports name their `.ts` file: astro.config.mjs loads in plain Node (docs/decisions/0008-lean-start-up.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { MarkdownProcessor, UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import { pageKey } from '../lib/page-key.ts';
import { loadMentionables } from '../schema/registry.ts';

type Processor = MarkdownProcessor<object>;

/** The processor, and its options for `npm run check:content`, which runs the same plugins. */
export type LazyProcessor = Processor & { loadOptions: () => Promise<UnifiedProcessorOptions> };

/**
 * A processor that stands in for `unified(options())` until Astro asks it for a renderer. Named
 * 'unified', with no options of its own but the key `markdownProcessor` adds: MDX reads a unified
 * processor's gfm and smartypants options, and these are unset, as they are in `unified()`.
 */
export function unifiedOnFirstUse(options: () => Promise<UnifiedProcessorOptions>): LazyProcessor {
  let resolved: Promise<UnifiedProcessorOptions> | undefined;
  let loaded: Promise<Processor> | undefined;
  const loadOptions = () => (resolved ??= options());
  const processor = () =>
    (loaded ??= Promise.all([import('@astrojs/markdown-remark'), loadOptions()]).then(([{ unified }, opts]) =>
      unified(opts),
    ));
  return {
    name: 'unified',
    options: {},
    loadOptions,
    createRenderer: async (shared) => (await processor()).createRenderer(shared),
    createMdxRenderer: async (shared, mdx) => {
      const real = await processor();
      if (!real.createMdxRenderer) throw new Error('@astrojs/markdown-remark: unified() renders no MDX');
      return real.createMdxRenderer(shared, mdx);
    },
  };
}

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
export function markdownProcessor(contentDir: string): LazyProcessor {
  const entities = loadMentionables(contentDir);
  const processor = unifiedOnFirstUse(async () => {
    const [{ rehypeMentions }, { remarkCheckBlocks }, { remarkRefuseUnsafe }, { rehypeSanitizeBody }] =
      await Promise.all([
        import('../markdown/rehype-mentions.ts'),
        import('../markdown/remark-check-blocks.ts'),
        import('../markdown/remark-refuse-unsafe.ts'),
        import('../markdown/rehype-sanitize-body.ts'),
      ]);
    return {
      remarkPlugins: [remarkRefuseUnsafe, remarkCheckBlocks],
      // The sanitiser last, so that it sees what every other plugin made.
      rehypePlugins: [[rehypeMentions, { entities }], rehypeSanitizeBody],
    };
  });
  // Astro keeps each unchanged entry's HTML between builds unless its config changed, so the
  // names the linker looks for are part of the config: a new alias or a renamed person renders
  // every article again. In `options`, the one part of a processor that Astro's config keeps as is.
  (processor.options as Record<string, unknown>)['mentionables'] = pageKey(entities);
  // Likewise the plugins' code: they load on first use, so Astro's config would not change with
  // them, and a sharper sanitiser would leave every unchanged article's old HTML in place.
  (processor.options as Record<string, unknown>)['plugins'] = pageKey(pluginSources());
  return processor;
}
