import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import ShareLinks from '../../src/components/ShareLinks.astro';
import { textOf } from '../helpers/render.ts';

const PAGE =
  'https://backstory.example/articles/coalition-of-the-willing-paris/timeline/putin-never-ruled-out/';

async function renderAt(props: Record<string, unknown>) {
  const container = await AstroContainer.create();
  const html = await container.renderToString(ShareLinks, { props, request: new Request(PAGE) });
  return parse(html);
}

describe('ShareLinks', () => {
  it('is a labelled section with a link per service, each carrying the page URL', async () => {
    const root = await renderAt({
      title: 'Putin says he has "never ruled out" meeting Zelensky',
      heading: 'Share this event',
    });
    const section = root.querySelector('section.share-links')!;
    const heading = section.querySelector('h2')!;
    expect(section.getAttribute('aria-labelledby')).toBe(heading.id);
    expect(textOf(heading)).toBe('Share this event');
    const links = section.querySelectorAll('li a');
    expect(links.map(textOf)).toEqual([
      'Share by Email',
      'Share on WhatsApp',
      'Share on Telegram',
      'Share on X',
      'Share on Bluesky',
      'Share on Facebook',
      'Share on LinkedIn',
    ]);
    for (const link of links) {
      expect(decodeURIComponent(link.getAttribute('href')!), textOf(link)).toContain(PAGE);
      // Plain links: no script, no new window, nothing loaded before a click.
      expect(link.getAttribute('onclick')).toBeUndefined();
      expect(link.getAttribute('target')).toBeUndefined();
    }
  });

  it('keeps the share/copy button hidden until the script enables it', async () => {
    const root = await renderAt({ title: 'Headline', text: 'Dek.' });
    const element = root.querySelector('share-button')!;
    expect(element.getAttribute('data-url')).toBe(PAGE);
    expect(element.getAttribute('data-title')).toBe('Headline');
    expect(element.getAttribute('data-text')).toBe('Dek.');
    const button = element.querySelector('button')!;
    expect(button.getAttribute('type')).toBe('button');
    expect(button.hasAttribute('hidden')).toBe(true);
    expect(element.querySelector('[role=status]')).not.toBeNull();
  });

  it('omits the text when there is none', async () => {
    const root = await renderAt({ title: 'Headline' });
    expect(root.querySelector('share-button')!.hasAttribute('data-text')).toBe(false);
    expect(textOf(root.querySelector('h2'))).toBe('Share');
  });
});
