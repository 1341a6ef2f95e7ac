/**
 * The people and country registry read straight from content/, for build-time plugins that run
 * before the collections exist (the mention linker). Schema validation happens in the collections.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Mentionable } from './lib/mentions';

interface NamedEntry {
  id?: string;
  name?: string;
  aliases?: string[];
}

export function loadMentionables(contentDir: string): Mentionable[] {
  const peopleDir = join(contentDir, 'people');
  const people: Mentionable[] = existsSync(peopleDir)
    ? readdirSync(peopleDir)
        .filter((file) => file.endsWith('.yaml'))
        .map((file) => {
          const entry = (parse(readFileSync(join(peopleDir, file), 'utf8')) ?? {}) as NamedEntry;
          return { kind: 'person', id: file.replace(/\.yaml$/, ''), names: namesOf(entry) };
        })
    : [];
  const countriesFile = join(contentDir, 'countries.yaml');
  const countries: Mentionable[] = existsSync(countriesFile)
    ? ((parse(readFileSync(countriesFile, 'utf8')) ?? []) as NamedEntry[]).map((entry) => ({
        kind: 'country',
        id: String(entry.id),
        names: namesOf(entry),
      }))
    : [];
  return [...people, ...countries];
}

function namesOf(entry: NamedEntry): string[] {
  return [entry.name, ...(entry.aliases ?? [])].filter((name): name is string => typeof name === 'string');
}
