/** Turns each mention link that has a card into a button that toggles the card. */
class MentionCards extends HTMLElement {
  connectedCallback() {
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a.mention[data-mention]')) {
      const card = document.getElementById(`card-${link.dataset['mention']!.replace(':', '-')}`);
      if (!card) continue;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'mention';
      button.textContent = link.textContent;
      button.setAttribute('popovertarget', card.id);
      link.replaceWith(button);
    }
  }
}
customElements.define('mention-cards', MentionCards);
