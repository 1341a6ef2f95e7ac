/**
 * The MDX explainer blocks end to end: a fixture article using every block builds and renders
 * them from its own frontmatter; a block that refers to a photo, event or person the article does
 * not have (or cites a sentence, or quotes words, it does not contain) fails the build with the
 * file and line. The build prints no warning.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, removeCopy, runAstro, type AstroRun } from '../helpers/astro.ts';
import { readPage } from '../helpers/dist.ts';
import { textOf } from '../helpers/render.ts';
import { expectFailure, runAstroAsync } from './support.ts';

const FIXTURE = join(projectRoot, 'tests/fixtures/mdx');
const ARTICLE = 'articles/blocks-demo/index.mdx';

describe('an MDX article using every block', () => {
  let run: AstroRun;
  beforeAll(() => {
    run = runAstro('build', { content: FIXTURE });
  });
  afterAll(() => removeCopy(run.root));

  const page = () => readPage(run.distDir, 'articles/blocks-demo/index.html');

  it('builds', () => {
    expect(run.status, run.output).toBe(0);
  });

  it('builds without printing a warning', () => {
    // Astro's logger writes "[WARN]"; Vite's and Rolldown's warnings come through it
    // (astro.config.mjs drops the one Rolldown printed for every MDX entry).
    const warnings = run.output.split('\n').filter((line) => /\[WARN\]|\bwarn(ing)?\b/i.test(line));
    expect(warnings).toEqual([]);
  });

  it('renders KeyFacts with each figure linked to the sentence it comes from', () => {
    const facts = page().querySelectorAll('.key-facts li');
    expect(facts.map((fact) => textOf(fact.querySelector('.figure')))).toEqual(['12', '3']);
    expect(facts[0]!.querySelector('a')?.getAttribute('href')).toBe(
      '#:~:text=Ministers%20from%2012%20countries%20met%20in%20Paris',
    );
  });

  // Its words are in the text too ("...: “We have an agreement.”"), curly quotation marks and all.
  it('renders Quote with the speaker from the registry, role, occasion, date and outlet', () => {
    const quote = page().querySelector('figure.quote')!;
    expect(textOf(quote.querySelector('blockquote'))).toBe('We have an agreement.');
    expect(textOf(quote.querySelector('figcaption'))).toBe(
      'Ada Example, Foreign Minister of France, after the signing, September 4, 2025 (via Test Wire)',
    );
    expect(quote.querySelector('figcaption a')?.getAttribute('href')).toBe('/people/ada-example/');
  });

  it('renders Photo from the gallery with caption and credit, linking to its page', () => {
    const figure = page().querySelector('.prose figure.photo')!;
    expect(textOf(figure.querySelector('figcaption'))).toContain(
      'Ada Example (l) greets Ben Example in Paris.',
    );
    expect(textOf(figure.querySelector('figcaption'))).toContain('Test Photographer / Test Agency');
    expect(figure.querySelector('a')?.getAttribute('href')).toBe('/articles/blocks-demo/photos/ministers/');
  });

  it('renders TimelineExcerpt as the events from..to, without repeating the timeline anchors', () => {
    const excerpt = page().querySelector('.prose .excerpt')!;
    expect(excerpt.querySelectorAll('li.event h4, li.event h5').map((h) => textOf(h))).toEqual([
      'Talks begin',
      'Joint statement',
    ]);
    expect(excerpt.querySelectorAll('[id^="event-"]')).toHaveLength(0);
    expect(page().querySelectorAll('#event-talks-begin')).toHaveLength(1);
  });

  it('renders Known as the two lists', () => {
    const known = page().querySelector('.known')!;
    expect(textOf(known)).toMatch(
      /What we know.*Ministers met in Paris\..*What we don't know.*When the agreement takes effect\./,
    );
  });

  it('adds no JavaScript for the blocks', () => {
    const scripts = page().querySelectorAll('script:not([type="application/ld+json"])');
    // Only the page's own enhancements, each defining its one element; a block's script would be extra.
    const defined = scripts.map((script) =>
      [...script.textContent.matchAll(/customElements\.define\([`'"]([a-z-]+)/g)].map((match) => match[1]),
    );
    expect(defined.length).toBeGreaterThan(0);
    for (const elements of defined) {
      expect(elements).toHaveLength(1);
      expect(['mention-cards', 'photo-lightbox', 'share-button']).toContain(elements[0]);
    }
  });
});

/** A copy of the fixture with `edit` applied to the MDX article. */
function mutated(edit: (source: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-mdx-'));
  cpSync(FIXTURE, dir, { recursive: true });
  const file = join(dir, ARTICLE);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

const failures: [string, (source: string) => string, RegExp][] = [
  [
    'an unknown photo',
    (s) => s.replace('<Photo id="ministers" />', '<Photo id="nobody" />'),
    /index\.mdx:\d+ {2}body {2}<Photo id="nobody"> refers to an unknown photo "nobody": use one of the article's photos/,
  ],
  [
    'an unknown event',
    (s) => s.replace('to="joint-statement"', 'to="no-such-event"'),
    /index\.mdx:\d+ {2}body {2}<TimelineExcerpt to="no-such-event"> refers to an unknown event/,
  ],
  [
    'an unknown speaker',
    (s) => s.replace('speaker="ada-example"', 'speaker="carl-example"'),
    /index\.mdx:\d+ {2}body {2}<Quote speaker="carl-example"> refers to an unknown person/,
  ],
  [
    'a quote whose words the article does not contain',
    (s) => s.replace('  We have an agreement.', '  We have a deal.'),
    /index\.mdx:\d+ {2}body {2}<Quote> "We have a deal\.": the article's text does not contain these words: quote only words the text itself reports/,
  ],
  [
    'a quote with no words',
    (s) => s.replace('  We have an agreement.', ''),
    /index\.mdx:\d+ {2}body {2}<Quote> holds no words: write the quoted words/,
  ],
  [
    'a fact citing words the article does not contain',
    (s) => s.replace('cite="3 of them signed the agreement"', 'cite="4 of them signed"'),
    /index\.mdx:\d+ {2}body {2}<Fact cite="4 of them signed">: the article's text does not contain this sentence/,
  ],
  [
    'an unknown block',
    (s) => s.replace('<Photo id="ministers" />', '<Gallery />'),
    /index\.mdx:\d+ {2}body {2}<Gallery> is not a block: use one of KeyFacts/,
  ],
  [
    'an {expression}',
    (s) => s.replace('Ben Example left Paris the next day.', 'Ben Example left {1 + 1} days later.'),
    /index\.mdx:\d+ {2}body {2}\{expression\}: articles cannot run/,
  ],
  [
    'an attribute {expression}',
    (s) => s.replace('<Photo id="ministers" />', '<Photo id={"ministers"} />'),
    /index\.mdx:\d+ {2}body {2}<Photo id=\{\.\.\.\}>: attribute values cannot be \{expressions\}/,
  ],
];

describe('a block that refers to something the article does not hold', () => {
  for (const [name, edit, message] of failures) {
    it.concurrent(`fails the build for ${name}, naming file and line`, async () => {
      const run = await runAstroAsync('build', mutated(edit));
      expectFailure(run, message);
    });
  }
});
