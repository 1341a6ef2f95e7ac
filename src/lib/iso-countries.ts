/**
 * ISO 3166-1 alpha-2 codes and their English names, from the `i18n-iso-countries` package (its
 * English list only: 250 codes, each with the names and short forms it is known by). The content
 * rules use it to catch a country registered under the wrong code ("my" is Malaysia, not Myanmar).
 */
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

const NAMES: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(english.countries as Record<string, string | readonly string[]>).map(([code, names]) => [
    code.toLowerCase(),
    typeof names === 'string' ? [names] : names,
  ]),
);

/**
 * A name reduced to what identifies it: no case, accents, punctuation or leading "the", so
 * "Côte d'Ivoire" and "Cote dIvoire", "U.K." and "UK", "The Netherlands" and "Netherlands",
 * "Trinidad & Tobago" and "Trinidad and Tobago" match.
 */
function key(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.'’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/**
 * The keys a package name answers to: itself, what comes before a comma or bracket ("Korea" of
 * "Korea, Republic of"), the name without its bracket ("Cocos Islands") and a closing bracket's
 * words ("Vatican City State" of "Holy See (Vatican City State)").
 */
function keysOf(name: string): string[] {
  const parts = [
    name,
    name.split(/[,(]/)[0]!,
    name.replace(/\([^)]*\)/g, ' '),
    /\(([^)]*)\)\s*$/.exec(name)?.[1] ?? '',
  ];
  return [...new Set(parts.map(key).filter((part) => part !== ''))];
}

/**
 * Short and former names English news uses that the package's list lacks, so an editor who
 * registers "Syria" under `sy` is not asked for "Syrian Arab Republic".
 */
const COMMON_NAMES: Readonly<Record<string, readonly string[]>> = {
  sy: ['Syria'],
  la: ['Laos'],
  va: ['Vatican City', 'Vatican'],
  mm: ['Burma'],
  bn: ['Brunei'],
  cv: ['Cabo Verde'],
  sz: ['Swaziland'],
  mk: ['Macedonia'],
  tl: ['East Timor'],
  cd: ['DR Congo', 'DRC'],
};

const CODES_BY_NAME = new Map<string, string[]>();
for (const [code, names] of [...NAMES].map(([code, names]): [string, readonly string[]] => [
  code,
  [...names, ...(COMMON_NAMES[code] ?? [])],
])) {
  for (const name of names) {
    for (const part of keysOf(name)) {
      const codes = CODES_BY_NAME.get(part) ?? [];
      if (!codes.includes(code)) codes.push(code);
      CODES_BY_NAME.set(part, codes);
    }
  }
}

/** The English names of an ISO 3166-1 alpha-2 code (any case), the usual one first; undefined when no country has it. */
export function isoCountryNames(code: string): readonly string[] | undefined {
  return NAMES.get(code.toLowerCase());
}

/** The lower-case codes of the countries known by `name` (usually one, none for an unknown name). */
export function isoCodesNamed(name: string): readonly string[] {
  return CODES_BY_NAME.get(key(name)) ?? [];
}

/** Whether `name` is one of the names of the country with `code`. */
export function isoCodeNamed(code: string, name: string): boolean {
  return isoCodesNamed(name).includes(code.toLowerCase());
}

/**
 * Whether `name` holds one of the names of the country with `code` as whole words: "Kingdom of
 * the Netherlands" holds "Netherlands". Names of three letters or fewer ("US", "UK") do not count:
 * they would be found inside other countries' names ("U.S. Virgin Islands").
 */
export function isoNameWithin(code: string, name: string): boolean {
  const within = ` ${key(name)} `;
  return (NAMES.get(code.toLowerCase()) ?? [])
    .flatMap(keysOf)
    .some((part) => part.length > 3 && within.includes(` ${part} `));
}
