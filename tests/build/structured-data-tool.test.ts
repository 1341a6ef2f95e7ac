/**
 * Link previews and structured data as a validator nobody here wrote reads them:
 * structured-data-testing-tool (npm) with its Google, Facebook and Twitter presets, over every
 * home, article, article timeline, event, photo, person and story page of the build. Each preset's
 * checks must all pass.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sdtt from 'structured-data-testing-tool';
import presets from 'structured-data-testing-tool/presets.js';
import { describe, expect, inject, it } from 'vitest';
import { htmlFiles } from '../helpers/dist.ts';

const distDir = inject('distDir');
const PAGE_TYPES: Record<string, RegExp> = {
  home: /^index\.html$/,
  article: /^articles\/[^/]+\/index\.html$/,
  'article timeline': /^articles\/[^/]+\/timeline\/index\.html$/,
  event: /^articles\/[^/]+\/timeline\/[^/]+\/index\.html$/,
  photo: /^articles\/[^/]+\/photos\/[^/]+\/index\.html$/,
  person: /^people\/[^/]+\/index\.html$/,
  story: /^stories\/[^/]+\/index\.html$/,
};
const files = htmlFiles(distDir);
const cases = Object.entries(PAGE_TYPES).flatMap(([type, pattern]) =>
  files.filter((file) => pattern.test(file)).map((file) => [type, file] as const),
);

interface Test {
  group?: string;
  description: string;
  error?: { message?: string };
}
interface Result {
  passed: Test[];
  failed: Test[];
}

/** The tool's verdict: it rejects with `type: 'VALIDATION_FAILED'` and the result when a check fails. */
async function validate(html: string): Promise<Result> {
  try {
    return (await sdtt.structuredDataTest(html, {
      presets: [presets.Google, presets.Facebook, presets.Twitter],
    })) as Result;
  } catch (error) {
    const failure = error as { type?: string; res?: Result };
    if (failure.type === 'VALIDATION_FAILED' && failure.res) return failure.res;
    throw error;
  }
}

describe('structured-data-testing-tool, Google, Facebook and Twitter presets', () => {
  it('has every page type to check', () => {
    for (const type of ['home', 'article', 'event', 'photo', 'person'])
      expect(
        cases.some(([each]) => each === type),
        type,
      ).toBe(true);
  });

  it.each(cases)('the %s page %s passes every check', async (_type, file) => {
    const result = await validate(readFileSync(join(distDir, file), 'utf8'));
    const failed = result.failed.map(
      (test) => `${test.group}: ${test.description} (${test.error?.message ?? ''})`,
    );
    expect(failed).toEqual([]);
    // Each preset ran: the Twitter card's checks and Facebook's Open Graph checks among them.
    const groups = result.passed.map((test) => test.group ?? '');
    for (const preset of ['Twitter', 'Facebook'])
      expect(
        groups.some((group) => group.includes(preset)),
        preset,
      ).toBe(true);
  });
});
