/** The lightbox's server-rendered shell: a closed native <dialog> the script fills in. */
import { describe, expect, it } from 'vitest';
import Lightbox from '../../src/components/Lightbox.astro';
import { render, textOf } from '../helpers/render.ts';

describe('Lightbox', () => {
  it('is one closed native <dialog> inside <photo-lightbox>', async () => {
    const root = await render(Lightbox);
    const dialogs = root.querySelectorAll('photo-lightbox > dialog');
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]!.hasAttribute('open')).toBe(false);
  });

  it('is named by the position ("Photo 2 of 3", announced politely) and described by the caption', async () => {
    const dialog = (await render(Lightbox)).querySelector('dialog')!;
    const label = dialog.querySelector(`#${dialog.getAttribute('aria-labelledby')}`)!;
    expect(label.getAttribute('aria-live')).toBe('polite');
    expect(label.hasAttribute('data-position')).toBe(true);
    const description = dialog.querySelector(`#${dialog.getAttribute('aria-describedby')}`)!;
    expect(description.tagName).toBe('FIGCAPTION');
  });

  it('has labelled buttons that submit nothing, Close taking focus on opening', async () => {
    const dialog = (await render(Lightbox)).querySelector('dialog')!;
    const buttons = dialog.querySelectorAll('button');
    expect(buttons.map((button) => textOf(button))).toEqual(['Share', 'Close ✕', '← Previous', 'Next →']);
    for (const button of buttons) expect(button.getAttribute('type')).toBe('button');
    const close = dialog.querySelector('[data-close]')!;
    expect(close.hasAttribute('autofocus')).toBe(true);
    expect(dialog.querySelector('[data-go="-1"]')).not.toBeNull();
    expect(dialog.querySelector('[data-go="1"]')).not.toBeNull();
  });

  it('hides Share until the script finds a way to share, and has a status line for it', async () => {
    const dialog = (await render(Lightbox)).querySelector('dialog')!;
    expect(dialog.querySelector('[data-share]')!.hasAttribute('hidden')).toBe(true);
    expect(dialog.querySelector('[data-status]')!.getAttribute('role')).toBe('status');
  });

  it('has no inline event handlers (a strict CSP would block them)', async () => {
    const root = await render(Lightbox);
    for (const element of root.querySelectorAll('*')) {
      expect(Object.keys(element.attributes).filter((name) => /^on/i.test(name))).toEqual([]);
    }
  });
});
