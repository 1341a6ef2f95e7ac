/** The RSS feed: every article, newest first, with its full title, dek, dates and link. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArticles } from '../model/data.ts';
import { feedItem } from '../seo/feed.ts';
import { site } from '../site.ts';

export const GET: APIRoute = async ({ site: siteUrl }) => {
  const feed = new URL('/rss.xml', siteUrl).href;
  return rss({
    title: site.name,
    description: site.description,
    site: siteUrl!,
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dcterms: 'http://purl.org/dc/terms/' },
    customData: `<language>${site.lang}</language><atom:link href="${feed}" rel="self" type="application/rss+xml"/>`,
    items: await Promise.all((await getArticles()).map(feedItem)),
  });
};
