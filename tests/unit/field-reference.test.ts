/**
 * docs/fields.md against the schemas: for each model, every field a table documents exists in the
 * schema, every schema field is documented, and a field the table marks required ("yes ...") is
 * one the schema requires (and the reverse). The explainer blocks' attribute table is held to
 * BLOCKS in src/markdown/remark-check-blocks.ts the same way.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { BLOCKS } from '../../src/markdown/remark-check-blocks.ts';
import {
  article,
  articleUpdate,
  citedSource,
  claimSource,
  country,
  organisation,
  person,
  photo,
  place,
  story,
  timelineEvent,
  type SchemaHelpers,
} from '../../src/schema/schemas.ts';

const FIELDS_MD = new URL('../../docs/fields.md', import.meta.url);

/** Stand-ins for the content layer: an id is a string, and every photo file exists. */
const helpers = { reference: (() => z.string()) as unknown as SchemaHelpers['reference'] };

// Zod's internals, as far as this test reads them.
interface Inspected {
  safeParse(value: unknown): { success: boolean };
  _zod: { def: { type: string; innerType?: Inspected; element?: Inspected } };
  shape?: Record<string, Inspected>;
}

/** The schema inside optional(), default() and array(). */
function inner(schema: Inspected): Inspected {
  const def = schema._zod.def;
  if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType)
    return inner(def.innerType);
  if (def.type === 'array' && def.element) return inner(def.element);
  return schema;
}

function shapeOf(schema: unknown): Record<string, Inspected> {
  const shape = inner(schema as Inspected).shape;
  if (!shape) throw new Error('not an object schema');
  return shape;
}

const articleShape = shapeOf(article(helpers));
const eventShape = shapeOf(timelineEvent(helpers));
const personShape = shapeOf(person(helpers));
const countryShape = shapeOf(country);

/** Each table heading of docs/fields.md and the schema its rows document. */
const MODELS: Record<string, Record<string, Inspected>> = {
  'Article frontmatter': articleShape,
  'Cited source (`sources[]`)': shapeOf(citedSource),
  'Update or correction (`updates[]`)': shapeOf(articleUpdate),
  'Timeline event (`timeline[]`)': eventShape,
  "Event's source (`timeline[].source`)": shapeOf(claimSource),
  'Photo (`gallery[]`)': shapeOf(photo(helpers)),
  'Person (`content/people/<id>.yaml`)': personShape,
  'Native name (`nativeName`)': shapeOf(personShape.nativeName),
  'Role (`roles[]`)': shapeOf(personShape.roles),
  'Country (`content/countries.yaml`)': countryShape,
  'Former name (`formerNames[]`)': shapeOf(countryShape.formerNames),
  'Organisation (`content/organisations/<id>.yaml`)': shapeOf(organisation(helpers)),
  'Place (`content/places/<id>.yaml`)': shapeOf(place(helpers)),
  'Story (`content/stories/<id>.yaml`)': shapeOf(story(helpers)),
};
const BLOCK_TABLE = 'Explainer block attributes';

interface Row {
  cells: string[];
  line: number;
}

/** The rows of every table in a Markdown text, by the heading above the table. */
function tablesOf(markdown: string): Map<string, Row[]> {
  const tables = new Map<string, Row[]>();
  let heading = '';
  let inTable = false;
  markdown.split('\n').forEach((text, index) => {
    const title = /^#{1,6}\s+(.*)$/.exec(text);
    if (title) heading = title[1]!.trim();
    if (!text.startsWith('|')) {
      inTable = false;
      return;
    }
    const cells = text
      .slice(1, text.trimEnd().endsWith('|') ? text.trimEnd().length - 1 : undefined)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim());
    if (!inTable) {
      // The header row, then the separator row.
      inTable = true;
      if (tables.has(heading)) throw new Error(`two tables under "${heading}"`);
      tables.set(heading, []);
      return;
    }
    if (cells.every((cell) => /^:?-+:?$/.test(cell))) return;
    tables.get(heading)!.push({ cells, line: index + 1 });
  });
  return tables;
}

/** The names written in `code` in a cell. */
function names(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
}

const tables = tablesOf(readFileSync(FIELDS_MD, 'utf8'));

describe('docs/fields.md', () => {
  it('has a table for every model, and every table is checked', () => {
    expect([...tables.keys()].sort()).toEqual([...Object.keys(MODELS), BLOCK_TABLE].sort());
  });

  describe.each(Object.entries(MODELS))('%s', (heading, shape) => {
    const rows = tables.get(heading) ?? [];
    const documented = rows.flatMap((row) => names(row.cells[0] ?? '').map((name) => ({ name, row })));

    it('documents only fields the schema has', () => {
      const unknown = documented.filter(({ name }) => !(name in shape));
      expect(unknown.map(({ name, row }) => `line ${row.line}: ${name}`)).toEqual([]);
    });

    it('documents every field of the schema, once', () => {
      const names = documented.map(({ name }) => name);
      expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
      expect(Object.keys(shape).filter((field) => !names.includes(field))).toEqual([]);
    });

    it('marks required exactly the fields the schema requires', () => {
      const wrong = documented
        .filter(({ name }) => name in shape)
        .filter(({ name, row }) => {
          const markedRequired = /^yes\b/i.test(row.cells[2] ?? '');
          // Optional and defaulted fields accept a missing value.
          const required = !shape[name]!.safeParse(undefined).success;
          return markedRequired !== required;
        });
      expect(wrong.map(({ name, row }) => `line ${row.line}: ${name} (${row.cells[2]})`)).toEqual([]);
    });
  });

  describe(BLOCK_TABLE, () => {
    const rows = tables.get(BLOCK_TABLE) ?? [];
    const documented = rows.map((row) => {
      const [block] = names(row.cells[0] ?? '');
      const [attribute] = names(row.cells[1] ?? '');
      return { block, attribute, required: /^yes\b/i.test(row.cells[2] ?? ''), line: row.line };
    });

    it('lists every block, and every attribute each takes, with the required ones marked', () => {
      const expected = Object.entries(BLOCKS).flatMap(([block, attributes]) =>
        Object.keys(attributes).length === 0
          ? [`${block} (none)`]
          : Object.entries(attributes).map(
              ([attribute, required]) => `${block} ${attribute}${required ? ' required' : ''}`,
            ),
      );
      const written = documented.map(
        ({ block, attribute, required }) =>
          `${block} ${attribute ?? '(none)'}${attribute && required ? ' required' : ''}`,
      );
      expect(written.sort()).toEqual(expected.sort());
    });
  });
});
