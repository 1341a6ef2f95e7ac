/**
 * <photo-lightbox>: opens the page's gallery links (`a[data-photo]`, in page order) large in a
 * modal <dialog>, built from the figures already on the page. The URL hash follows the open
 * photo (`#photo-<id>`): opening pushes one history entry, so Back closes the lightbox, and a
 * link or a load with that hash opens it. Without this script every link goes to the photo's page.
 */
import { photoAnchor, photoIdFromHash, positionLabel, wrapIndex } from '../lib/gallery.ts';

const STATE = 'photoLightbox';

function setup(root: HTMLElement): AbortController {
  const controller = new AbortController();
  const dialog = root.querySelector('dialog')!;
  const frame = dialog.querySelector('[data-frame]')!;
  const caption = dialog.querySelector('figcaption')!;
  const position = dialog.querySelector('[data-position]')!;
  const status = dialog.querySelector('[data-status]')!;
  const permalink = dialog.querySelector<HTMLAnchorElement>('[data-permalink]')!;
  const shareButton = dialog.querySelector<HTMLButtonElement>('[data-share]')!;
  const items = [...document.querySelectorAll<HTMLAnchorElement>('a[data-photo]')];
  let index = 0;
  let opener: HTMLElement | null = null;
  let startX = 0;
  let startY = 0;
  let swiped = false;

  const on = <E extends Event>(target: EventTarget, type: string, listener: (event: E) => void) =>
    target.addEventListener(type, listener as EventListener, { signal: controller.signal });
  const ours = () => (history.state as Record<string, unknown> | null)?.[STATE] === true;
  const hashOf = (i: number) => `#${photoAnchor(items[i]!.dataset['photo']!)}`;

  function show(i: number) {
    index = wrapIndex(i, items.length);
    const item = items[index]!;
    const img = item.querySelector('img')!.cloneNode(true) as HTMLImageElement;
    // Same files as the page, chosen for the full viewport; set before the clone is inserted.
    img.sizes = '100vw';
    img.loading = 'eager';
    img.removeAttribute('fetchpriority');
    frame.replaceChildren(img);
    caption.innerHTML = item.closest('figure')!.querySelector('figcaption')!.innerHTML;
    position.textContent = positionLabel(index, items.length);
    status.textContent = '';
    permalink.href = item.href;
    if (location.hash !== hashOf(index)) history.replaceState(history.state, '', hashOf(index));
  }

  function open(i: number) {
    show(i);
    if (!dialog.open) dialog.showModal();
  }

  /** Opens the photo the hash names, or closes when it names none. */
  function sync(event?: Event) {
    const i = items.findIndex((item) => item.dataset['photo'] === photoIdFromHash(location.hash));
    if (i < 0) {
      if (dialog.open) dialog.close();
      return;
    }
    // A followed `#photo-x` link made a history entry in this page: Back should close, too.
    if (event?.type === 'hashchange' && !ours()) history.replaceState({ [STATE]: true }, '');
    open(i);
  }

  items.forEach((item, i) => {
    item.setAttribute('aria-haspopup', 'dialog');
    on<MouseEvent>(item, 'click', (event) => {
      if (event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      opener = item;
      history.pushState({ [STATE]: true }, '', hashOf(i));
      open(i);
    });
  });

  on(dialog, 'close', () => {
    // The event comes a task late: the dialog may have been reopened (Back then Forward) meanwhile.
    if (dialog.open) return;
    frame.replaceChildren();
    (opener ?? items[index])?.focus();
    opener = null;
    if (photoIdFromHash(location.hash)) {
      if (ours()) history.back();
      else history.replaceState(history.state, '', location.pathname + location.search);
    }
  });

  on<MouseEvent>(dialog, 'click', (event) => {
    const target = event.target as HTMLElement;
    const go = target.closest<HTMLElement>('[data-go]')?.dataset['go'];
    if (swiped) return;
    if (go) show(index + Number(go));
    else if (target.closest('[data-close]') || target === dialog || target === frame) dialog.close();
  });

  on<KeyboardEvent>(dialog, 'keydown', (event) => {
    const { key } = event;
    if (key === 'Tab') {
      // showModal() keeps focus out of the page, but lets it reach the browser's toolbar: cycle instead.
      const focusable = [...dialog.querySelectorAll<HTMLElement>('a[href], button:not([hidden])')];
      const edge = event.shiftKey ? focusable[0] : focusable.at(-1);
      if (document.activeElement !== edge && dialog.contains(document.activeElement)) return;
      (event.shiftKey ? focusable.at(-1) : focusable[0])?.focus();
    } else if (key === 'ArrowLeft' || key === 'ArrowRight') show(index + (key === 'ArrowLeft' ? -1 : 1));
    else if (key === 'Home') show(0);
    else if (key === 'End') show(items.length - 1);
    else return;
    event.preventDefault();
  });

  on<PointerEvent>(dialog, 'pointerdown', (event) => {
    swiped = false;
    startX = event.clientX;
    startY = event.clientY;
  });
  on<PointerEvent>(dialog, 'pointerup', (event) => {
    const dx = event.clientX - startX;
    if (event.pointerType === 'mouse' || Math.abs(dx) < 40 || Math.abs(dx) < Math.abs(event.clientY - startY))
      return;
    swiped = true;
    show(index + (dx < 0 ? 1 : -1));
  });

  shareButton.hidden = !navigator.share && !navigator.clipboard;
  on(shareButton, 'click', () => {
    const url = permalink.href;
    if (navigator.share) navigator.share({ url, title: document.title }).catch(() => {});
    else navigator.clipboard.writeText(url).then(() => (status.textContent = 'Link copied'));
  });

  on(window, 'popstate', sync);
  on(window, 'hashchange', sync);
  sync();
  return controller;
}

class PhotoLightbox extends HTMLElement {
  #listeners?: AbortController;
  connectedCallback() {
    this.#listeners = setup(this);
  }
  disconnectedCallback() {
    this.#listeners?.abort();
  }
}

if (!customElements.get('photo-lightbox')) customElements.define('photo-lightbox', PhotoLightbox);
