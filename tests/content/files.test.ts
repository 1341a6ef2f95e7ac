/**
 * Which files under content/articles become entries (src/lib/content-files.ts, among the content
 * rules the loaders run before Astro's glob). Astro alone would skip or overwrite these silently.
 * Every problem is one line of the "Content problems:" error, `file  -  problem: fix`, so the
 * cases share one `astro sync` (see `caseGroup`), except the empty folder, which needs a content
 * tree without articles.
 */
import { describe, it } from 'vitest';
import { caseGroup, expectFailure, re, runFixture, type Mutation } from './support.ts';

const HEADER = /^Content problems:$/;

interface Case {
  title: string;
  mutate: Mutation;
  /** The line the loader must print, given the broken case's article folder name. */
  line: (slug: string) => RegExp;
}

const cases: Record<string, Case> = {
  'same-id-twice': {
    title: 'two articles with the same id (index.md and index.mdx in one folder) are refused',
    mutate: (f, article) => f.write(article.replace(/\.md$/, '.mdx'), f.read(article)),
    line: (slug) =>
      new RegExp(
        `^content/articles/${re(slug)}/ {2}- {2}has ${re(slug)}/index\\.md and ${re(slug)}/index\\.mdx: two articles with the id "${re(slug)}": keep one`,
      ),
  },
  'loose-file': {
    title: 'an article file not at <slug>/index.md (articles/foo.md) is refused',
    mutate: (f, article) => f.write('articles/foo.md', f.read(article)),
    line: () =>
      /^content\/articles\/foo\.md {2}- {2}is not loaded: an article is <slug>\/index\.md or <slug>\/index\.mdx/,
  },
  'underscore-folder': {
    title: 'an underscore folder (_draft/index.md) is refused, not published',
    mutate: (f, article) => f.write('articles/_draft/index.md', f.read(article)),
    line: () => /^content\/articles\/_draft\/index\.md {2}- {2}folder "_draft" is not a valid slug/,
  },
};

const runCase = caseGroup(
  'sync',
  Object.fromEntries(Object.entries(cases).map(([slug, { mutate }]) => [slug, mutate])),
);

describe('article files (sync)', () => {
  it.concurrent('an empty content/articles folder is refused', async () => {
    const run = await runFixture('sync', (f) => f.remove('articles/sample-story'));
    expectFailure(run, HEADER, /^content\/articles\/ {2}- {2}holds no articles: add one with "npm run new/);
  });

  for (const [slug, { title, line }] of Object.entries(cases)) {
    it.concurrent(title, async () => {
      const { run, slug: broken } = await runCase(slug);
      expectFailure(run, HEADER, line(broken));
    });
  }
});
