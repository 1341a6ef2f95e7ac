/**
 * Share images in every script the site promises: each card is drawn with no missing glyph (no
 * tofu), with its text where the script's direction puts it, and the glyph check answers for
 * exactly the fonts a picture loads.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { withWordBreaks, type ShareImageJob, type TextCard } from '../../src/share-image/cards.ts';
import { missingGlyphs, renderShareImage } from '../../src/share-image/render.ts';
import { fontsForTexts, woffCoverage } from '../../src/share-image/fonts.ts';

const SCRIPTS: Record<string, { title: string; names: string[]; rtl?: boolean; family: RegExp }> = {
  Latin: {
    title: 'Čeština, Español, Français: leaders meet',
    names: ['Emmanuel Macron'],
    family: /^noto-serif-latin/,
  },
  Cyrillic: {
    title: 'Зустріч у Парижі',
    names: ['Volodymyr Zelensky (Володимир Зеленський)'],
    family: /^noto-serif-cyrillic/,
  },
  Greek: { title: 'Ο πρωθυπουργός στην Αθήνα', names: ['Κυριάκος Μητσοτάκης'], family: /^noto-serif-greek/ },
  Thai: { title: 'ตึกสำนักงานตรวจเงินแผ่นดินถล่ม', names: ['แพทองธาร ชินวัตร'], family: /^noto-sans-thai-thai/ },
  Arabic: {
    title: 'الرئيس الفلسطيني في غزة',
    names: ['محمود عباس'],
    rtl: true,
    family: /^noto-sans-arabic-arabic/,
  },
  Hebrew: {
    title: 'ראש הממשלה בירושלים',
    names: ['יצחק הרצוג'],
    rtl: true,
    family: /^noto-sans-hebrew-hebrew/,
  },
  Devanagari: {
    title: 'प्रधानमंत्री ने कहा कि स्थिति नियंत्रण में है',
    names: ['नरेंद्र मोदी'],
    family: /^noto-sans-devanagari-devanagari/,
  },
  Chinese: { title: '习近平在北京会见法国总统', names: ['习近平'], family: /^noto-sans-sc-\d/ },
  Japanese: { title: '石破首相、ワシントンで会談', names: ['石破茂'], family: /^noto-sans-jp-\d/ },
  Korean: { title: '대통령, 서울에서 기자회견', names: ['이재명'], family: /^noto-sans-kr-\d/ },
};

const job = (card: Partial<TextCard>): ShareImageJob => ({
  path: '/og/x.jpg',
  width: 1200,
  height: 630,
  alt: '',
  card: { kind: 'text', kicker: 'Explainer', title: '', footer: 'September 4, 2025', ...card },
});

/** Grey levels of the title area (below the header, above the names), and where its ink lies. */
async function titleArea(bytes: Buffer) {
  const { data, info } = await sharp(bytes)
    .extract({ left: 100, top: 140, width: 1050, height: 200 })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  let ink = 0;
  let left = info.width;
  let right = 0;
  for (let y = 0; y < info.height; y++)
    for (let x = 0; x < info.width; x++)
      if (data[y * info.width + x]! < 128) {
        ink++;
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
  return { ink, left, right, width: info.width };
}

describe.each(Object.entries(SCRIPTS))('a share image in %s', (_script, sample) => {
  it('has a glyph for every character, from the script’s own font', () => {
    expect(missingGlyphs(sample.title, { name: 'Noto Serif', weight: 700 })).toEqual([]);
    expect(missingGlyphs(sample.names.join(' '), { name: 'Noto Sans', weight: 400 })).toEqual([]);
    const { files } = fontsForTexts([[sample.title, { name: 'Noto Serif', weight: 700 }]]);
    expect(files.map((file) => file.id).some((id) => sample.family.test(id))).toBe(true);
  });

  it('draws the title (not blank, not boxes) and aligns it to the script’s start', async () => {
    const bytes = await renderShareImage(job({ title: sample.title, names: sample.names }));
    const blank = await titleArea(await renderShareImage(job({ title: ' ', names: [] })));
    const drawn = await titleArea(bytes);
    expect(blank.ink).toBe(0);
    expect(drawn.ink).toBeGreaterThan(500);
    // Right to left: the text ends at the right edge of the box and leaves room on the left.
    if (sample.rtl) {
      expect(drawn.right).toBeGreaterThan(drawn.width - 40);
      expect(drawn.left).toBeGreaterThan(100);
    } else expect(drawn.left).toBeLessThan(20);
    // Tofu would be the same box for every character: two different titles draw differently.
    const other = await renderShareImage(
      job({ title: [...sample.title].reverse().join(''), names: sample.names }),
    );
    expect(other.equals(bytes)).toBe(false);
  }, 30_000);
});

describe('a title in one language that names someone in another script', () => {
  const title = 'יצחק הרצוג meets Macron';

  it('reads in its language’s direction: left to right in English, right to left in Hebrew', async () => {
    const english = await titleArea(await renderShareImage(job({ title, lang: 'en' })));
    expect(english.left).toBeLessThan(20);
    expect(english.right).toBeLessThan(english.width - 100);
    const hebrew = await titleArea(await renderShareImage(job({ title, lang: 'he' })));
    expect(hebrew.right).toBeGreaterThan(hebrew.width - 40);
    expect(hebrew.left).toBeGreaterThan(60);
  }, 30_000);
});

/** Separate marks of ink in the title area (letters and their dots), 8-connected. */
async function inkBlobs(bytes: Buffer): Promise<number> {
  const { data, info } = await sharp(bytes)
    .extract({ left: 80, top: 140, width: 1080, height: 240 })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const seen = new Uint8Array(data.length);
  let blobs = 0;
  for (let start = 0; start < data.length; start++) {
    if (seen[start] || data[start]! >= 128) continue;
    blobs++;
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const at = stack.pop()!;
      const x = at % info.width;
      for (const dy of [-1, 0, 1])
        for (const dx of [-1, 0, 1]) {
          const nx = x + dx;
          const next = at + dy * info.width + dx;
          if (nx < 0 || nx >= info.width || next < 0 || next >= data.length) continue;
          if (!seen[next] && data[next]! < 128) {
            seen[next] = 1;
            stack.push(next);
          }
        }
    }
  }
  return blobs;
}

