/**
 * The content model: every schema, documented field by field (the JSDoc is the editor's
 * documentation), and the type source for the rest of the code (`z.infer`, `CollectionEntry`).
 *
 * Importable from plain Node (it needs only `astro/zod`), so the content rules
 * (src/schema/content-check.ts) validate with the very schemas the build uses. Every message carries
 * its fix (`said()` in src/lib/problem.ts). Schemas that point at other entries or at image files
 * are factories taking {@link SchemaHelpers}: `src/content.config.ts` passes Astro's `reference()`,
 * the content rules pass checks of registered ids and of files on disk
 * (src/schema/content-check-schemas.ts). Rules across fields and entries live in
 * src/schema/content-rules.ts.
 */
import type { ImageMetadata } from 'astro';
import type { reference, SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import { plainWords, textProblem } from '../lib/clean-text.ts';
import { isTimeZone, isWhen, localInstants, parseWhen, TIMES_OF_DAY } from '../lib/dates.ts';
import { PHOTO_FILE, PHOTO_TYPES_FIX } from '../lib/photos.ts';
import { quoted, said } from '../lib/problem.ts';
import { SLUG } from '../lib/slug.ts';
import { isLanguageTag } from '../lib/text-direction.ts';
import { limits } from '../site.ts';

/** What the schema factories take from the content layer. */
export interface SchemaHelpers {
  /** Astro's `reference('people')`: an id in the file, `{ collection, id }` in the data. */
  reference: typeof reference;
  /**
   * Why a photo path (already local, with an image extension) names no usable file inside
   * `content/`, or undefined when it does: the content rules pass the check of the files on disk.
   * Astro's own collections pass none: the rules have run before Astro reads an entry.
   */
  photoFile?: ((src: string) => { problem: string; fix: string } | undefined) | undefined;
  /**
   * Astro's `image()`: a photo path, once checked, becomes the image's metadata (its URL, pixel
   * size and format) for astro:assets. The content rules, in plain Node, pass none and keep the path.
   */
  image?: SchemaContext['image'] | undefined;
}

/** Letters and digits only, lower case: "Ada (l) greets Ben." and "ada l greets ben" read the same. */
function sameWords(a: string, b: string): boolean {
  return plainWords(a) === plainWords(b);
}

/**
 * Cross-field rules run even when another field of the entry failed (Zod skips them otherwise),
 * so an editor sees every problem at once. The rules must then cope with any value.
 */
const evenWithOtherProblems = {
  when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null,
};

const DATE_HELP =
  "write it as a quoted ISO date such as '2025-09-04' (or '2025-09' / '2025' when only the month or year is known)";
const INSTANT_HELP = "write it as a quoted ISO time with its UTC offset, such as '2025-09-04T14:30:00+02:00'";

/** The message shown when a date is missing, unquoted or not a string. */
function dateError(help: string) {
  return (issue: { input?: unknown }) =>
    issue.input instanceof Date
      ? said('unquoted date: YAML turns it into a timestamp at UTC midnight', help)
      : issue.input === undefined || issue.input === null
        ? said('missing date', help)
        : said('not a date', help);
}

/** Why a date string is refused, in the editor's terms. */
function badDate(input: unknown, help: string): string {
  const value = String(input);
  if (value.trim() === '') return said('missing date', help);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value))
    return said(`"${value}" has no UTC offset`, help);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return said(`"${value}" is not a real calendar date`, help);
  return said(`${quoted(value)} is not a date`, help);
}

/** A calendar date at the precision the source gives: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. */
export const calendarDate = z
  .string({ error: dateError(DATE_HELP) })
  .refine((value) => isWhen(value) && parseWhen(value).precision !== 'instant', {
    error: (issue) => badDate(issue.input, DATE_HELP),
  });

/** An instant with an explicit UTC offset ('Z' or '+02:00'). */
export const instant = z
  .string({ error: dateError(INSTANT_HELP) })
  .refine((value) => isWhen(value) && parseWhen(value).precision === 'instant', {
    error: (issue) => badDate(issue.input, INSTANT_HELP),
  });

