/**
 * The `photo` schema on its own: what an editor can get wrong in one gallery entry, and the
 * message each mistake gets. Runs in the components project, where `astro:content` resolves.
 * (Whole fixture builds, such as a missing file or a remote URL, are in tests/content/.)
 */
import { describe, expect, it } from 'vitest';
import { reference } from 'astro:content';
import { photo } from '../../src/schema/schemas.ts';
import { splitMessage } from '../../src/lib/problem.ts';

/** As src/content.config.ts binds it, less `image()`, which needs a build: the path is kept. */
const schema = photo({ reference });

const VALID = {
  id: 'ministers',
  src: './photo.jpg',
  alt: 'Two ministers shaking hands in front of flags.',
  caption: 'Ada Example (l) greets Ben Example in Paris.',
  credit: 'Test Photographer / Test Agency',
  rights: 'Made for the test suite.',
  placeholder: false,
};

/** "path: problem: fix" for every issue. */
function problems(input: Record<string, unknown>): string[] {
  const result = schema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => {
        const { problem, fix } = splitMessage(issue.message);
        return `${issue.path.join('.')}: ${problem}${fix ? `: ${fix}` : ''}`;
      });
}

describe('the photo schema', () => {
  it('accepts a complete photo and fills in the optional people', () => {
    const result = schema.parse({ ...VALID, people: ['ada-example'] });
    expect(result.people).toEqual([{ id: 'ada-example', collection: 'people' }]);
    expect(schema.parse(VALID).people).toEqual([]);
  });

  it.each(['id', 'src', 'alt', 'caption', 'credit', 'rights', 'placeholder'])('requires %s', (field) => {
    const rest = Object.fromEntries(Object.entries(VALID).filter(([key]) => key !== field));
    expect(problems(rest).some((line) => line.startsWith(`${field}:`))).toBe(true);
  });

  it.each(['alt', 'caption', 'credit', 'rights'])('refuses an empty or blank %s', (field) => {
    expect(problems({ ...VALID, [field]: '   ' })).toEqual([
      `${field}: is empty: write it, or remove the field if it is optional`,
    ]);
  });

  it('refuses alt text that repeats the caption, even with different spacing', () => {
    expect(problems({ ...VALID, alt: `  ${VALID.caption} ` })).toEqual([
      'alt: photo "ministers": the alt text repeats the caption: describe what the image shows',
    ]);
  });

  it('refuses a placeholder whose alt text does not say it is one', () => {
    expect(problems({ ...VALID, placeholder: true })).toEqual([
      'alt: photo "ministers" is a placeholder, but its alt text does not say it is one: add that, e.g. "Placeholder: two leaders shaking hands"',
    ]);
    expect(
      problems({ ...VALID, placeholder: true, alt: 'Placeholder image standing in for a handshake.' }),
    ).toEqual([]);
  });

  it.each([
    'https://example.com/photo.jpg',
    '//cdn.example.com/photo.jpg',
    '/photo.jpg',
    'photo.jpg',
    'data:image/png;base64,AA',
  ])('refuses %s as not a local file', (src) => {
    expect(problems({ ...VALID, src })).toContainEqual(
      expect.stringMatching(/^src: ".*" is not a local file: put the image in the article's folder/),
    );
  });

  it.each(['./photo.svg', './notes.txt', './photo'])(
    'refuses %s as not an image file the site reads',
    (src) => {
      expect(problems({ ...VALID, src })).toEqual([
        `src: "${src}" is not an image file the site can read: use a .jpg, .png, .webp, .avif, .gif or .tif file`,
      ]);
    },
  );

  it('accepts a file in a folder next to the article', () => {
    expect(problems({ ...VALID, src: '../shared/photo.jpg' })).toEqual([]);
  });

  it('refuses an id that cannot be a URL segment', () => {
    expect(problems({ ...VALID, id: 'Ministers Meet' })).toEqual([
      'id: "Ministers Meet" is not an id: use lower-case letters, digits and hyphens, e.g. "paris-meeting"',
    ]);
  });

  it('refuses unknown keys, so a typo does not vanish', () => {
    expect(problems({ ...VALID, captoin: 'typo' })).toEqual([
      ': unknown field "captoin": check its spelling, or remove it',
    ]);
  });

  it('refuses a placeholder flag that is not a boolean', () => {
    expect(problems({ ...VALID, placeholder: 'yes' })).toHaveLength(1);
  });
});