describe('Arabic letters keep their dots', () => {
  it('draws final yeh (ي) with its two dots, unlike alef maksura (ى)', async () => {
    // "في": feh with one dot, yeh with two below; "فى" has feh's dot only. Satori 0.63 drew both as "فى".
    const yeh = await inkBlobs(await renderShareImage(job({ title: 'في', footer: '' })));
    const maksura = await inkBlobs(await renderShareImage(job({ title: 'فى', footer: '' })));
    expect(maksura).toBe(2);
    expect(yeh).toBe(4);
  });
});

describe('share-image fonts', () => {
  it('load only what a picture needs: a Latin card no other script, a Thai card no CJK', () => {
    const latin = fontsForTexts([['Mark Rutte', { name: 'Noto Serif', weight: 700 }]]).files.map((f) => f.id);
    expect(latin).toEqual(['noto-serif-latin-700']);
    const thai = fontsForTexts([[SCRIPTS['Thai']!.title, { name: 'Noto Sans', weight: 400 }]]).files.map(
      (f) => f.id,
    );
    expect(thai).toEqual(['noto-sans-latin-400', 'noto-sans-thai-thai-400']);
  });

  it('count a character as drawable only when a font file maps it to a glyph', () => {
    // U+0378 lies inside the Greek subset's unicode-range but is unassigned: no font has it.
    expect(missingGlyphs('Α\u0378', { name: 'Noto Sans', weight: 400 })).toEqual(['\u0378']);
    expect(missingGlyphs('ქართული 🙂', { name: 'Noto Sans', weight: 400 })).toEqual([
      'ქ',
      'ა',
      'რ',
      'თ',
      'უ',
      'ლ',
      'ი',
      '🙂',
    ]);
    const arabic = fontsForTexts([['عربي', { name: 'Noto Sans', weight: 400 }]]).files.find((f) =>
      f.id.includes('arabic-arabic'),
    )!;
    expect(woffCoverage(arabic.path).has('ي'.codePointAt(0)!)).toBe(true);
  });
});

describe('scripts written without spaces', () => {
  const thai = 'การพังถล่มของอาคารสำนักงานการตรวจเงินแผ่นดินในเขตจตุจักรกรุงเทพมหานครระหว่างแผ่นดินไหวครั้งใหญ่';

  it('break between the words a dictionary finds, and nowhere else', () => {
    const broken = withWordBreaks(thai);
    expect(broken.replaceAll('\u200b', '')).toBe(thai);
    expect(broken.split('\u200b').length).toBeGreaterThan(10);
    expect(broken.split('\u200b')).toContain('อาคาร');
    expect(withWordBreaks('Hello, world.')).toBe('Hello, world.');
    expect(withWordBreaks('ไทย, Thai')).toBe('ไทย, Thai');
  });

  it('wrap a long Thai title on the card instead of running off its edge', async () => {
    const { data, info } = await sharp(await renderShareImage(job({ title: thai, footer: '' })))
      .extract({ left: 1150, top: 140, width: 50, height: 340 })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const inked = [...data].filter((value) => value < 128).length;
    expect(inked, `${info.width}x${info.height} strip at the right edge`).toBe(0);
  });
});