/** A calendar date or an instant: pages show exactly the precision given. */
export const dateOrInstant = z
  .string({ error: dateError(`${DATE_HELP}, or ${INSTANT_HELP}`) })
  .refine(isWhen, {
    error: (issue) => badDate(issue.input, `${DATE_HELP}, or ${INSTANT_HELP}`),
  });

/** A BCP 47 language tag, e.g. 'uk', 'he' or 'zh-Hant'. */
const languageTag = z.string().refine(isLanguageTag, {
  error: (issue) =>
    said(`${quoted(String(issue.input))} is not a language tag`, "use a BCP 47 tag such as 'uk'"),
});

/** A 24-hour clock time, 'HH:MM'. */
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** An IANA time zone name, e.g. 'Asia/Bangkok'. */
const timeZoneName = z
  .string({ error: said('is not a time zone name', 'use an IANA name such as "Asia/Bangkok"') })
  .refine(isTimeZone, {
    error: (issue) =>
      said(`unknown time zone ${quoted(issue.input)}`, 'use an IANA name such as "Asia/Bangkok"'),
  });

/** A strict object: an unknown key (a typo) fails with its name instead of vanishing. */
function fields<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? said(
            `unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')}`,
            'check its spelling, or remove it',
          )
        : undefined,
  });
}

/** Lower-case kebab-case identifier, used in URLs. */
export const slugId = z.string().regex(new RegExp(`^${SLUG}$`), {
  error: (issue) =>
    said(
      `${quoted(issue.input)} is not an id`,
      'use lower-case letters, digits and hyphens, e.g. "paris-meeting"',
    ),
});

/**
 * Text shown to readers: never empty, at most `max` characters, and no character a reader
 * cannot see (control, zero-width, bidi, U+FFFD; src/lib/clean-text.ts).
 */
function text(max: number = limits.label, why = `at most ${max} are allowed`) {
  return z
    .string()
    .trim()
    .min(1, { error: said('is empty', 'write it, or remove the field if it is optional') })
    .superRefine((value, ctx) => {
      const length = [...value].length;
      if (length > max) {
        ctx.addIssue({
          code: 'custom',
          message: said(`is ${length} characters; ${why}`, `shorten it to ${max} or fewer`),
        });
      }
      const unclean = textProblem(value);
      if (unclean) ctx.addIssue({ code: 'custom', message: said(unclean.problem, unclean.fix) });
    });
}

const httpsUrl = z.url({
  protocol: /^https$/,
  error: (issue) => said(`${quoted(issue.input)} is not an https:// address`, 'copy the full https:// link'),
});

/** Who a claim comes from, and how firmly. */
export const claimSource = fields({
  /** The outlet, institution or person, as the article names it: "Reuters", "the Elysee Palace". */
  name: text(),
  /** Link to the original, when there is one. */
  url: httpsUrl.optional(),
  /** `said` (a statement by the person or body), `reported` (by an outlet), `confirmed` (officially). */
  kind: z.enum(['said', 'reported', 'confirmed']),
});

