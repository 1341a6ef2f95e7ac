/**
 * Share links that work without JavaScript: each network's own "share this URL" address, built
 * from the page's absolute URL and title. Following one is the reader's choice; nothing loads
 * from these hosts until then.
 */

export type ShareNetwork = 'email' | 'whatsapp' | 'telegram' | 'x' | 'bluesky' | 'facebook' | 'linkedin';

export interface ShareLink {
  network: ShareNetwork;
  /** Visible name of the service. */
  label: string;
  /** How a screen reader hears it out of context: "Share by email". */
  accessibleLabel: string;
  href: string;
}

/** What a page's share links carry. */
export interface ShareLinksInput {
  /** Absolute URL of the page. */
  url: string;
  title: string;
  /** One line to go with the link (the dek), where the service takes one. */
  text?: string | undefined;
}

const enc = encodeURIComponent;

/** Every share link, in the order the page lists them. */
export function shareLinks({ url, title, text }: ShareLinksInput): ShareLink[] {
  if (!/^https?:\/\/[\x21-\x7e]+$/.test(url))
    throw new Error(`share-link URL "${url}" must be absolute and ASCII`);
  const titled = `${title} ${url}`;
  const links: [ShareNetwork, string, string][] = [
    ['email', 'Email', `mailto:?subject=${enc(title)}&body=${enc(text ? `${text}\n\n${url}` : url)}`],
    ['whatsapp', 'WhatsApp', `https://wa.me/?text=${enc(titled)}`],
    ['telegram', 'Telegram', `https://t.me/share/url?url=${enc(url)}&text=${enc(title)}`],
    ['x', 'X', `https://x.com/intent/post?text=${enc(title)}&url=${enc(url)}`],
    ['bluesky', 'Bluesky', `https://bsky.app/intent/compose?text=${enc(titled)}`],
    ['facebook', 'Facebook', `https://www.facebook.com/sharer/sharer.php?u=${enc(url)}`],
    ['linkedin', 'LinkedIn', `https://www.linkedin.com/sharing/share-offsite/?url=${enc(url)}`],
  ];
  return links.map(([network, label, href]) => ({
    network,
    label,
    accessibleLabel: network === 'email' ? 'Share by email' : `Share on ${label}`,
    href,
  }));
}
