/**
 * The Markdown checks of `npm run check:content`: each article body goes through the remark
 * plugins the build uses (read from astro.config.mjs, so a plugin added there is checked here
 * too), with Astro's own Markdown and MDX pipelines. The plugins stop the build at their first
 * problem; here each one's `file.fail` is caught so that every problem of a body is reported.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter, unified } from '@astrojs/markdown-remark';
import type { BodyInput, Problem } from '../lib/content-check';
import { parseProblem } from '../lib/content-check';

type Plugin = (...options: unknown[]) => unknown;
type Transform = (tree: unknown, file: unknown) => unknown;

/** Wraps a remark plugin so that `file.fail(...)` records the problem instead of throwing. */
function collecting(entry: unknown, sink: string[]): unknown {
  const [plugin, ...options] = Array.isArray(entry) ? entry : [entry];
  if (typeof plugin !== 'function') return entry;
  const wrapped = function (this: unknown, ...args: unknown[]) {
    const transform = (plugin as Plugin).apply(this, args);
    if (typeof transform !== 'function') return transform;
    return async (tree: unknown, file: object) => {
      const recording = new Proxy(file, {
        get: (target, property) =>
          property === 'fail'
            ? (reason: unknown) => {
                sink.push(reason instanceof Error ? reason.message : String(reason));
              }
            : Reflect.get(target, property, target),
      });
      try {
        await (transform as Transform)(tree, recording);
      } catch (error) {
        sink.push(error instanceof Error ? error.message : String(error));
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
  /** `loadOptions`: a processor loaded on first use (src/markdown-processor.ts) gives its options so. */
  processor?: { options?: ProcessorOptions; loadOptions?: () => Promise<ProcessorOptions> };
}

/** A body checker for the content folder `contentDir`, using the remark plugins of `configFile`. */
export async function bodyChecker(contentDir: string, configFile: string) {
  const config = (await import(pathToFileURL(configFile).href)) as { default: { markdown?: MarkdownConfig } };
  const configured = config.default.markdown?.processor;
  const options = (await configured?.loadOptions?.()) ?? configured?.options ?? {};
  const sink: string[] = [];
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
      if (path.endsWith('.mdx')) await mdx.process(content, absolute, frontmatter);
      else await markdown.render(content.trim(), { fileURL: pathToFileURL(absolute), frontmatter });
    } catch (error) {
      const place = error as { reason?: string; line?: number; message?: string };
      return [
        {
          file,
          line: place.line,
          field: 'body',
          message: `${place.reason ?? place.message}: fix the MDX syntax`,
        },
      ];
    }
    return sink.map((text) => parseProblem(text) ?? { file, field: 'body', message: text });
  };
}