/** One event of an article's timeline. Give `date`, or `after` for events the source does not date. */
export const timelineEvent = ({ reference }: Pick<SchemaHelpers, 'reference'>) =>
  fields({
    /** Stable id, unique within the article; used in links (`#event-<id>`). Never change it once published. */
    id: slugId,
    /** When it happened, only as precisely as the source says: '2025', '2025-08' or '2025-08-18'. */
    date: calendarDate.optional(),
    /** For events the source does not date ("later"): the id of the event this one follows. */
    after: slugId.optional(),
    /** With `after`: the source places it later on the same day as that event ("later in the day"). */
    sameDay: z.boolean().default(false),
    /**
     * Local clock time 'HH:MM' (24-hour), only when the source gives one; requires `timeZone` and a
     * `date` with the day. Pages show it as readers expect: '18:40' in 'Asia/Bangkok' reads
     * "6:40 p.m. Bangkok time", with the offset in the `datetime`.
     */
    time: z
      .string()
      .regex(CLOCK_TIME, {
        error: (issue) => said(`${quoted(issue.input)} is not a clock time`, "write it as 'HH:MM', 24-hour"),
      })
      .optional(),
    /** IANA time zone of `time`, e.g. 'Europe/Paris'. */
    timeZone: z.string().optional(),
    /** With `time`: the source gives it as approximate ("about 6:40 p.m."). */
    approximate: z.boolean().default(false),
    /**
     * A part of the day, when the source gives no clock time: 'morning', 'afternoon', 'evening',
     * 'night' or 'overnight' ("September 4, 2025, in the evening"). Needs a `date` with the day
     * (or `sameDay`); not with `time`. The day is the one the source gives; nothing more is shown.
     */
    timeOfDay: z
      .enum(TIMES_OF_DAY, {
        error: (issue) =>
          said(
            `${quoted(issue.input)} is not a part of the day`,
            `use one of ${TIMES_OF_DAY.map((part) => `"${part}"`).join(', ')}, or give the clock "time"`,
          ),
      })
      .optional(),
    /** The event was announced for the future and had not happened at publication. */
    planned: z.boolean().default(false),
    /** The article's main event: highlighted, and the reference point for "17 days before". At most one. */
    main: z.boolean().default(false),
    /** Short headline for the event. */
    title: text(),
    /** One or two sentences of Markdown, in the article's words. */
    body: text(limits.shortText),
    /** Where it happened, as the source names it. */
    place: text().optional(),
    /**
     * The registered place where it happened (id of `content/places/<id>.yaml`): links the event
     * to the place's page. Shown as `place` when that is given (the source's words), else as the
     * place's name. A field of its own, so a mistyped id fails instead of showing as text.
     */
    placeId: reference('places').optional(),
    /** People involved (ids of `content/people/*.yaml`). */
    people: z.array(reference('people')).default([]),
    /** Organisations involved (ids of `content/organisations/*.yaml`). */
    organisations: z.array(reference('organisations')).default([]),
    /** Countries involved (ids of `content/countries.yaml`). */
    countries: z.array(reference('countries')).default([]),
    /** Who the claim comes from; omit when the article states it on its own authority. */
    source: claimSource.optional(),
  }).superRefine((event, ctx) => {
    const id = typeof event.id === 'string' ? event.id : '?';
    if (event.date === undefined && event.after === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: said(
          `event "${id}" needs a "date" or an "after"`,
          'add the date the source gives, or "after: <id>" for an event it does not date',
        ),
      });
    }
    if (event.date !== undefined && event.after !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['after'],
        message: said(`event "${id}" has both "date" and "after"`, 'keep one'),
      });
    }
    if (event.sameDay === true && event.after === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['sameDay'],
        message: said(`event "${id}": "sameDay" needs "after"`, 'add "after: <id>", or remove "sameDay"'),
      });
    }
    if ((event.time === undefined) !== (event.timeZone === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['timeZone'],
        message: said(
          `event "${id}": "time" and "timeZone" go together`,
          'add the missing one, or remove "time"',
        ),
      });
    }
    // A date that is not valid is reported on its own; only a valid one is checked for its day.
    if (
      event.time !== undefined &&
      (event.date === undefined || (isWhen(event.date) && parseWhen(event.date).precision !== 'day'))
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['time'],
        message: said(
          `event "${id}": a "time" needs a "date" with the day`,
          'write the date as \'YYYY-MM-DD\', or remove "time"',
        ),
      });
    }
    if (typeof event.timeZone === 'string' && !isTimeZone(event.timeZone)) {
      ctx.addIssue({
        code: 'custom',
        path: ['timeZone'],
        message: said(
          `event "${id}": unknown time zone "${event.timeZone}"`,
          'use an IANA name such as "Europe/Paris"',
        ),
      });
    } else if (
      typeof event.time === 'string' &&
      CLOCK_TIME.test(event.time) &&
      typeof event.timeZone === 'string' &&
      typeof event.date === 'string' &&
      isWhen(event.date) &&
      parseWhen(event.date).precision === 'day' &&
      localInstants(event.date, event.time, event.timeZone).length === 0
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['time'],
        message: said(
          `event "${id}": ${event.time} does not exist on ${event.date} in ${event.timeZone} (the clocks went forward)`,
          'check the time and "timeZone" against the source',
        ),
      });
    }
    if (event.approximate === true && event.time === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['approximate'],
        message: said(
          `event "${id}": "approximate" qualifies a "time", and there is none`,
          'add the "time" the source gives, or remove "approximate" (a "timeOfDay" is vague already)',
        ),
      });
    }
    if (event.timeOfDay !== undefined && event.time !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['timeOfDay'],
        message: said(
          `event "${id}" has both "time" and "timeOfDay"`,
          'keep "time" when the source gives the clock time, else "timeOfDay"',
        ),
      });
    } else if (
      event.timeOfDay !== undefined &&
      (event.date === undefined
        ? event.after !== undefined && event.sameDay !== true
        : isWhen(event.date) && parseWhen(event.date).precision !== 'day')
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['timeOfDay'],
        message: said(
          `event "${id}": a "timeOfDay" needs a "date" with the day`,
          'write the date as \'YYYY-MM-DD\' (or "after" with "sameDay: true"), or remove "timeOfDay"',
        ),
      });
    }
  }, evenWithOtherProblems);

