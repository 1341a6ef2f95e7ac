/**
 * The time fields an editor writes (src/schema/schemas.ts): an event's `time`, `approximate` and
 * `timeOfDay`, and an article's `timeZone`, checked by `checkContent` (src/schema/content-check.ts)
 * on an in-memory copy of the minimal fixture. Each broken field gives one exact problem line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/schema/content-check.ts';
import { formatProblem } from '../../src/lib/problem.ts';
import { projectRoot } from '../helpers/astro.ts';

const MINIMAL = join(projectRoot, 'tests/fixtures/minimal');
const ARTICLE = 'articles/sample-story/index.md';
const FILE = `content/${ARTICLE}`;
/** The first event's date line in the fixture; the lines below it are that event's. */
const EVENT_DATE = "    date: '2025-09-01'\n";

/** The problem lines `checkContent` gives for the fixture with `edit` applied to its article. */
async function problems(edit: (text: string) => string): Promise<string[]> {
  const files = new Map<string, Uint8Array>();
  for (const path of readdirSync(MINIMAL, { recursive: true, encoding: 'utf8' })) {
    if (statSync(join(MINIMAL, path)).isFile())
      files.set(path.split('\\').join('/'), readFileSync(join(MINIMAL, path)));
  }
  const before = new TextDecoder().decode(files.get(ARTICLE)!);
  const after = edit(before);
  expect(after, 'the edit applies').not.toBe(before);
  files.set(ARTICLE, new TextEncoder().encode(after));
  const report = await checkContent({
    label: 'content',
    files: [...files.keys()].sort(),
    read: (path) => files.get(path)!,
    imageFile: (dir, src) =>
      files.has(posix.join(dir, src))
        ? undefined
        : { problem: `image file "${src}" not found`, fix: 'put it there' },
  });
  return report.problems.map(formatProblem);
}

/** The first event with `lines` added below its date. */
const event = (lines: string) => (text: string) => text.replace(EVENT_DATE, `${EVENT_DATE}${lines}`);
/** The second (undated, `after`) event with `lines` added below its `after`. */
const laterEvent = (lines: string) => (text: string) =>
  text.replace('    after: talks-begin\n', `    after: talks-begin\n${lines}`);

describe('event times', () => {
  it('accepts a time in its zone, approximate or not, and a part of the day', async () => {
    expect(await problems(event("    time: '18:40'\n    timeZone: Asia/Bangkok\n"))).toEqual([]);
    expect(
      await problems(event("    time: '18:40'\n    timeZone: Asia/Bangkok\n    approximate: true\n")),
    ).toEqual([]);
    expect(await problems(event('    timeOfDay: evening\n'))).toEqual([]);
    expect(await problems(laterEvent('    sameDay: true\n    timeOfDay: overnight\n'))).toEqual([]);
  });

  it('refuses "approximate" without a time', async () => {
    expect(await problems(event('    approximate: true\n'))).toEqual([
      `${FILE}:12  timeline[0].approximate  event "talks-begin": "approximate" qualifies a "time", and there is none: add the "time" the source gives, or remove "approximate" (a "timeOfDay" is vague already)`,
    ]);
  });

  it('refuses "timeOfDay" together with "time"', async () => {
    expect(
      await problems(event("    time: '18:40'\n    timeZone: Asia/Bangkok\n    timeOfDay: evening\n")),
    ).toEqual([
      `${FILE}:14  timeline[0].timeOfDay  event "talks-begin" has both "time" and "timeOfDay": keep "time" when the source gives the clock time, else "timeOfDay"`,
    ]);
  });

  it('refuses a part of the day it does not know, naming the ones it does', async () => {
    expect(await problems(event('    timeOfDay: dusk\n'))).toEqual([
      `${FILE}:12  timeline[0].timeOfDay  "dusk" is not a part of the day: use one of "morning", "afternoon", "evening", "night", "overnight", or give the clock "time"`,
    ]);
  });

  it('refuses "timeOfDay" without a day: a month, or "after" without "sameDay"', async () => {
    const fix = `write the date as 'YYYY-MM-DD' (or "after" with "sameDay: true"), or remove "timeOfDay"`;
    expect(
      await problems((text) =>
        event('    timeOfDay: morning\n')(text).replace(EVENT_DATE, "    date: '2025-09'\n"),
      ),
    ).toEqual([
      `${FILE}:12  timeline[0].timeOfDay  event "talks-begin": a "timeOfDay" needs a "date" with the day: ${fix}`,
    ]);
    expect(await problems(laterEvent('    timeOfDay: morning\n'))).toEqual([
      `${FILE}:19  timeline[1].timeOfDay  event "joint-statement": a "timeOfDay" needs a "date" with the day: ${fix}`,
    ]);
  });

  it('refuses a time that needs a day it does not have', async () => {
    expect(
      await problems((text) =>
        event("    time: '18:40'\n    timeZone: Asia/Bangkok\n")(text).replace(
          EVENT_DATE,
          "    date: '2025-09'\n",
        ),
      ),
    ).toEqual([
      `${FILE}:12  timeline[0].time  event "talks-begin": a "time" needs a "date" with the day: write the date as 'YYYY-MM-DD', or remove "time"`,
    ]);
  });

  it('refuses a clock time the zone skips that day (spring forward)', async () => {
    expect(
      await problems((text) =>
        event("    time: '01:30'\n    timeZone: Europe/London\n")(text).replace(
          EVENT_DATE,
          "    date: '2025-03-30'\n",
        ),
      ),
    ).toContainEqual(
      `${FILE}:12  timeline[0].time  event "talks-begin": 01:30 does not exist on 2025-03-30 in Europe/London (the clocks went forward): check the time and "timeZone" against the source`,
    );
  });
});

describe('article timeZone', () => {
  const zone = (value: string) => (text: string) =>
    text.replace('dateline: Paris\n', `dateline: Paris\ntimeZone: ${value}\n`);

  it('accepts an IANA zone', async () => {
    expect(await problems(zone('Asia/Bangkok'))).toEqual([]);
  });

  it('refuses a name that is not a zone, with an example', async () => {
    expect(await problems(zone('Bangkok'))).toEqual([
      `${FILE}:5  timeZone  unknown time zone "Bangkok": use an IANA name such as "Asia/Bangkok"`,
    ]);
    expect(await problems(zone('7'))).toEqual([
      `${FILE}:5  timeZone  is not a time zone name: use an IANA name such as "Asia/Bangkok"`,
    ]);
  });
});

describe('article lang (checked here with the other article-wide fields)', () => {
  const lang = (value: string) => (text: string) =>
    text.replace('dateline: Paris\n', `dateline: Paris\nlang: ${value}\n`);

  it('accepts a BCP 47 language tag', async () => {
    expect(await problems(lang('he'))).toEqual([]);
    expect(await problems(lang('pt-BR'))).toEqual([]);
  });

  it('refuses what is not one, with an example', async () => {
    expect(await problems(lang('Hebrew'))).toEqual([
      `${FILE}:5  lang  "Hebrew" is not a language tag: use a BCP 47 tag such as 'uk'`,
    ]);
  });
});
