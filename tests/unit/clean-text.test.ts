import { describe, expect, it } from 'vitest';
import { badCharacters, badCharactersByLine, textProblem } from '../../src/lib/clean-text.ts';

/** `code@index` for each refused character. */
const found = (text: string) => badCharacters(text).map(({ code, index }) => `${code}@${index}`);

describe('badCharacters', () => {
  it.each([
    ['a control character', 'ab\u0007c', 'U+0007', 'a control character'],
    ['a C1 control character', 'ab\u0085c', 'U+0085', 'a control character'],
    ['a form feed', 'ab\u000cc', 'U+000C', 'a control character'],
    ['a zero-width space', 'ab\u200bc', 'U+200B', 'a zero-width space'],
    ['a word joiner', 'ab\u2060c', 'U+2060', 'a word joiner'],
    ['a byte-order mark inside text', 'ab\ufeffc', 'U+FEFF', 'a zero-width no-break space (byte-order mark)'],
    ['a right-to-left override', 'ab\u202ec', 'U+202E', 'an invisible bidirectional control character'],
    ['a right-to-left isolate', 'ab\u2067c', 'U+2067', 'an invisible bidirectional control character'],
    ['a right-to-left mark', 'ab\u200fc', 'U+200F', 'an invisible bidirectional control character'],
    ['an Arabic letter mark', 'ab\u061cc', 'U+061C', 'an invisible bidirectional control character'],
    ['a soft hyphen', 'ab\u00adc', 'U+00AD', 'a soft hyphen'],
    [
      'a replacement character',
      'ab\ufffdc',
      'U+FFFD',
      'the replacement character \ufffd, left where text was decoded wrongly',
    ],
    ['a joiner between Latin letters', 'ab\u200dc', 'U+200D', 'a zero-width joiner'],
    ['a non-joiner between Latin letters', 'ab\u200cc', 'U+200C', 'a zero-width non-joiner'],
    ['U+FFFF, which XML forbids', 'ab\uffffc', 'U+FFFF', 'a noncharacter'],
    ['U+FFFE, which XML forbids', 'ab\ufffec', 'U+FFFE', 'a noncharacter'],
    ['a noncharacter of the U+FDD0 block', 'ab\ufdd0c', 'U+FDD0', 'a noncharacter'],
    ['a lone surrogate', 'ab\ud800c', 'U+D800', 'half of a character (a lone surrogate)'],
    ['a line separator', 'ab\u2028c', 'U+2028', 'an invisible line or paragraph separator'],
    ['a Hangul filler', 'ab\u3164c', 'U+3164', 'an invisible filler character'],
    ['a combining grapheme joiner', 'ab\u034fc', 'U+034F', 'an invisible formatting character'],
  ])('refuses %s, at its index', (_label, text, code, name) => {
    expect(badCharacters(text)).toEqual([{ index: 2, code, name }]);
  });

  it('refuses a tag character outside a flag sequence', () => {
    expect(badCharacters('ab\u{e0041}c')).toEqual([
      { index: 2, code: 'U+E0041', name: 'an invisible tag character' },
    ]);
  });

  it('keeps tab, newline and carriage return', () => {
    expect(found('a\tb\r\nc\n')).toEqual([]);
  });

  it('finds every refused character, first to last, by UTF-16 index', () => {
    expect(found('\u200bx👩\u202ey\u00ad')).toEqual(['U+200B@0', 'U+202E@4', 'U+00AD@6']);
  });

  it.each([
    ['a non-joiner in Persian', 'می\u200cخواهم'],
    ['a joiner in Devanagari', 'क्\u200dष'],
    ['a joiner in an emoji sequence', '👩\u200d💻'],
    ['a joiner after an emoji variation selector', '❤\ufe0f\u200d🔥'],
    ['the Scotland flag (an emoji tag sequence)', '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}'],
  ])('allows %s', (_label, text) => {
    expect(found(`Text ${text} text`)).toEqual([]);
  });

  it('refuses a joiner at the edge of a word, or between scripts that do not join', () => {
    expect(found('\u200dمی')).toEqual(['U+200D@0']);
    expect(found('a\u200dمی')).toEqual(['U+200D@1']);
    expect(found('👩\u200dx')).toEqual(['U+200D@2']);
  });
});

describe('textProblem', () => {
  it('names the first bad character and its position in characters, not UTF-16 units', () => {
    expect(textProblem('👩 Ada\u200b and\u202e Ben')).toEqual({
      problem: 'contains a zero-width space (U+200B) at character 6',
      fix: 'delete it: retype the text around it if you cannot see it',
    });
  });

  it('is undefined for clean text', () => {
    expect(textProblem('Зеленський у Парижі, می‌خواهم 👩‍💻')).toBeUndefined();
  });
});

describe('badCharactersByLine', () => {
  it('gives each one its file line and 1-based column in characters', () => {
    const text = 'First line.\n👩 x\u202ey\nok\n\u00ad';
    expect(
      badCharactersByLine(text, 30).map(
        ({ line, column, character }) => `${line}:${column} ${character.code}`,
      ),
    ).toEqual(['31:4 U+202E', '33:1 U+00AD']);
  });

  it('is empty for clean text', () => {
    expect(badCharactersByLine('a\nb\n', 5)).toEqual([]);
  });
});
