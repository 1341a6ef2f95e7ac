import { describe, expect, it } from 'vitest';
import { shareLinks } from '../../src/lib/share-links.ts';

const url = 'https://backstory.example/articles/coalition-of-the-willing-paris/';
const title = 'Putin says he has "never ruled out" meeting Zelensky & more';
const links = shareLinks({ url, title, text: 'Dek, with a comma.' });
const byNetwork = Object.fromEntries(links.map((link) => [link.network, new URL(link.href)]));

describe('shareLinks', () => {
  it('lists email, WhatsApp, Telegram, X, Bluesky, Facebook and LinkedIn, in that order', () => {
    expect(links.map((link) => link.label)).toEqual([
      'Email',
      'WhatsApp',
      'Telegram',
      'X',
      'Bluesky',
      'Facebook',
      'LinkedIn',
    ]);
  });

  it('points each at its service share address', () => {
    expect(byNetwork['email']!.protocol).toBe('mailto:');
    expect(byNetwork['whatsapp']!.origin + byNetwork['whatsapp']!.pathname).toBe('https://wa.me/');
    expect(byNetwork['telegram']!.origin + byNetwork['telegram']!.pathname).toBe('https://t.me/share/url');
    expect(byNetwork['x']!.origin + byNetwork['x']!.pathname).toBe('https://x.com/intent/post');
    expect(byNetwork['bluesky']!.origin + byNetwork['bluesky']!.pathname).toBe(
      'https://bsky.app/intent/compose',
    );
    expect(byNetwork['facebook']!.origin + byNetwork['facebook']!.pathname).toBe(
      'https://www.facebook.com/sharer/sharer.php',
    );
    expect(byNetwork['linkedin']!.origin + byNetwork['linkedin']!.pathname).toBe(
      'https://www.linkedin.com/sharing/share-offsite/',
    );
  });

  it('carries the URL and title intact, percent-encoded', () => {
    expect(byNetwork['telegram']!.searchParams.get('url')).toBe(url);
    expect(byNetwork['telegram']!.searchParams.get('text')).toBe(title);
    expect(byNetwork['x']!.searchParams.get('url')).toBe(url);
    expect(byNetwork['facebook']!.searchParams.get('u')).toBe(url);
    expect(byNetwork['linkedin']!.searchParams.get('url')).toBe(url);
    expect(byNetwork['whatsapp']!.searchParams.get('text')).toBe(`${title} ${url}`);
    expect(byNetwork['bluesky']!.searchParams.get('text')).toBe(`${title} ${url}`);
    for (const link of links) expect(link.href, link.network).toMatch(/^[\x21-\x7e]+$/);
  });

  it('writes the email with subject and body, spaces as %20 (RFC 6068)', () => {
    const href = links.find((link) => link.network === 'email')!.href;
    expect(href).not.toContain('+');
    const params = new URLSearchParams(href.slice('mailto:?'.length));
    expect(params.get('subject')).toBe(title);
    expect(params.get('body')).toBe(`Dek, with a comma.\n\n${url}`);
  });

  it('names each link in full for screen readers', () => {
    expect(links.map((link) => link.accessibleLabel)).toContain('Share by email');
    expect(links.map((link) => link.accessibleLabel)).toContain('Share on X');
    for (const link of links)
      expect(link.accessibleLabel.endsWith(link.label) || link.network === 'email').toBe(true);
  });

  it('refuses a relative or non-ASCII URL', () => {
    expect(() => shareLinks({ url: '/articles/x/', title })).toThrow(/absolute/);
    expect(() => shareLinks({ url: 'https://bäckstory.example/', title })).toThrow(/ASCII/);
  });
});