/** A photo's path: local, of a type the site reads, and (with `photoFile`) a usable file. */
function photoPath(photoFile: SchemaHelpers['photoFile']) {
  return z.string().superRefine((path, ctx) => {
    const found =
      !path.startsWith('./') && !path.startsWith('../')
        ? {
            problem: `${quoted(path)} is not a local file`,
            fix: "put the image in the article's folder and write './name.jpg'",
          }
        : !PHOTO_FILE.test(path)
          ? {
              problem: `${quoted(path)} is not an image file the site can read`,
              fix: PHOTO_TYPES_FIX,
            }
          : photoFile?.(path);
    if (found) ctx.addIssue({ code: 'custom', input: path, message: said(found.problem, found.fix) });
  });
}

/** One photo of an article's gallery; the first is the lead image. */
export const photo = ({ photoFile, image, reference }: SchemaHelpers) =>
  fields({
    /** Stable id, unique within the article; used in links. */
    id: slugId,
    /**
     * Image file beside the article, e.g. './macron-zelensky.jpg': JPEG, PNG, WebP or AVIF.
     * Remote URLs are refused. The site publishes it in up to four widths as WebP.
     */
    src: image
      ? photoPath(photoFile).pipe(image() as unknown as z.ZodType<ImageMetadata, string>)
      : photoPath(photoFile),
    /** What the image shows, for readers who cannot see it. Not the caption. */
    alt: text(limits.shortText),
    /** The caption, verbatim from the source. */
    caption: text(limits.shortText),
    /** Photographer and agency exactly as written, e.g. 'Ludovic Marin / POOL / AFP'. */
    credit: text(),
    /** Rights or licence note. */
    rights: text(),
    /** People shown in the photo. */
    people: z.array(reference('people')).default([]),
    /** True when the file is a stand-in made here for a photo we hold no licence for. */
    placeholder: z.boolean(),
  }).superRefine((entry, ctx) => {
    const id = typeof entry.id === 'string' ? entry.id : '?';
    const alt = typeof entry.alt === 'string' ? entry.alt : undefined;
    if (alt !== undefined && typeof entry.caption === 'string' && sameWords(alt, entry.caption)) {
      ctx.addIssue({
        code: 'custom',
        path: ['alt'],
        message: said(`photo "${id}": the alt text repeats the caption`, 'describe what the image shows'),
      });
    }
    if (entry.placeholder === true && alt !== undefined && !/placeholder/i.test(alt)) {
      ctx.addIssue({
        code: 'custom',
        path: ['alt'],
        message: said(
          `photo "${id}" is a placeholder, but its alt text does not say it is one`,
          'add that, e.g. "Placeholder: two leaders shaking hands"',
        ),
      });
    }
  }, evenWithOtherProblems);

