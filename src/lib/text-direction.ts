/**
 * The direction of a text, for the `dir` attribute: its first strong letter decides (the rule of
 * the Unicode bidi algorithm and of `dir="auto"`), else its language's usual script.
 */

/** Letters of right-to-left scripts (bidi classes R and AL). */
export const RTL_LETTER =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}\p{Script=Samaritan}\p{Script=Mandaic}]/u;

/** Languages written right to left (BCP 47 primary subtags), for a text with no letter in it. */
const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'iw',
  'ks',
  'ku',
  'ps',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
]);

export function textDirection(text: string, lang?: string): 'ltr' | 'rtl' {
  const first = /\p{L}/u.exec(text);
  if (first) return RTL_LETTER.test(first[0]) ? 'rtl' : 'ltr';
  const script = lang
    ?.split('-')
    .find((part) => part.length === 4)
    ?.toLowerCase();
  if (script) return ['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm'].includes(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(lang?.split('-')[0]?.toLowerCase() ?? '') ? 'rtl' : 'ltr';
}

/** The direction of a native name, from its text and language. */
export function nameDirection(name: { text: string; lang: string }): 'ltr' | 'rtl' {
  return textDirection(name.text, name.lang);
}
