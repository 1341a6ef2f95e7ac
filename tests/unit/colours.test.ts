/**
 * src/styles/tokens.css owns the colours. Share images and the web manifest cannot read CSS, so
 * src/site.ts copies the few they use; these tests fail when a copy drifts from its token, and when
 * a colour is written anywhere else in src/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colours, site } from '../../src/site.ts';
import { projectRoot } from '../helpers/astro';

/** Each copy in src/site.ts and the token it copies. */
const TOKEN_OF: Record<keyof typeof colours, string> = {
  bg: '--bg',
  text: '--text',
  muted: '--muted',
  accent: '--accent',
  line: '--line',
  photoAccentText: '--photo-accent-text',
};

/** The hex colours a block of CSS sets, by custom property. */
function hexTokens(css: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [, name, value] of css.matchAll(/(--[\w-]+)\s*:\s*(#[0-9a-f]{3,8})\s*;/gi))
    found[name!] = value!;
  return found;
}

/** tokens.css as its two schemes: the light one (with the photo palette) and the dark one. */
function schemes(css: string): { light: Record<string, string>; dark: Record<string, string> } {
  const parts = css.split(/@media\s*(?:screen\s+and\s*)?\(prefers-color-scheme:\s*dark\)/);
  if (parts.length !== 2) throw new Error('tokens.css: expected one prefers-color-scheme: dark block');
  return { light: hexTokens(parts[0]!), dark: hexTokens(parts[1]!) };
}

/** Each copy in src/site.ts that differs from its token in the light scheme of `css`. */
function drift(css: string): string[] {
  const { light } = schemes(css);
  const keys = Object.keys(TOKEN_OF) as (keyof typeof colours)[];
  return keys
    .filter((key) => colours[key] !== light[TOKEN_OF[key]])
    .map((key) => `colours.${key} is ${colours[key]}, ${TOKEN_OF[key]} is ${light[TOKEN_OF[key]]}`);
}

const src = join(projectRoot, 'src');
const css = readFileSync(join(src, 'styles/tokens.css'), 'utf8');

describe('colours', () => {
  it('reads both schemes from tokens.css', () => {
    const { light, dark } = schemes(css);
    expect(light['--bg']).toMatch(/^#/);
    expect(dark['--bg']).toMatch(/^#/);
    expect(dark['--bg']).not.toBe(light['--bg']);
  });

  it('copies in src/site.ts equal their tokens (light scheme)', () => {
    expect(drift(css)).toEqual([]);
    expect(Object.keys(colours).sort(), 'every copy names its token in TOKEN_OF').toEqual(
      Object.keys(TOKEN_OF).sort(),
    );
  });

  it('notices a token changed without its copy', () => {
    const changed = css.replace(`--muted: ${colours.muted};`, '--muted: #000000;');
    expect(changed).not.toBe(css);
    expect(drift(changed)).toEqual([`colours.muted is ${colours.muted}, --muted is #000000`]);
  });

  it('gives the manifest and theme-color the tokens of the page and the accent', () => {
    const { light } = schemes(css);
    expect(site.themeColor).toBe(light['--accent']);
    expect(site.backgroundColor).toBe(light['--bg']);
  });

  it('writes no hex colour in src/ outside styles/ and site.ts, except white (no token)', () => {
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter(
      (file) => /\.(?:ts|astro|css|mjs)$/.test(file) && !file.startsWith('styles/') && file !== 'site.ts',
    );
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(src, file), 'utf8');
      for (const [hex] of text.matchAll(/(?<![\w&])#[0-9a-f]{3,8}\b/gi)) {
        if (!/^#(?:fff|ffffff)$/i.test(hex)) found.push(`${file}: ${hex}`);
      }
    }
    expect(found, 'use a token (tokens.css) or a copy in src/site.ts').toEqual([]);
  });
});
