/**
 * The article `npm run new` writes: every frontmatter field present, each with a valid example or
 * a "TODO" placeholder, so the draft builds at once and shows every part of the page (timeline,
 * gallery with a placeholder photo) in `npm run dev`. `npm run check:content` lists the TODOs as
 * warnings, and refuses them once `draft: true` is removed. It is MDX (`index.mdx`), so the
 * explainer blocks work from the start; the text holds no `<` or `{`, which MDX would read as
 * code. Pure text: the CLI does the writing.
 */

export interface TemplateInput {
  headline: string;
  /** Today in the newsroom's zone, 'YYYY-MM-DD'. */
  today: string;
  /** File name of the placeholder photo beside the article. */
  photo: string;
}

/** A YAML single-quoted scalar: any text, nothing interpreted (no dates, no booleans). */
export function quoted(value: string): string {
  return `'${value.replace(/\s+/g, ' ').trim().replace(/'/g, "''")}'`;
}

export function articleTemplate({ headline, today, photo }: TemplateInput): string {
  return `---
# Made by \`npm run new\`. Replace every TODO (\`npm run check:content\` lists what is left), then
# remove \`draft: true\` to publish. Every field is described in docs/fields.md.
title: ${quoted(headline)}
dek: 'TODO: one sentence shown under the headline and in link previews (200 characters at most)'
# lang: he # the language of the article's text, when it is not the site's (a BCP 47 tag)
dateline: 'TODO: the city the story is reported from' # times show in the newsroom's zone, or add e.g. "timeZone: Asia/Bangkok"
# datelineId: paris # the dateline's registered place (content/places/<id>.yaml): linked, and its zone is the article's
byline: Backstory staff
# story: ukraine-security-guarantees # the story this article follows (content/stories/<id>.yaml)
published: '${today}'
# updated: '${today}T18:00:00+01:00' # a silent refresh; notes to readers go in "updates"
draft: true
sources:
  - name: 'TODO: an outlet or institution the report cites'
    description: 'TODO: how the article describes it, e.g. Ukrainian outlet'
    # url: https://... (the original, when there is one)
people: [] # ids of content/people/<id>.yaml, in order of appearance
organisations: [] # ids of content/organisations/<id>.yaml, e.g. [nato]
countries: [] # ids from content/countries.yaml, e.g. [ua, fr]
unlinked: [] # ids of people, organisations or countries whose mentions stay plain text
timeline:
  - id: main-event
    date: '${today}' # only as precise as the source: '2025', '2025-08' or '2025-08-18'
    main: true
    planned: false # true for an announced event that has not happened yet
    title: 'TODO: a short headline for the event'
    body: 'TODO: one or two sentences, in the article''s words'
    place: 'TODO: where it happened'
    people: []
    countries: []
    source: { name: 'TODO: who says so', kind: reported } # said, reported or confirmed
    # An undated event: "after: main-event" instead of "date" (and "sameDay: true" for "later that day").
gallery:
  - id: lead
    src: ./${photo}
    alt: 'Placeholder image: TODO say what the photo shows'
    caption: 'TODO: the caption, verbatim from the source'
    credit: 'TODO: Photographer / Agency, as written'
    rights: 'TODO: the rights or licence note'
    people: []
    placeholder: true # drawn here; set false for a photo we hold a licence for
updates: []
# updates: # after publication, newest last; the page lists them and "Updated" follows the latest
#   - time: '${today}T18:00:00+01:00'
#     kind: correction # or update
#     text: An earlier version of this article misstated ...
---

TODO: the article, in Markdown. Name people and countries as readers know them, and list each in
\`people\` / \`countries\` above. Explainer blocks (KeyFacts, Quote, Photo, TimelineExcerpt, Known)
go between paragraphs: see "Explainer blocks" in docs/editors-guide.md.
`;
}
