/**
 * Share images, the pure part: where each page's image lives, what it says, and the Satori
 * element tree that draws it. Rendering (Satori, sharp, the cache) is in render.ts.
 */
import { colours } from '../site.ts';

/** Facebook's preferred size; the byte cap is WhatsApp's (it drops larger images). */
export const SHARE_IMAGE = { width: 1200, height: 630, type: 'image/jpeg', maxBytes: 300_000 } as const;

/** The crops of an article's lead image that structured data lists, each well over 50,000 pixels. */
export const STRUCTURED_CROPS = {
  '16x9': { width: 1200, height: 675 },
  '4x3': { width: 1200, height: 900 },
  '1x1': { width: 1000, height: 1000 },
} as const;
export type CropName = keyof typeof STRUCTURED_CROPS;

/** The folder of the site that holds every share image and crop (dist/og/). */
export const SHARE_IMAGE_FOLDER = 'og';

/** Site-relative path of a page's share image: '/articles/x/' -> '/og/articles/x.jpg', '/' -> '/og/home.jpg'. */
export function shareImagePath(pagePath: string): string {
  const trimmed = pagePath.replace(/^\/+|\/+$/g, '');
  return `/${SHARE_IMAGE_FOLDER}/${trimmed === '' ? 'home' : trimmed}.jpg`;
}

/** Site-relative path of one structured-data crop of an article: '/og/articles/x/16x9.jpg'. */
export function cropPath(articlePath: string, crop: CropName): string {
  return `/${SHARE_IMAGE_FOLDER}/${articlePath.replace(/^\/+|\/+$/g, '')}/${crop}.jpg`;
}

/** A card of text: the article, event, person or index page it stands for. */
export interface TextCard {
  kind: 'text';
  /** Small line above the title: "Explainer", "Timeline · Event 3 of 7". */
  kicker: string;
  title: string;
  /**
   * Language of the title (BCP 47), which sets the direction it reads in: an English title that
   * starts with a Hebrew name still reads left to right. Without it, its first letter decides.
   */
  lang?: string | undefined;
  /** Names under the title (people with their native names); dropped from the end when space runs out. */
  names?: readonly string[] | undefined;
  /** Bottom line: dateline and date. */
  footer?: string | undefined;
}

/** A photo, fitted to the frame, with its credit drawn on it. */
export interface PhotoCard {
  kind: 'photo';
  /** Path of the image file, absolute or relative to the working folder (the project's root in a build). */
  file: string;
  credit: string;
  placeholder: boolean;
  /** Draw the credit strip (share images); structured-data crops carry the credit as data instead. */
  drawCredit: boolean;
}

export type CardSpec = TextCard | PhotoCard;

/** A share image to render: its URL path, what it shows and its size. */
export interface ShareImageJob {
  /** Site-relative URL path, e.g. '/og/articles/x.jpg'. */
  path: string;
  card: CardSpec;
  width: number;
  height: number;
  /** What the image shows, for og:image:alt. */
  alt: string;
}

/** The description a link preview or screen reader gets of a card. */
export function cardAlt(card: CardSpec, siteName: string, photoAlt?: string): string {
  if (card.kind === 'photo') return `${photoAlt ?? 'Photo'} Credit: ${card.credit}.`;
  return `${siteName}: ${card.title}`;
}

/** The cards' colours: the tokens' light scheme, copied in src/site.ts (Satori cannot read CSS). */
export const COLORS = colours;

/**
 * Subsets of Noto Serif and Noto Sans, each under a family name of its own ('Noto Sans cyrillic').
 * Other scripts come from their own Noto families (fonts.ts), loaded only by the
 * pictures that need them; Satori falls back to them after the families a style lists.
 */
export const FONT_SUBSETS = [
  'latin',
  'latin-ext',
  'vietnamese',
  'cyrillic',
  'cyrillic-ext',
  'greek',
  'greek-ext',
] as const;

/**
 * A family list naming every subset: Satori draws a missing glyph as a box rather than look in
 * another font of the same name, but it does fall back through the families listed.
 */
function stack(family: string): string {
  return FONT_SUBSETS.map((subset) => `'${subsetFamily(family, subset)}'`).join(', ');
}

/** The family name a subset's font is loaded under. */
export function subsetFamily(family: string, subset: string): string {
  return subset === 'latin' ? family : `${family} ${subset}`;
}

export const FONT = { serif: stack('Noto Serif'), sans: stack('Noto Sans') } as const;

/** Title sizes tried, largest first; the first whose text fits the box wins. */
export const TITLE_SIZES = [76, 68, 62, 56, 50, 46, 42, 38, 34] as const;
/** Credit sizes tried on photo cards. */
export const CREDIT_SIZES = [26, 23, 20] as const;

