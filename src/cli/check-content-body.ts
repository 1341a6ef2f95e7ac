/**
 * The Markdown checks of `npm run check:content`: each article body goes through the remark
 * plugins the build uses (read from astro.config.mjs, so a plugin added there is checked here
 * too), with Astro's own Markdown and MDX pipelines. Each plugin throws every problem it found
 * in a body as one ContentProblems, which stops the build; here they are collected instead.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter, unified } from '@astrojs/markdown-remark';
import type { BodyInput } from '../schema/content-check.ts';
import { ContentProblems, type Problem } from '../lib/problem.ts';

type Plugin = (...options: unknown[]) => unknown;
type Transform = (tree: unknown, file: unknown) => unknown;

/**
 * Wraps a remark plugin so that the problems it throws are recorded and the next plugin still
 * runs: `npm run check:content` reports every problem of a body, not only the first plugin's.
 */
function collecting(entry: unknown, sink: Problem[]): unknown {
  const [plugin, ...options] = Array.isArray(entry) ? entry : [entry];
  if (typeof plugin !== 'function') return entry;
  const wrapped = function (this: unknown, ...args: unknown[]) {
    const transform = (plugin as Plugin).apply(this, args);
    if (typeof transform !== 'function') return transform;
    return async (tree: unknown, file: unknown) => {
      try {
        await (transform as Transform)(tree, file);
      } catch (error) {
        if (!(error instanceof ContentProblems)) throw error;
        sink.push(...error.problems);
      }
    };
  };
  return options.length > 0 ? [wrapped, ...options] : wrapped;
}

interface ProcessorOptions {
  remarkPlugins?: unknown[];
  gfm?: boolean;
  smartypants?: boolean;
}

interface MarkdownConfig {
  processor?: { options?: ProcessorOptions };
}

/** A body checker for the content folder `contentDir`, using the remark plugins of `configFile`. */
export async function bodyChecker(contentDir: string, configFile: string) {
  const config = (await import(pathToFileURL(configFile).href)) as { default: { markdown?: MarkdownConfig } };
  const configured = config.default.markdown?.processor;
  const options = configured?.options ?? {};
  const sink: Problem[] = [];
  const processor = unified({
    remarkPlugins: (options.remarkPlugins ?? []).map((entry) => collecting(entry, sink)) as never,
    ...(options.gfm !== undefined && { gfm: options.gfm }),
    ...(options.smartypants !== undefined && { smartypants: options.smartypants }),
  });
  const markdown = await processor.createRenderer({ syntaxHighlight: false });
  // Always there for the `unified` processor; Astro's MDX integration needs it too.
  const mdx = await processor.createMdxRenderer!({ syntaxHighlight: false }, { optimize: false });

  return async ({ path, file, source, frontmatter }: BodyInput): Promise<Problem[]> => {
    sink.length = 0;
    const absolute = resolve(contentDir, path);
    // The body exactly as Astro hands it over: the frontmatter blanked out, trimmed for Markdown.
    const { content } = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
    try {
      // Compiled, never evaluated: nothing in a body runs here.
      if (path.endsWith('.mdx')) await mdx.process(content, absolute, frontmatter);
      else await markdown.render(content.trim(), { fileURL: pathToFileURL(absolute), frontmatter });
    } catch (error) {
      const place = error as { reason?: string; line?: number; message?: string };
      sink.push({
        file,
        line: place.line,
        field: 'body',
        problem: String(place.reason ?? place.message),
        fix: path.endsWith('.mdx') ? 'correct the MDX syntax there' : 'correct the Markdown there',
      });
    }
    // The plugins name the file relative to the working folder; the caller's name is the one shown.
    return sink.map((problem) => ({ ...problem, file }));
  };
}
