/**
 * The people, organisation and country names read straight from content/, for the mention
 * linker, which Astro builds with its config, before any loader runs. Never throws and never waits: a file that is
 * not a regular file within the size limit, or not YAML, adds no names here, and the content
 * rules report it (src/schema/loaders.ts) with its line.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { readRegularFile } from '../files/content-on-disk.ts';
import { namesOf, type Mentionable } from '../lib/mentions.ts';
import { limits } from '../site.ts';

/** The parsed file, or undefined when it is missing, unreadable, too big or not YAML. */
function readData(file: string): unknown {
  try {
    return load(readRegularFile(file, limits.fileBytes).toString('utf8'));
  } catch {
    return undefined;
  }
}

export function loadMentionables(contentDir: string): Mentionable[] {
  let personFiles: string[] = [];
  try {
    personFiles = readdirSync(join(contentDir, 'people')).filter((file) => file.endsWith('.yaml'));
  } catch {
    // No people folder yet.
  }
  const people = personFiles.map((file): Mentionable => ({
    kind: 'person',
    id: file.replace(/\.yaml$/, ''),
    names: namesOf(readData(join(contentDir, 'people', file))),
  }));
  let organisationFiles: string[] = [];
  try {
    organisationFiles = readdirSync(join(contentDir, 'organisations')).filter((file) =>
      file.endsWith('.yaml'),
    );
  } catch {
    // No organisations folder: it is optional.
  }
  const organisations = organisationFiles.map((file): Mentionable => ({
    kind: 'organisation',
    id: file.replace(/\.yaml$/, ''),
    names: namesOf(readData(join(contentDir, 'organisations', file))),
  }));
  const countryList = readData(join(contentDir, 'countries.yaml'));
  const countries = (Array.isArray(countryList) ? countryList : []).flatMap((entry): Mentionable[] =>
    typeof entry === 'object' && entry !== null && typeof (entry as { id?: unknown }).id === 'string'
      ? [{ kind: 'country', id: (entry as { id: string }).id, names: namesOf(entry) }]
      : [],
  );
  return [...people, ...organisations, ...countries];
}

/**
 * Whether `<contentDir>/<folder>/` holds any entry file (`*.yaml`). The optional kinds
 * (organisations, places) are loaded and read only then: Astro warns on every build when a page
 * asks for a collection that has no entries.
 */
export function hasEntries(contentDir: string, folder: string): boolean {
  try {
    return readdirSync(join(contentDir, folder)).some((file) => file.endsWith('.yaml'));
  } catch {
    return false;
  }
}
