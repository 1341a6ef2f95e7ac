/**
 * The photos an MDX text places with <Photo> (src/markdown/remark-check-blocks.ts), compiled as Astro
 * compiles MDX: listed for the article page, which leaves them out of "More photos"; a photo
 * placed twice is refused. (The page itself: tests/content/photos.test.ts.)
 */
import { resolve } from 'node:path';
import { unified } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { ContentProblems } from '../../src/lib/problem.ts';
import { PLACED_PHOTOS, remarkCheckBlocks } from '../../src/markdown/remark-check-blocks.ts';

const gallery = [{ id: 'lead' }, { id: 'street' }, { id: 'crowd' }];

/** The frontmatter the compiled module exports (a page's `remarkPluginFrontmatter`), or the plugin's error. */
async function run(text: string): Promise<Record<string, unknown>> {
  const renderer = await unified({ remarkPlugins: [remarkCheckBlocks] as never }).createMdxRenderer!(
    { syntaxHighlight: false },
    { optimize: false },
  );
  const { code } = await renderer.process(text, resolve('test.mdx'), { gallery });
  const exported = /^export const frontmatter = (\{[\s\S]*?\n\});$/m.exec(code);
  return JSON.parse(exported![1]!) as Record<string, unknown>;
}

describe('placed photos', () => {
  it('lists the photos the text places, in the order it places them, keeping the frontmatter', async () => {
    const frontmatter = await run('Text.\n\n<Photo id="crowd" />\n\nMore text.\n\n<Photo id="lead" />\n');
    expect(frontmatter[PLACED_PHOTOS]).toEqual(['crowd', 'lead']);
    expect(frontmatter['gallery']).toEqual(gallery);
  });

  it('lists none for a text without <Photo>', async () => {
    expect((await run('Just text.\n'))[PLACED_PHOTOS]).toEqual([]);
  });

  it('refuses a photo placed twice, naming the second placement', async () => {
    const error = await run('<Photo id="street" />\n\nText.\n\n<Photo id="street" />\n').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ContentProblems);
    expect((error as ContentProblems).problems).toEqual([
      expect.objectContaining({
        line: 5,
        field: 'body',
        problem: '<Photo id="street"> places a photo the text already shows further up',
        fix: 'place each photo once: remove this one, or name another photo',
      }),
    ]);
  });
});
