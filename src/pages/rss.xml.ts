/** The RSS feed: every article, newest first, with its full title, dek, dates and link. */
import type { APIRoute } from 'astro';
import { getArticles } from '../model/data.ts';
import { articleFeed } from '../seo/feed.ts';
import { site } from '../site.ts';

export const GET: APIRoute = async ({ site: siteUrl }) =>
  articleFeed({
    title: site.name,
    description: site.description,
    path: '/rss.xml',
    siteUrl: siteUrl!,
    articles: await getArticles(),
  });
