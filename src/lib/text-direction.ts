/**
 * Languages and directions of text, for the `lang` and `dir` attributes and for share images.
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

const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Samr', 'Mand']);

/** Whether `tag` is a BCP 47 tag that names a language: 'he', 'zh-Hant', 'pt-BR' (not 'und'). */
export function isLanguageTag(tag: string): boolean {
  if (!/^[a-z]{2,3}(?:-|$)/i.test(tag)) return false;
  try {
    const { language } = new Intl.Locale(tag);
    return language !== undefined && language !== 'und';
  } catch {
    return false;
  }
}

/** The usual direction of a language: its script's ('ar' and 'he' right to left, 'ar-Latn' not). */
export function languageDirection(lang: string): 'ltr' | 'rtl' {
  let script: string | undefined;
  try {
    script = new Intl.Locale(lang).maximize().script;
  } catch {
    return 'ltr';
  }
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(lang.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/**
 * The direction of a text: its first strong letter decides (the rule of the Unicode bidi
 * algorithm and of `dir="auto"`), else its language's. For a single name or line; text in a
 * known language takes that language's direction instead (`languageAttributes`).
 */
export function textDirection(text: string, lang?: string): 'ltr' | 'rtl' {
  const first = /\p{L}/u.exec(text);
  if (first) return RTL_LETTER.test(first[0]) ? 'rtl' : 'ltr';
  return lang ? languageDirection(lang) : 'ltr';
}

/**
 * `lang` and `dir` for text written in `lang` on pages in `siteLang`: none when it is the site's
 * language (the page's own), else both, so an English title that starts with a Hebrew name
 * still reads left to right and a Hebrew one right to left.
 */
export function languageAttributes(
  lang: string | undefined,
  siteLang: string,
): { lang?: string; dir?: 'ltr' | 'rtl' } {
  return lang && lang.toLowerCase() !== siteLang.toLowerCase() ? { lang, dir: languageDirection(lang) } : {};
}

/** The direction of a native name, from its text and language. */
export function nameDirection(name: { text: string; lang: string }): 'ltr' | 'rtl' {
  return textDirection(name.text, name.lang);
}
