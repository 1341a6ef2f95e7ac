/**
 * Characters a reader cannot see, or that stand for damage, refused in every text an editor
 * writes: they hide words from search, reorder what a reader sees (bidi spoofing), break the
 * feed's XML (control characters, noncharacters, lone surrogates) or mark a file that was
 * decoded wrongly (U+FFFD).
 * A zero-width joiner or non-joiner stays allowed where a script needs it: between two letters
 * of a script that shapes with them (Persian, Indic scripts, ...) or inside an emoji sequence.
 */

const REFUSED =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufdd0-\ufdef\ufeff\uffa0\ufff9-\ufffb\ufffd-\uffff\ud800-\udfff]|[\u{e0000}-\u{e007f}]|[\u{1fffe}\u{1ffff}\u{2fffe}\u{2ffff}\u{3fffe}\u{3ffff}\u{4fffe}\u{4ffff}\u{5fffe}\u{5ffff}\u{6fffe}\u{6ffff}\u{7fffe}\u{7ffff}\u{8fffe}\u{8ffff}\u{9fffe}\u{9ffff}\u{afffe}\u{affff}\u{bfffe}\u{bffff}\u{cfffe}\u{cffff}\u{dfffe}\u{dffff}\u{efffe}\u{effff}\u{ffffe}\u{fffff}\u{10fffe}\u{10ffff}]/gu;

/** Scripts in which ZWJ and ZWNJ change how letters join or stack. */
const JOINING_LETTER =
  /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Nko}\p{Script=Mongolian}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}\p{Script=Thaana}]/u;
const EMOJI_PART = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{fe0f}]/u;
const TAG_SEQUENCE = /\u{1f3f4}[\u{e0020}-\u{e007e}]+\u{e007f}/gu;

const NAMES: Record<number, string> = {
  0x00ad: 'a soft hyphen',
  0x200b: 'a zero-width space',
  0x200c: 'a zero-width non-joiner',
  0x200d: 'a zero-width joiner',
  0x2060: 'a word joiner',
  0xfeff: 'a zero-width no-break space (byte-order mark)',
  0xfffd: 'the replacement character \uFFFD, left where text was decoded wrongly',
};

function nameOf(code: number): string {
  if (NAMES[code]) return NAMES[code];
  if (code >= 0xd800 && code <= 0xdfff) return 'half of a character (a lone surrogate)';
  if ((code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe) return 'a noncharacter';
  if (code === 0x2028 || code === 0x2029) return 'an invisible line or paragraph separator';
  if ([0x115f, 0x1160, 0x3164, 0xffa0].includes(code)) return 'an invisible filler character';
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return 'a control character';
  if (code >= 0xe0000) return 'an invisible tag character';
  if (
    (code >= 0x200e && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x061c
  )
    return 'an invisible bidirectional control character';
  return 'an invisible formatting character';
}

export interface BadCharacter {
  /** Index in UTF-16 code units. */
  index: number;
  /** 'U+200B'. */
  code: string;
  /** In words: 'a zero-width space'. */
  name: string;
}

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

function codePointBefore(text: string, index: number): number {
  const low = text.charCodeAt(index - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && index >= 2;
  return text.codePointAt(index - (pair ? 2 : 1)) ?? 0;
}

function allowedJoiner(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code !== 0x200c && code !== 0x200d) return false;
  const before = String.fromCodePoint(codePointBefore(text, index));
  const after = String.fromCodePoint(text.codePointAt(index + 1) ?? 0);
  if (JOINING_LETTER.test(before) && JOINING_LETTER.test(after)) return true;
  return code === 0x200d && EMOJI_PART.test(before) && EMOJI_PART.test(after);
}

/** The refused characters of `text`, first to last. */
export function badCharacters(text: string): BadCharacter[] {
  const tagged = new Set<number>();
  for (const match of text.matchAll(TAG_SEQUENCE)) {
    for (let at = match.index + 2; at < match.index + match[0].length; at++) tagged.add(at);
  }
  const found: BadCharacter[] = [];
  for (const match of text.matchAll(REFUSED)) {
    if (tagged.has(match.index) || allowedJoiner(text, match.index)) continue;
    const code = match[0].codePointAt(0)!;
    found.push({ index: match.index, code: hex(code), name: nameOf(code) });
  }
  return found;
}

/** Why a one-field text is refused, naming the first bad character and its position, or undefined. */
export function textProblem(text: string): { problem: string; fix: string } | undefined {
  const [first] = badCharacters(text);
  if (!first) return undefined;
  const position = [...text.slice(0, first.index)].length + 1;
  return {
    problem: `contains ${first.name} (${first.code}) at character ${position}`,
    fix: 'delete it: retype the text around it if you cannot see it',
  };
}

/** Each refused character of a longer text, with its line and column (both 1-based). */
export function badCharactersByLine(
  text: string,
  firstLine = 1,
): { line: number; column: number; character: BadCharacter }[] {
  const found = badCharacters(text);
  if (found.length === 0) return [];
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  let line = 0;
  return found.map((character) => {
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= character.index) line++;
    const column = [...text.slice(lineStarts[line], character.index)].length + 1;
    return { line: firstLine + line, column, character };
  });
}

/** Letters and digits only, lower case, single spaces: "Ada (l) greets Ben." -> "ada l greets ben". */
export function plainWords(text: string): string {
  return text
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
