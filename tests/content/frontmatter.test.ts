/**
 * Rules of the article schema (src/schema/schemas.ts), enforced by the content rules that the loaders
 * run before Astro reads an entry (src/schema/loaders.ts), so `astro sync` is enough. Each problem is
 * one line, `file:line  field  problem: fix`, under "Content problems:".
 */
import { describe, it } from 'vitest';
import { ARTICLE, expectFailure, re, runFixture, type FixtureEditor } from './support.ts';

const HEADER = /^Content problems:$/;

const PUBLISHED = "published: '2025-09-04'";

function setPublished(value: string) {
  return (f: FixtureEditor) => f.replace(ARTICLE, PUBLISHED, `published: ${value}`);
}

/** Runs `astro sync` on the mutated fixture and expects a schema error on `field`. */
async function expectSchemaError(mutate: (f: FixtureEditor) => unknown, field: string, message: RegExp) {
  const run = await runFixture('sync', mutate);
  expectFailure(run, HEADER, new RegExp(`^content/${re(ARTICLE)}:\\d+ {2}${re(field)} {2}${message.source}`));
}

describe('frontmatter keys (sync)', () => {
  it.concurrent('an unknown key is refused (strict object)', async () => {
    await expectSchemaError(
      (f) => f.replace(ARTICLE, 'dateline: Paris\n', 'dateline: Paris\nsubtitle: An extra key\n'),
      'subtitle',
      /unknown field "subtitle": check its spelling, or remove it/,
    );
  });
});

describe('dates (sync)', () => {
  it.concurrent("an impossible calendar date ('2025-02-30') is refused, not rolled over", async () => {
    await expectSchemaError(
      setPublished("'2025-02-30'"),
      'published',
      /"2025-02-30" is not a real calendar date: write it as a quoted ISO date/,
    );
  });

  it.concurrent(
    "an impossible date in a timeline event is refused as 'not a real calendar date'",
    async () => {
      await expectSchemaError(
        (f) => f.replace(ARTICLE, "date: '2025-09-01'", "date: '2025-02-30'"),
        'timeline[0].date',
        /"2025-02-30" is not a real calendar date: write it as a quoted ISO date/,
      );
    },
  );

  it.concurrent('an unquoted date (a YAML Date) is refused with advice to quote it', async () => {
    await expectSchemaError(
      setPublished('2025-09-04'),
      'published',
      /unquoted date: YAML turns it into a timestamp at UTC midnight: write it as a quoted ISO date such as '2025-09-04'/,
    );
  });

  it.concurrent('an empty date (`published:`) is refused as missing', async () => {
    await expectSchemaError(setPublished(''), 'published', /missing date: write it as a quoted ISO date/);
  });

  it.concurrent("an empty quoted date (`published: ''`) is refused", async () => {
    // An empty string passes z.string(); the refine still calls it missing.
    await expectSchemaError(setPublished("''"), 'published', /missing date: write it as a quoted ISO date/);
  });

  it.concurrent('an instant without a UTC offset in `updated` is refused', async () => {
    await expectSchemaError(
      (f) => f.replace(ARTICLE, `${PUBLISHED}\n`, `${PUBLISHED}\nupdated: '2025-09-05T10:00:00'\n`),
      'updated',
      /"2025-09-05T10:00:00" has no UTC offset: .*a quoted ISO time with its UTC offset, such as '2025-09-04T14:30:00\+02:00'/,
    );
  });
});

describe('gallery (sync)', () => {
  it.concurrent('alt text equal to the caption is refused', async () => {
    await expectSchemaError(
      (f) =>
        f.replace(
          ARTICLE,
          'alt: Two ministers shaking hands in front of flags.',
          'alt: Ada Example (l) greets Ben Example in Paris.',
        ),
      'gallery[0].alt',
      /photo "ministers": the alt text repeats the caption: describe what the image shows/,
    );
  });

  it.concurrent('a remote URL as photo src is refused', async () => {
    await expectSchemaError(
      (f) => f.replace(ARTICLE, 'src: ./photo.jpg', 'src: https://example.com/photo.jpg'),
      'gallery[0].src',
      /"https:\/\/example\.com\/photo\.jpg" is not a local file: put the image in the article's folder and write '\.\/name\.jpg'/,
    );
  });

  it.concurrent('a missing image file is refused, naming the article and the field', async () => {
    const run = await runFixture('sync', (f) => f.remove('articles/sample-story/photo.jpg'));
    expectFailure(
      run,
      HEADER,
      /^content\/articles\/sample-story\/index\.md:\d+ {2}gallery\[0\]\.src {2}image file "\.\/photo\.jpg" not found \(expected content\/articles\/sample-story\/photo\.jpg\)/,
    );
  });

  it.concurrent(
    'a photo file that is not an image is refused, naming the article and the field',
    async () => {
      const run = await runFixture('sync', (f) => f.write('articles/sample-story/photo.jpg', 'not a JPEG'));
      expectFailure(
        run,
        HEADER,
        /^content\/articles\/sample-story\/index\.md:\d+ {2}gallery\[0\]\.src {2}"\.\/photo\.jpg" is not a JPEG image/,
      );
    },
  );
});
