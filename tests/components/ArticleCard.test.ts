import { describe, expect, it } from 'vitest';
import ArticleCard from '../../src/components/ArticleCard.astro';
import { render, textOf } from '../helpers/render.ts';

const PROPS = {
  href: '/articles/coalition-of-the-willing-paris/',
  title: '39 countries meet in Paris',
  dek: 'Talks on security guarantees for Ukraine.',
  published: '2025-09-04',
};

describe('ArticleCard', () => {
  it('is an <article> whose heading links to the article', async () => {
    const root = await render(ArticleCard, PROPS);
    const article = root.querySelector('article')!;
    const link = article.querySelector('h2 a')!;
    expect(link.getAttribute('href')).toBe(PROPS.href);
    expect(textOf(link)).toBe(PROPS.title);
  });

  it('shows the dek', async () => {
    const root = await render(ArticleCard, PROPS);
    expect(root.querySelectorAll('p').map((p) => textOf(p))).toContain(PROPS.dek);
  });

  it('shows the publication date as <time> at its precision', async () => {
    const root = await render(ArticleCard, { ...PROPS, published: '2025-09' });
    const time = root.querySelector('article time')!;
    expect(time.getAttribute('datetime')).toBe('2025-09');
    expect(textOf(time)).toBe('September 2025');
  });

  it('shows an instant in the newsroom’s zone, keeping the offset in datetime', async () => {
    const root = await render(ArticleCard, { ...PROPS, published: '2025-01-10T23:30:00-05:00' });
    const time = root.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe('2025-01-10T23:30:00-05:00');
    expect(textOf(time)).toBe('January 11, 2025, 4:30 a.m. London time');
  });

  it('shows an instant in the article’s display zone when given one', async () => {
    const root = await render(ArticleCard, {
      ...PROPS,
      published: '2025-01-10T23:30:00-05:00',
      timeZone: 'Asia/Bangkok',
    });
    expect(textOf(root.querySelector('time'))).toBe('January 11, 2025, 11:30 a.m. Bangkok time');
  });

  it('escapes the title and dek', async () => {
    const root = await render(ArticleCard, { ...PROPS, title: '<i>Big</i> news', dek: 'a & b <b>c</b>' });
    expect(root.querySelector('i')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(textOf(root.querySelector('h2'))).toBe('<i>Big</i> news');
  });
});
