/**
 * Organisations in the words pages use: a role held in an organisation ("Secretary General" of
 * `nato`) and where the organisation's name sits in its title. Pure string logic.
 */

/** The names an organisation goes by: name, short name, aliases. */
export interface OrganisationNames {
  name: string;
  shortName?: string | undefined;
  aliases?: readonly string[] | undefined;
}

const LETTER = /[\p{L}\p{N}]/u;

/** Where one of the organisation's names stands as whole words in `title`, longest name first. */
function nameIn(title: string, organisation: OrganisationNames): { index: number; text: string } | undefined {
  const names = [organisation.name, organisation.shortName, ...(organisation.aliases ?? [])]
    .filter((name): name is string => typeof name === 'string' && name.trim() !== '')
    .sort((a, b) => b.length - a.length);
  for (const name of names) {
    for (let index = title.indexOf(name); index >= 0; index = title.indexOf(name, index + 1)) {
      const before = title[index - 1];
      const after = title[index + name.length];
      if ((!before || !LETTER.test(before)) && (!after || !LETTER.test(after))) return { index, text: name };
    }
  }
  return undefined;
}

/**
 * A role's title as pages write it: as given when it names the organisation already ('Secretary
 * General of NATO'), else followed by the organisation's short name or name ('Secretary General,
 * NATO'). Without an organisation, the title alone.
 */
export function roleTitle(title: string, organisation?: OrganisationNames | undefined): string {
  if (!organisation || nameIn(title, organisation)) return title;
  return `${title}, ${organisation.shortName ?? organisation.name}`;
}

/**
 * The role's title (as {@link roleTitle} writes it) in three parts, so a page can link the
 * organisation's name: the text before it, the name, the text after.
 */
export function roleTitleParts(
  title: string,
  organisation: OrganisationNames,
): { before: string; name: string; after: string } {
  const full = roleTitle(title, organisation);
  const found = nameIn(full, organisation)!;
  return {
    before: full.slice(0, found.index),
    name: found.text,
    after: full.slice(found.index + found.text.length),
  };
}
