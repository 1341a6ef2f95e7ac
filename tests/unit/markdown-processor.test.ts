import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownProcessor, unifiedOnFirstUse } from '../../src/markdown-processor';

describe('unifiedOnFirstUse', () => {
  it('asks for its options only when Astro first asks for a renderer, and once', async () => {
    let asked = 0;
    const processor = unifiedOnFirstUse(async () => {
      asked += 1;
      return {};
    });
    expect(processor.name).toBe('unified');
    expect(asked).toBe(0);
    const first = await processor.createRenderer({});
    await processor.createRenderer({});
    expect(asked).toBe(1);
    expect((await first.render('*Hi*')).code).toBe('<p><em>Hi</em></p>');
  });

  it('renders MDX through the same processor', async () => {
    let asked = 0;
    const processor = unifiedOnFirstUse(async () => {
      asked += 1;
      return {};
    });
    const mdx = await processor.createMdxRenderer!({}, { optimize: false });
    expect(asked).toBe(1);
    const { code } = await mdx.process('# Hello', 'hello.mdx', {});
    expect(code).toContain('Hello');
  });

  it('reports an options function that throws when the renderer is made', async () => {
    const processor = unifiedOnFirstUse(async () => {
      throw new Error('registry: content/people/x.yaml  name  missing');
    });
    await expect(processor.createRenderer({})).rejects.toThrow('content/people/x.yaml  name');
  });
});

describe('markdownProcessor', () => {
  it('runs our plugins: the first mention of a person in the registry links to their page', async () => {
    const renderer = await markdownProcessor('./content').createRenderer({});
    const { code } = await renderer.render('Emmanuel Macron spoke. Later Emmanuel Macron left.');
    expect(code.match(/<a [^>]*href="\/people\/emmanuel-macron\/"/g)).toHaveLength(1);
  });

  it('runs our plugins: raw HTML in an article is refused', async () => {
    const renderer = await markdownProcessor('./content').createRenderer({});
    await expect(renderer.render('Hello <script>alert(1)</script>')).rejects.toThrow(
      'raw HTML <script> is not allowed in articles',
    );
  });
});

describe("markdownProcessor's config key", () => {
  it('changes with the names the linker looks for, and only with them', () => {
    const content = mkdtempSync(join(tmpdir(), 'backstory-registry-'));
    const person = (yaml: string) => {
      mkdirSync(join(content, 'people'), { recursive: true });
      writeFileSync(join(content, 'people/ada.yaml'), yaml);
      return (markdownProcessor(content).options as Record<string, unknown>)['mentionables'];
    };
    try {
      const key = person('name: Ada Example\nroles: []\n');
      expect(key).toMatch(/^[0-9a-f]{32}$/);
      expect(person('name: Ada Example\nroles: [{ title: Minister, from: "2024" }]\n')).toBe(key);
      expect(person('name: Ada Example\naliases: [Ada]\nroles: []\n')).not.toBe(key);
      expect(person('name: Ada Sample\nroles: []\n')).not.toBe(key);
    } finally {
      rmSync(content, { recursive: true, force: true });
    }
  });
});