/** A publication the report cites. */
export const citedSource = fields({
  /** Name as the article writes it: 'Suspilne', 'Reuters', 'the Elysee Palace'. */
  name: text(),
  /** How the article describes it, e.g. 'Ukrainian outlet'. */
  description: text().optional(),
  /** Link to the original, when there is one. */
  url: httpsUrl.optional(),
});

/** A note to readers about a change made after publication; the page lists them with their times. */
export const articleUpdate = fields({
  /** When the change was published: an instant with its UTC offset, e.g. '2025-09-05T08:00:00+01:00'. */
  time: instant,
  /** `update` (new information added) or `correction` (an error fixed; marked "Correction" on the page). */
  kind: z.enum(['update', 'correction'], {
    error: (issue) =>
      said(
        `${quoted(issue.input)} is not a kind of update`,
        'use "update" (new information) or "correction" (an error fixed)',
      ),
  }),
  /** What changed, in a sentence or two of Markdown; a correction says what was wrong. */
  text: text(limits.shortText),
});

/** An article: `content/articles/<slug>/index.md` (or `.mdx`). */
export const article = (helpers: SchemaHelpers) =>
  fields({
    /** Headline: at most 70 characters, what search results and link previews show. */
    title: text(limits.title, `search results and link previews show about ${limits.title}`),
    /** One-sentence summary shown under the headline and in link previews: at most 200 characters. */
    dek: text(limits.dek, `link previews show about ${limits.dek}`),
    /**
     * Language of the article's own text (title, dek, body, captions, events, updates) when it is
     * not the site's, as a BCP 47 tag, e.g. 'he' or 'pt-BR'. Pages mark that text with it and
     * with its direction (right to left for Hebrew, Arabic, ...); the site's labels stay as they are.
     */
    lang: languageTag.optional(),
    /** Place the story is reported from, e.g. 'Paris'. */
    dateline: text(),
    /**
     * The registered place the story is reported from (id of `content/places/<id>.yaml`), e.g.
     * `paris`: links the dateline to the place's page. `dateline` stays the text shown.
     */
    datelineId: helpers.reference('places').optional(),
    /**
     * IANA zone in which readers are shown the article's times (`published`, `updated`,
     * `updates`), e.g. 'Asia/Bangkok' for a story from Bangkok; omit for the newsroom's zone
     * (`site.timeZone` in src/site.ts). Event times keep their own `timeZone`.
     */
    timeZone: timeZoneName.optional(),
    /** Who wrote it. */
    byline: text(),
    /**
     * The story this article follows, if any (id of `content/stories/<id>.yaml`): the article links
     * to the story and to the story's previous and next articles.
     */
    story: helpers.reference('stories').optional(),
    /** First publication: a calendar date or an instant with offset. */
    published: dateOrInstant,
    /** Last silent refresh (no note to readers), same format; must not be before `published`. */
    updated: dateOrInstant.optional(),
    /** Updates and corrections shown on the article; the latest also becomes its modified time. */
    updates: z
      .array(articleUpdate)
      .max(limits.updates, { error: tooMany('updates', limits.updates) })
      .default([]),
    /** Publications and institutions the report cites. */
    sources: z.array(citedSource).default([]),
    /** People in the story, in order of appearance. */
    people: z.array(helpers.reference('people')).default([]),
    /** Organisations in the story (ids of `content/organisations/*.yaml`), in order of appearance. */
    organisations: z.array(helpers.reference('organisations')).default([]),
    /** Countries in the story. */
    countries: z.array(helpers.reference('countries')).default([]),
    /** The events behind the story. */
    timeline: z
      .array(timelineEvent(helpers))
      .max(limits.events, { error: tooMany('events', limits.events) })
      .default([]),
    /** Photos; the first is the lead image. */
    gallery: z
      .array(photo(helpers))
      .max(limits.photos, { error: tooMany('photos', limits.photos) })
      .default([]),
    /** A draft shows in `npm run dev` with a "Draft" marker and never in a production build. */
    draft: z.boolean().default(false),
    /** Ids of people, organisations or countries whose mentions in the text should not be linked. */
    unlinked: z.array(slugId).default([]),
  });