/** A React-element-like node, as Satori takes it without JSX. */
export interface Node {
  type: string;
  props: {
    style?: Record<string, string | number>;
    children?: Node | string | (Node | string)[];
    src?: string;
    width?: number;
    height?: number;
  };
}

/**
 * A text drawn beforehand as a picture (a PNG data URL): right-to-left text, which Pango lays out
 * and shapes (render.ts), because Satori drops the dots of some Arabic letters.
 */
export interface TextImage {
  src: string;
  width: number;
  height: number;
  /** Its first strong character is right to left: the picture sits at the right. */
  rtl: boolean;
}
/** Texts drawn beforehand, by {@link drawnKey}. */
export type DrawnTexts = ReadonlyMap<string, TextImage>;

/** The parts of a card whose text may be drawn beforehand. */
export type TextRole = 'title' | 'names' | 'footer' | 'credit';

/** Key of a drawn text: what it is, its size, its words. */
export function drawnKey(role: TextRole, fontSize: number, text: string): string {
  return `${role}|${fontSize}|${text}`;
}

/** The text's drawn picture, where it sits (right for right-to-left text), or the text itself. */
function textOrImage(
  style: Record<string, string | number>,
  text: string,
  image: TextImage | undefined,
): Node {
  if (!image) return el('div', style, text);
  return el('div', { ...style, display: 'flex', justifyContent: image.rtl ? 'flex-end' : 'flex-start' }, [
    { type: 'img', props: { src: image.src, width: image.width, height: image.height } },
  ]);
}

function el(
  type: string,
  style: Record<string, string | number>,
  children?: Node['props']['children'],
): Node {
  return { type, props: children === undefined ? { style } : { style, children } };
}

/** Frame padding of a text card, scaled a little for the taller structured-data crops. */
function padding(width: number): number {
  return Math.round(width * 0.06);
}

/** The title and names block alone: what the fitting step measures at a given width. */
export function textBody(
  card: TextCard,
  titleSize: number,
  names: readonly string[],
  drawn?: DrawnTexts,
): Node {
  const children: Node[] = [
    textOrImage(
      {
        fontFamily: FONT.serif,
        fontWeight: 700,
        fontSize: titleSize,
        lineHeight: 1.14,
        color: COLORS.text,
        // Break only between words; a word wider than the box makes the layout refuse this size.
        wordBreak: 'normal',
        overflowWrap: 'normal',
      },
      card.title,
      drawn?.get(drawnKey('title', titleSize, card.title)),
    ),
  ];
  if (names.length > 0) {
    const line = namesLine(names);
    children.push(
      textOrImage(
        { fontFamily: FONT.sans, fontSize: NAMES_SIZE, lineHeight: 1.35, color: COLORS.muted, marginTop: 20 },
        line,
        drawn?.get(drawnKey('names', NAMES_SIZE, line)),
      ),
    );
  }
  return el('div', { display: 'flex', flexDirection: 'column' }, children);
}

/** Size of the names line under a title. */
export const NAMES_SIZE = 26;
/** Size of a text card's footer line. */
export const FOOTER_SIZE = 24;

/** The names under a title, as one line. */
export function namesLine(names: readonly string[]): string {
  return names.join(' · ');
}

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
/** A Chinese, Japanese or Korean character (a line may break after any), or a run of anything else. */
const UNBREAKABLE = new RegExp(`[${CJK}]|[^${CJK}]+`, 'gu');

