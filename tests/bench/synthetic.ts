/**
 * Synthetic content for the build-scale benchmark and the tests at scale: N articles shaped like
 * the real one (about 600 words, 5 timeline events, 3 photos, 4 people and 3 countries each) plus
 * the people and countries they name, laid out like `content/`. Three articles in four follow one
 * of the stories (one story per ten articles, at least three), and each story's articles also
 * report one event of the story's own, under the same id. Every article and story says in its
 * text that it is synthetic. Deterministic: the same N gives the same files.
 * Everything it writes passes the content checks: every person or country the text names is
 * listed in the frontmatter, and every role covers every date.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { limits } from '../../src/site.ts';

/** Same size as the real article's photos, so the image pipeline does the same work per photo. */
export const PHOTO_SIZE = { width: 1600, height: 1000 } as const;
export const PHOTOS_PER_ARTICLE = 3;
const PEOPLE_PER_ARTICLE = 4;
const COUNTRIES_PER_ARTICLE = 3;

/** Invented names, so that no real registry entry or common word can be matched by accident. */
const FIRST = ['Ardan', 'Belka', 'Corvin', 'Dessa', 'Elmar', 'Fenna', 'Goran', 'Hilde', 'Ivor', 'Jorun'];
const LAST = ['Vantrell', 'Oskerby', 'Maltravis', 'Quenwood', 'Brannock', 'Tessaly', 'Duvrane', 'Holloran'];
const ROLES = [
  'Foreign Minister',
  'Defence Minister',
  'Special Envoy',
  'Prime Minister',
  'Trade Commissioner',
];
/** Real ISO codes; their names appear in the text only in articles that list them. */
const COUNTRIES: [id: string, name: string][] = [
  ['at', 'Austria'],
  ['be', 'Belgium'],
  ['cz', 'Czechia'],
  ['dk', 'Denmark'],
  ['ee', 'Estonia'],
  ['fi', 'Finland'],
  ['gr', 'Greece'],
  ['hu', 'Hungary'],
  ['ie', 'Ireland'],
  ['lv', 'Latvia'],
  ['pt', 'Portugal'],
  ['se', 'Sweden'],
];
const WORDS = (
  'officials talks agreement proposal delegation summit meeting negotiators framework guarantees ' +
  'ministers statement briefing progress assurances package support security partners allies ' +
  'discussion session council plan review timetable conditions response measures commitments ' +
  'representatives envoys observers analysts reports figures terms draft text budget funding'
).split(' ');
const VERBS = (
  'said reported announced confirmed discussed proposed rejected welcomed reviewed described ' +
  'outlined questioned supported delayed presented considered'
).split(' ');

/** Small deterministic generator (mulberry32), so runs compare like with like. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Person {
  id: string;
  name: string;
  role: string;
  country: string;
}

export function syntheticPeople(): Person[] {
  const people: Person[] = [];
  for (const [i, last] of LAST.entries()) {
    for (const [j, first] of FIRST.entries()) {
      const name = `${first} ${last}`;
      people.push({
        id: name.toLowerCase().replace(/\s+/g, '-'),
        name,
        role: ROLES[(i + j) % ROLES.length]!,
        country: COUNTRIES[(i * FIRST.length + j) % COUNTRIES.length]![0],
      });
    }
  }
  return people;
}

/** Stories for `count` articles: one per ten articles, at least three. */
export const storyCount = (count: number) => Math.max(3, Math.round(count / 10));

/** The story article `index` follows, if any: every fourth article follows none, the others take turns. */
export function storyOf(index: number, count: number): string | undefined {
  if (index % 4 === 3) return undefined;
  const inStories = index - Math.floor(index / 4);
  return `synthetic-story-${(inStories % storyCount(count)) + 1}`;
}

/** A word for story `n` that no other page of the synthetic site has, so a search finds the story alone. */
export function storyCodeword(n: number): string {
  const words = ['Amberly', 'Brightwater', 'Corrandel', 'Dunmarrow', 'Elsworthy', 'Fallowmere', 'Glenvaris'];
  return `${words[(n - 1) % words.length]}${n > words.length ? Math.ceil(n / words.length) : ''}`;
}

const slugOf = (index: number) => `synthetic-article-${String(index + 1).padStart(5, '0')}`;

/** A sentence of filler news prose, with the given names woven in. */
function sentence(next: () => number, names: readonly string[] = []): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const words = Array.from({ length: 14 + Math.floor(next() * 10) }, () => pick(WORDS));
  words.splice(2, 0, pick(VERBS));
  if (names.length > 0) words.splice(Math.min(5, words.length), 0, 'with', names.join(' and '));
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

function yamlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** `text` cut after its last whole word within `max` characters, as the content rules require. */
function withinLimit(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, text.lastIndexOf(' ', max)).replace(/[,;:]$/, '');
}