function tooMany(what: string, max: number) {
  return (issue: { input?: unknown }) =>
    said(
      `has ${Array.isArray(issue.input) ? issue.input.length : 'too many'} ${what}; one article holds at most ${max}`,
      'keep the ones the story needs, or split it into several articles',
    );
}

/** A role held from one date until another (or until now), or held on the article's date. */
export const role = fields({
  /** Title as readers know it: 'President of Ukraine'. */
  title: text(),
  /**
   * First day in the role. Leave it out when the report does not say: the role then counts as
   * held on the date of every article up to its `until`, and pages show no "since" date.
   */
  from: calendarDate.optional(),
  /** Last day in the role; omit while it is held. */
  until: calendarDate.optional(),
});

/** A person: `content/people/<id>.yaml`. */
export const person = ({ reference }: Pick<SchemaHelpers, 'reference'>) =>
  fields({
    /** Name as the site writes it in English: 'Volodymyr Zelensky'. */
    name: text(),
    /**
     * Honorific or rank written before the name where the person is named in full (cards, who's
     * who, their page), as the report gives it: 'Pol. Gen.', 'Dr.'. Not part of `name` or `aliases`.
     */
    honorific: text().optional(),
    /** Name in the person's own script, when it differs. */
    nativeName: fields({
      /** The name, e.g. 'Володимир Зеленський'. */
      text: text(),
      /** BCP 47 language tag, e.g. 'uk' or 'ru'. */
      lang: languageTag,
    }).optional(),
    /**
     * Roles over time, or none (the person is then shown by name and country). Pages show every
     * role held on the article's date, in the order written here.
     */
    roles: z
      .array(
        role.extend({
          /**
           * The organisation the role is held in (id of `content/organisations/<id>.yaml`), e.g.
           * `nato` for 'Secretary General of NATO': pages link it with the role, and add its name
           * when the title does not already say it ('Secretary General, NATO').
           */
          organisation: reference('organisations').optional(),
        }),
      )
      .default([]),
    /** Country the person represents (id in `content/countries.yaml`). */
    country: reference('countries'),
    /** Other ways the text names the person: 'Zelensky'. */
    aliases: z.array(text()).default([]),
  });

/** One entry of `content/countries.yaml`. */
export const country = fields({
  /** ISO 3166-1 alpha-2 code, lower case: 'ua'. */
  id: z.string().regex(/^[a-z]{2}$/, {
    error: (issue) =>
      said(
        `${quoted(issue.input)} is not a country code`,
        "use the ISO 3166-1 alpha-2 code in lower case, e.g. 'ua'",
      ),
  }),
  /** Current English short name: 'United Kingdom'. */
  name: text(),
  /** Other ways the text names the country: 'U.K.'. */
  aliases: z.array(text()).default([]),
  /** Earlier names, each used for articles dated up to its `until`. */
  formerNames: z.array(fields({ name: text(), until: calendarDate })).default([]),
});

/** What an organisation is, for its page and its structured data. */
const ORGANISATION_KINDS = [
  'government',
  'ministry',
  'agency',
  'intergovernmental',
  'company',
  'party',
  'military',
  'media',
  'ngo',
  'other',
] as const;

/** An organisation: `content/organisations/<id>.yaml`. */
export const organisation = ({ reference }: Pick<SchemaHelpers, 'reference'>) =>
  fields({
    /** Name as the site writes it in English: 'Elysee Palace', 'State Audit Office'. */
    name: text(),
    /** The short form readers know, shown where space is short and matched in the text: 'NATO'. */
    shortName: text().optional(),
    /** Other ways the text names it: 'Kremlin' for 'the Kremlin'. */
    aliases: z.array(text()).default([]),
    /**
     * What it is: 'government' (a head of state's or government's office: the Elysee Palace),
     * 'ministry', 'agency', 'intergovernmental' (NATO, the UN), 'company', 'party', 'military',
     * 'media', 'ngo' or 'other'.
     */
    kind: z.enum(ORGANISATION_KINDS, {
      error: (issue) =>
        said(
          `${quoted(issue.input)} is not a kind of organisation`,
          `use one of ${ORGANISATION_KINDS.map((kind) => `"${kind}"`).join(', ')}`,
        ),
    }),
    /** The country it belongs to (id in `content/countries.yaml`); omit for an international body. */
    country: reference('countries').optional(),
  });

