/**
 * The feed of the real content is well-formed XML 1.0, with every article in it: a feed reader
 * drops a feed that does not parse, for every subscriber at once. Text the content rules refuse
 * (control characters, noncharacters) is what would break it; tests/content/hostile-suite.test.ts
 * builds the tricky cases.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect, inject, it } from 'vitest';
import { rawArticles } from '../helpers/content.ts';

const xml = readFileSync(join(inject('distDir'), 'rss.xml'), 'utf8');

it('parses as XML, with only characters XML 1.0 allows', () => {
  expect(XMLValidator.validate(xml)).toBe(true);
  // eslint-disable-next-line no-control-regex
  expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/u);
});

it('lists every published article by its title', () => {
  const feed = new XMLParser().parse(xml) as {
    rss: { channel: { item: { title: string } | { title: string }[] } };
  };
  const items = [feed.rss.channel.item].flat();
  const published = rawArticles();
  expect(items.map((item) => String(item.title)).sort()).toEqual(
    published.map((article) => String(article.data['title'])).sort(),
  );
});