/** Letters of scripts written without spaces between words. */
const SPACELESS = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * The text with a zero-width space between the words of Thai, Lao, Khmer or Burmese, found by
 * `Intl.Segmenter` (ICU's dictionaries): the line breaker of the drawing knows only spaces, so a
 * long Thai title would otherwise run off the card as one line. Only between two such words: the
 * text's other breaks are left as they are.
 */
export function withWordBreaks(text: string): string {
  if (!SPACELESS.test(text)) return text;
  const words = [...new Intl.Segmenter('th', { granularity: 'word' }).segment(text)].map(
    ({ segment }) => segment,
  );
  return words.reduce(
    (joined, word, index) =>
      index > 0 && SPACELESS.test(words[index - 1]!.slice(-1)) && SPACELESS.test(word[0]!)
        ? `${joined}\u200b${word}`
        : joined + word,
    '',
  );
}

/** The pieces a text's lines may break between: its words, and each CJK character on its own. */
export function unbreakable(text: string): string[] {
  return withWordBreaks(text)
    .split(/[\s\u200b]+/)
    .flatMap((word) => word.match(UNBREAKABLE) ?? []);
}

/** The words of a text, each a line of its own: measured to check no word is wider than the box. */
export function wordColumn(text: string, style: Record<string, string | number>): Node {
  const words = [...new Set(unbreakable(text))];
  return el(
    'div',
    { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
    words.map((word) => el('div', { ...style, whiteSpace: 'nowrap' }, word)),
  );
}

export interface TextLayout {
  title: string;
  titleSize: number;
  names: readonly string[];
}

/** Width and height the title block may take on a card of this size. */
export function textBox(width: number, height: number): { width: number; height: number } {
  const pad = padding(width);
  // Header row (~40) and footer row (~40), each with a 32 px gap to the body.
  return { width: width - 2 * pad - 16, height: height - 2 * pad - 2 * (40 + 32) };
}

/** The whole text card, once the title size and names are chosen. */
export function textCardTree(
  card: TextCard,
  layout: TextLayout,
  size: { width: number; height: number },
  drawn?: DrawnTexts,
): Node {
  const pad = padding(size.width);
  const header = el('div', { display: 'flex', alignItems: 'center', height: 40, gap: 20 }, [
    el('div', { fontFamily: FONT.sans, fontWeight: 700, fontSize: 30, color: COLORS.accent }, 'Backstory'),
    el('div', { width: 2, height: 28, backgroundColor: COLORS.line }),
    el(
      'div',
      {
        fontFamily: FONT.sans,
        fontWeight: 700,
        fontSize: 22,
        letterSpacing: 2,
        color: COLORS.muted,
        textTransform: 'uppercase',
      },
      card.kicker,
    ),
  ]);
  const body = el(
    'div',
    { display: 'flex', flexDirection: 'column', justifyContent: 'center', flexGrow: 1 },
    [textBody({ ...card, title: layout.title }, layout.titleSize, layout.names, drawn)],
  );
  const footerStyle = {
    display: 'flex',
    alignItems: 'center',
    height: 40,
    fontFamily: FONT.sans,
    fontWeight: 700,
    fontSize: FOOTER_SIZE,
    color: COLORS.muted,
    borderTop: `2px solid ${COLORS.line}`,
    paddingTop: 16,
  };
  const footerImage = drawn?.get(drawnKey('footer', FOOTER_SIZE, card.footer ?? ''));
  const footer = footerImage
    ? el('div', { ...footerStyle, justifyContent: footerImage.rtl ? 'flex-end' : 'flex-start' }, [
        {
          type: 'img',
          props: { src: footerImage.src, width: footerImage.width, height: footerImage.height },
        },
      ])
    : el('div', footerStyle, card.footer ?? '');
  return el(
    'div',
    {
      display: 'flex',
      width: '100%',
      height: '100%',
      backgroundColor: COLORS.bg,
      borderLeft: `16px solid ${COLORS.accent}`,
    },
    [
      el(
        'div',
        {
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          width: '100%',
          padding: `${pad}px ${pad}px ${pad}px ${pad}px`,
          gap: 32,
        },
        [header, body, footer],
      ),
    ],
  );
}

/** The credit line of a photo card ("Placeholder image. Photo: X"). */
export function creditText(card: PhotoCard): string {
  return `${card.placeholder ? 'Placeholder image. ' : ''}Photo: ${card.credit}`;
}

/** The strip drawn along the bottom of a photo: credit on the left, site name on the right. */
export function creditStrip(card: PhotoCard, fontSize: number, drawn?: DrawnTexts): Node {
  return el(
    'div',
    {
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'space-between',
      gap: 32,
      padding: '18px 40px',
      backgroundColor: 'rgba(20, 19, 17, 0.82)',
    },
    [
      textOrImage(
        {
          display: 'flex',
          flexShrink: 1,
          fontFamily: FONT.sans,
          fontSize,
          lineHeight: 1.3,
          color: '#ffffff',
        },
        creditText(card),
        drawn?.get(drawnKey('credit', fontSize, creditText(card))),
      ),
      el(
        'div',
        {
          fontFamily: FONT.sans,
          fontWeight: 700,
          fontSize: 26,
          color: COLORS.photoAccentText,
          flexShrink: 0,
        },
        'Backstory',
      ),
    ],
  );
}

/** The strip alone, full width: what the fitting step measures. */
export function creditStripAlone(card: PhotoCard, fontSize: number, drawn?: DrawnTexts): Node {
  return el('div', { display: 'flex', flexDirection: 'column', width: '100%' }, [
    creditStrip(card, fontSize, drawn),
  ]);
}

/** The overlay of a photo card: transparent, with the credit strip at the bottom. */
export function photoOverlayTree(card: PhotoCard, fontSize: number, drawn?: DrawnTexts): Node {
  return el(
    'div',
    { display: 'flex', flexDirection: 'column', justifyContent: 'flex-end', width: '100%', height: '100%' },
    [creditStrip(card, fontSize, drawn)],
  );
}