/** Where a story stands. */
const STORY_STATUSES = ['developing', 'concluded'] as const;

/** A story that several articles follow: `content/stories/<id>.yaml`. */
export const story = ({ reference }: Pick<SchemaHelpers, 'reference'>) =>
  fields({
    /** The story's name as readers follow it: at most 70 characters, e.g. 'Security guarantees for Ukraine'. */
    title: text(limits.title, `search results and link previews show about ${limits.title}`),
    /** What the story is about, in one or two sentences its articles' sources support: at most 1,000 characters. */
    summary: text(limits.shortText),
    /** BCP 47 language of the title and summary when it is not the site's, e.g. 'th'. */
    lang: languageTag.optional(),
    /** 'developing' while articles may still follow, 'concluded' once the story is over. */
    status: z.enum(STORY_STATUSES, {
      error: (issue) =>
        said(`${quoted(issue.input)} is not a story status`, 'use "developing" or "concluded"'),
    }),
    /** People at the heart of the story (its articles add theirs). */
    people: z.array(reference('people')).default([]),
    /** Organisations at the heart of the story. */
    organisations: z.array(reference('organisations')).default([]),
    /** Countries at the heart of the story. */
    countries: z.array(reference('countries')).default([]),
  });

/** What a place is. */
const PLACE_KINDS = ['city', 'district', 'building', 'site', 'region', 'other'] as const;

/** A place below country level: `content/places/<id>.yaml`. */
export const place = ({ reference }: Pick<SchemaHelpers, 'reference'>) =>
  fields({
    /** Name as the site writes it in English: 'Kyiv', 'Bangkok City Hall'. */
    name: text(),
    /** Other ways the source names it: 'Chatuchak District'. */
    aliases: z.array(text()).default([]),
    /** 'city', 'district', 'building', 'site', 'region' or 'other'. */
    kind: z.enum(PLACE_KINDS, {
      error: (issue) =>
        said(
          `${quoted(issue.input)} is not a kind of place`,
          `use one of ${PLACE_KINDS.map((kind) => `"${kind}"`).join(', ')}`,
        ),
    }),
    /** The country it is in (id in `content/countries.yaml`). */
    country: reference('countries'),
    /** Latitude in degrees, north positive (WGS 84): 50.45. Give it with `lon`. */
    lat: z
      .number({ error: said('is not a number', 'write the latitude in degrees, e.g. 50.45') })
      .min(-90, { error: said('is below -90', 'write the latitude in degrees, -90 to 90') })
      .max(90, { error: said('is above 90', 'write the latitude in degrees, -90 to 90') })
      .optional(),
    /** Longitude in degrees, east positive (WGS 84): 30.52. Give it with `lat`. */
    lon: z
      .number({ error: said('is not a number', 'write the longitude in degrees, e.g. 30.52') })
      .min(-180, { error: said('is below -180', 'write the longitude in degrees, -180 to 180') })
      .max(180, { error: said('is above 180', 'write the longitude in degrees, -180 to 180') })
      .optional(),
    /** IANA time zone of the place, e.g. 'Europe/Kyiv'. */
    timeZone: timeZoneName.optional(),
  }).superRefine((entry, ctx) => {
    if ((entry.lat === undefined) !== (entry.lon === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [entry.lat === undefined ? 'lon' : 'lat'],
        message: said('"lat" and "lon" go together', 'add the missing one, or remove both'),
      });
    }
  }, evenWithOtherProblems);