/** The event every article of a story reports: the same id and the same words in each. */
function storyEvent(story: string): string {
  return [
    `  - id: ${story}-opened`,
    "    date: '2023-11-15'",
    "    title: 'A synthetic story opened'",
    "    body: 'A synthetic event, reported by every article of this synthetic story.'",
  ].join('\n');
}

/**
 * One article's index.md, of a site of `count` articles (which sets its story). `edit` adds a
 * sentence: the "one article changed" build.
 */
export function articleMarkdown(index: number, people: readonly Person[], edit = 0, count = 1): string {
  const next = random(index + 1);
  const slug = slugOf(index);
  const cast = Array.from({ length: PEOPLE_PER_ARTICLE }, (_, k) => people[(index * 3 + k) % people.length]!);
  const lands = Array.from(
    { length: COUNTRIES_PER_ARTICLE },
    (_, k) => COUNTRIES[(index + k * 5) % COUNTRIES.length]!,
  );
  const published = new Date(Date.UTC(2024, 0, 1) + (index % 600) * 86_400_000);
  const day = (offset: number) => isoDay(new Date(published.getTime() - offset * 86_400_000));
  const title = withinLimit(
    `Talks in ${lands[0]![1]} on ${sentence(next)
      .split(' ')
      .slice(0, 4 + (index % 5))
      .join(' ')
      .replace(/\.$/, '')
      .toLowerCase()}`,
    limits.title,
  );
  const dek = withinLimit(sentence(next, [cast[0]!.name]), limits.dek);
  // Event ids are unique across articles: the site merges events that share an id into one.
  const n = index + 1;
  const events = [
    { id: `first-contacts-${n}`, date: day(30), who: [cast[1]!], where: [lands[1]!] },
    { id: `draft-circulated-${n}`, date: day(21), who: [cast[2]!], where: [lands[0]!] },
    { id: `envoys-respond-${n}`, after: `draft-circulated-${n}`, who: [cast[3]!], where: [lands[2]!] },
    { id: `ministers-meet-${n}`, date: day(7), who: [cast[0]!, cast[1]!], where: [lands[0]!, lands[1]!] },
    { id: `summit-held-${n}`, date: day(0), main: true, who: [cast[0]!, cast[2]!], where: [lands[0]!] },
  ];
  const story = storyOf(index, count);
  const timeline = (story ? [storyEvent(story)] : [])
    .concat(
      events.map((event) =>
        [
          `  - id: ${event.id}`,
          event.date ? `    date: '${event.date}'` : `    after: ${event.after}`,
          event.main ? '    main: true' : undefined,
          `    title: ${yamlString(sentence(next).split(' ').slice(0, 6).join(' ').replace(/\.$/, ''))}`,
          `    body: ${yamlString(
            sentence(
              next,
              event.who.map((p) => p.name),
            ),
          )}`,
          `    place: ${event.where[0]![1]}`,
          `    people: [${event.who.map((p) => p.id).join(', ')}]`,
          `    countries: [${event.where.map(([id]) => id).join(', ')}]`,
        ]
          .filter(Boolean)
          .join('\n'),
      ),
    )
    .join('\n');
  const gallery = Array.from({ length: PHOTOS_PER_ARTICLE }, (_, k) => {
    const shown = cast[k]!;
    return [
      `  - id: photo-${k + 1}`,
      `    src: ./${slug}-photo-${k + 1}.jpg`,
      `    alt: ${yamlString(`Placeholder image standing in for a photo of ${shown.name}.`)}`,
      `    caption: ${yamlString(`${shown.name} at the talks in ${lands[0]![1]}, ${day(0)}.`)}`,
      '    credit: Synthetic Photo Agency',
      '    rights: Generated for the benchmark.',
      `    people: [${shown.id}]`,
      '    placeholder: true',
    ].join('\n');
  }).join('\n');
  const paragraphs = ['A synthetic article, generated for tests and benchmarks: nothing in it is news.'];
  for (let p = 0; p < 12; p += 1) {
    const names =
      p < cast.length ? [cast[p]!.name] : p < cast.length + lands.length ? [lands[p - cast.length]![1]] : [];
    paragraphs.push([sentence(next, names), sentence(next), sentence(next)].join(' '));
  }
  for (let e = 0; e < edit; e += 1) paragraphs.push(`Edited ${e + 1}: ${sentence(next)}`);
  return `---
title: ${yamlString(title)}
dek: ${yamlString(dek)}
dateline: ${lands[0]![1]}
byline: Backstory staff
published: '${day(0)}'
${story ? `story: ${story}\n` : ''}sources:
  - name: Synthetic Wire
people: [${cast.map((p) => p.id).join(', ')}]
countries: [${lands.map(([id]) => id).join(', ')}]
timeline:
${timeline}
gallery:
${gallery}
---

${paragraphs.join('\n\n')}
`;
}

