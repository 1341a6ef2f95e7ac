/**
 * Finding people, organisations and countries in article text by their registered names and aliases.
 * Pure string logic: the rehype plugin and the content checks both use it.
 */

export type EntityKind = 'person' | 'organisation' | 'country';

export interface Mentionable {
  kind: EntityKind;
  id: string;
  /** Every way the text may name the entity: display name first, then aliases. */
  names: readonly string[];
}

export interface Match {
  entity: Mentionable;
  /** Offset of the name in the text. */
  index: number;
  /** The name as written. */
  text: string;
}

const LETTER = /[\p{L}\p{N}]/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A matcher over all names, longest first so "Volodymyr Zelensky" wins over "Zelensky".
 * A name matches only as whole words; a following possessive ("Zelensky's") is left outside.
 */
export function createMatcher(entities: readonly Mentionable[]): (text: string) => Match[] {
  const byName = new Map<string, Mentionable>();
  for (const entity of entities) for (const name of entity.names) if (name.trim()) byName.set(name, entity);
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  if (names.length === 0) return () => [];
  const pattern = new RegExp(names.map(escapeRegExp).join('|'), 'gu');
  return (text) => {
    const matches: Match[] = [];
    for (const found of text.matchAll(pattern)) {
      const before = text[found.index - 1];
      const after = text[found.index + found[0].length];
      // Names ending in "." (U.S.) may be followed directly by letters only in other words.
      const endsWord = !after || !LETTER.test(after) || !LETTER.test(found[0].at(-1)!);
      if ((before && LETTER.test(before)) || !endsWord) continue;
      matches.push({ entity: byName.get(found[0])!, index: found.index, text: found[0] });
    }
    return matches;
  };
}

/** The first match of each entity, in order of appearance. */
export function firstMentions(matches: readonly Match[]): Match[] {
  const seen = new Set<string>();
  return matches.filter((match) => {
    const key = `${match.entity.kind}:${match.entity.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Entities named in `text`, in order of first appearance. */
export function mentionedIn(text: string, entities: readonly Mentionable[]): Mentionable[] {
  let match = matchers.get(entities);
  if (!match) {
    match = createMatcher(entities);
    matchers.set(entities, match);
  }
  return firstMentions(match(text)).map((found) => found.entity);
}

/** One matcher per registry list: every article is checked against the same names. */
const matchers = new WeakMap<readonly Mentionable[], (text: string) => Match[]>();

/**
 * Ids in order of appearance in the text (`mentionKeys` as "kind:id"), then the ones the text
 * never names, in the order given.
 */
export function byAppearance(
  ids: readonly string[],
  kind: EntityKind,
  mentionKeys: readonly string[],
): string[] {
  const seen = mentionKeys
    .filter((key) => key.startsWith(`${kind}:`))
    .map((key) => key.slice(kind.length + 1));
  return [...seen.filter((id) => ids.includes(id)), ...ids.filter((id) => !seen.includes(id))];
}

/**
 * The names a person, organisation or country entry gives the text to use, read from its raw
 * data: the name, an organisation's short name, then the aliases.
 */
export function namesOf(entry: unknown): string[] {
  if (typeof entry !== 'object' || entry === null) return [];
  const { name, shortName, aliases } = entry as { name?: unknown; shortName?: unknown; aliases?: unknown };
  return [name, shortName, ...(Array.isArray(aliases) ? aliases : [])].filter(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  );
}
