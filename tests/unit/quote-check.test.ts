/**
 * A `<Quote>`'s words must be in the article's text outside the blocks, as a `<Fact>`'s `cite`
 * must (src/markdown/remark-check-blocks.ts), through Astro's MDX pipeline with only that plugin.
 * (The whole build, with the file and line in its message: tests/content/mdx.test.ts.)
 */
import { unified } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { ContentProblems } from '../../src/lib/problem.ts';
import { remarkCheckBlocks } from '../../src/markdown/remark-check-blocks.ts';

const FRONTMATTER = { people: ['ada-example'] };

/** The block problems of an MDX body, as `line  problem`. */
async function problemsOf(body: string): Promise<string[]> {
  const processor = unified({ remarkPlugins: [remarkCheckBlocks] as never });
  const mdx = await processor.createMdxRenderer!({ syntaxHighlight: false }, { optimize: false });
  try {
    await mdx.process(body, '/content/articles/x/index.mdx', FRONTMATTER);
    return [];
  } catch (error) {
    if (!(error instanceof ContentProblems)) throw error;
    return error.problems.map(({ line, problem }) => `${line}  ${problem}`);
  }
}

const quote = (words: string) => `<Quote speaker="ada-example" outlet="Test Wire">\n  ${words}\n</Quote>`;

describe('a Quote', () => {
  it.each([
    ['as written in the text', 'She said the talks were "constructive and long".', 'the talks were'],
    [
      'across a line break, with curly marks',
      'She said “we have\nan agreement” and left.',
      '"We have an agreement."',
    ],
    [
      'with a capital and a full stop where the text runs on',
      'She said "we have an agreement," and left.',
      'We have an agreement.',
    ],
    [
      'in an inline tag of the text',
      'She said <q>we have an agreement</q> and left.',
      'We have an agreement',
    ],
  ])('passes when its words are in the text: %s', async (_, text, words) => {
    expect(await problemsOf(`${text}\n\n${quote(words)}\n`)).toEqual([]);
  });

  it('fails, naming its line, when the text does not hold its words', async () => {
    expect(await problemsOf(`She said "we have a deal".\n\n${quote('We have an agreement.')}\n`)).toEqual([
      `3  <Quote> "We have an agreement.": the article's text does not contain these words`,
    ]);
  });

  it('fails when its words differ beyond the first letter and closing punctuation', async () => {
    for (const words of ['We have an AGREEMENT.', 'We have... agreement.', 'We have an agreement?']) {
      expect(await problemsOf(`She said "we have an agreement".\n\n${quote(words)}\n`)).toHaveLength(1);
    }
  });

  it('fails when its words are only in another block, not in the text', async () => {
    const body = `Ministers met.\n\n<KeyFacts>\n  <Fact figure="1" label="deal" cite="Ministers met" />\n</KeyFacts>\n\n${quote('We have an agreement.')}\n\n${quote('We have an agreement.')}\n`;
    expect(await problemsOf(body)).toEqual([
      `7  <Quote> "We have an agreement.": the article's text does not contain these words`,
      `11  <Quote> "We have an agreement.": the article's text does not contain these words`,
    ]);
  });

  it('fails when it holds no words', async () => {
    expect(await problemsOf(`Text.\n\n<Quote speaker="ada-example" outlet="Test Wire">\n</Quote>\n`)).toEqual(
      ['3  <Quote> holds no words'],
    );
  });
});

describe("a Quote's language", () => {
  const inLanguage = (lang: string) =>
    `Він сказав «ми домовилися».\n\n<Quote speaker="ada-example" outlet="Test Wire" lang="${lang}">\n  ми домовилися\n</Quote>\n`;

  it('may be given as a BCP 47 tag', async () => {
    expect(await problemsOf(inLanguage('uk'))).toEqual([]);
  });

  it('fails, naming its line, when it is not a language tag', async () => {
    expect(await problemsOf(inLanguage('ukrainian!'))).toEqual([
      '3  <Quote lang="ukrainian!">: not a language tag',
    ]);
  });
});