/** The article's Markdown body only: what the bare Astro baseline renders for the same article. */
export function articleBody(
  index: number,
  people: readonly Person[],
  edit = 0,
): { title: string; body: string } {
  const text = articleMarkdown(index, people, edit);
  const end = text.indexOf('\n---\n', 4);
  const title = /^title: '(.*)'$/m.exec(text)![1]!.replace(/''/g, "'");
  return { title, body: text.slice(end + 5) };
}

/**
 * Draws a few photo-like JPEGs (gradients, shapes and grain) once; articles get copies. Tests
 * that need many articles but not the photo work pass a smaller `size`.
 */
export async function makePhotos(
  dir: string,
  count = PHOTOS_PER_ARTICLE,
  size: { width: number; height: number } = PHOTO_SIZE,
): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let k = 0; k < count; k += 1) {
    const next = random(1000 + k);
    const { width, height } = size;
    const shapes = Array.from({ length: 24 }, () => {
      const hue = Math.floor(next() * 360);
      return `<ellipse cx="${Math.floor(next() * width)}" cy="${Math.floor(next() * height)}" rx="${80 + Math.floor(next() * 400)}" ry="${60 + Math.floor(next() * 300)}" fill="hsl(${hue} 45% ${30 + Math.floor(next() * 40)}%)" fill-opacity="0.55"/>`;
    }).join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${k * 90} 30% 70%)"/><stop offset="1" stop-color="hsl(${k * 90 + 40} 35% 25%)"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`;
    const grain = await sharp({
      create: {
        width,
        height,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 10 },
      },
    })
      .png()
      .toBuffer();
    const file = join(dir, `photo-${k + 1}.jpg`);
    await sharp(Buffer.from(svg))
      .blur(6)
      .composite([{ input: await sharp(grain).blur(0.8).toBuffer(), blend: 'overlay' }])
      .jpeg({ quality: 80 })
      .toFile(file);
    files.push(file);
  }
  return files;
}

/**
 * The JPEG with a comment segment after its start marker: the same pixels, different bytes. Astro
 * and the share-image cache key images by their bytes, so identical copies would be processed
 * once for the whole site; real articles have photos of their own, and so must these.
 */
function tagged(jpeg: Buffer, text: string): Buffer {
  const comment = Buffer.from(text, 'latin1');
  const header = Buffer.from([0xff, 0xfe, (comment.length + 2) >> 8, (comment.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), header, comment, jpeg.subarray(2)]);
}

/** Writes a whole content folder with `count` articles into `dir`. */
export function writeContent(dir: string, count: number, photos: readonly string[]): void {
  const people = syntheticPeople();
  mkdirSync(join(dir, 'people'), { recursive: true });
  for (const person of people) {
    const country = COUNTRIES.find(([id]) => id === person.country)!;
    writeFileSync(
      join(dir, 'people', `${person.id}.yaml`),
      `name: ${person.name}\nroles:\n  - title: ${person.role} of ${country[1]}\n    from: '2000-01-01'\ncountry: ${person.country}\n`,
    );
  }
  writeFileSync(
    join(dir, 'countries.yaml'),
    COUNTRIES.map(([id, name]) => `- id: ${id}\n  name: ${name}\n`).join(''),
  );
  mkdirSync(join(dir, 'stories'), { recursive: true });
  for (let story = 1; story <= storyCount(count); story += 1) {
    writeFileSync(
      join(dir, 'stories', `synthetic-story-${story}.yaml`),
      [
        `title: Synthetic story ${story} (${storyCodeword(story)})`,
        'summary: A synthetic story, generated for tests and benchmarks; nothing in it is news.',
        `status: ${story % 2 === 1 ? 'developing' : 'concluded'}`,
        '',
      ].join('\n'),
    );
  }
  const photoBytes = new Map(photos.map((file) => [file, readFileSync(file)]));
  for (let index = 0; index < count; index += 1) {
    const folder = join(dir, 'articles', slugOf(index));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'index.md'), articleMarkdown(index, people, 0, count));
    for (let k = 0; k < PHOTOS_PER_ARTICLE; k += 1) {
      const photo = photoBytes.get(photos[k % photos.length]!)!;
      writeFileSync(
        join(folder, `${slugOf(index)}-photo-${k + 1}.jpg`),
        tagged(photo, `${slugOf(index)} ${k + 1}`),
      );
    }
  }
}

/** Rewrites article `index` of a content folder with `edit` extra sentences. */
export function editArticle(dir: string, index: number, edit = 1): string {
  const file = join(dir, 'articles', slugOf(index), 'index.md');
  const count = readdirSync(join(dir, 'articles')).length;
  writeFileSync(file, articleMarkdown(index, syntheticPeople(), edit, count));
  return file;
}

export { slugOf };
