/**
 * <share-button>: reveals its button and makes it open the native share sheet where the browser
 * has one, else copy the page's link, with the outcome shown and announced by its role=status.
 * Without JavaScript the button stays hidden and the share links beside it do the work.
 */
export class ShareButton extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button');
    const status = this.querySelector('[role=status]');
    const { url = location.href, title = document.title, text } = this.dataset;
    if (!button || !status || button.dataset['ready']) return;
    const data: ShareData = text ? { url, title, text } : { url, title };
    const native = 'share' in navigator && (!navigator.canShare || navigator.canShare(data));
    if (!native && !navigator.clipboard) return;
    button.dataset['ready'] = '';
    button.textContent = native ? 'Share…' : 'Copy link';
    button.hidden = false;
    const say = (message: string) => {
      // Cleared first, so the same message twice is announced twice.
      status.textContent = '';
      setTimeout(() => (status.textContent = message), 50);
    };
    button.addEventListener('click', async () => {
      try {
        if (native) await navigator.share(data);
        else {
          await navigator.clipboard.writeText(url);
          say('Link copied');
        }
      } catch (error) {
        if ((error as Error).name !== 'AbortError')
          say(`Could not ${native ? 'share' : 'copy'}; the link is ${url}`);
      }
    });
  }
}

if (!customElements.get('share-button')) customElements.define('share-button', ShareButton);
