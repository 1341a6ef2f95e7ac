/** The RSS feed: every article, newest first, with its full title, dek, dates and link. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArticles, modifiedOf } from '../model/data.ts';
import { paths } from '../lib/paths.ts';
import { feedDate, machineDate } from '../seo/seo.ts';
import { articleTags } from '../seo/page-head.ts';
import { site } from '../site.ts';

export const GET: APIRoute = async ({ site: siteUrl }) => {
  const feed = new URL('/rss.xml', siteUrl).href;
  const articles = await getArticles();
  const items = await Promise.all(
    articles.map(async (article) => {
      const { id, data } = article;
      const modified = modifiedOf(article);
      return {
        title: data.title,
        description: data.dek,
        link: paths.article(id),
        // An instant only: a date alone has no clock time to give (feedDate); every date is in
        // dcterms:issued as written.
        ...(feedDate(data.published) && { pubDate: feedDate(data.published) }),
        categories: [site.section, ...(await articleTags(article))],
        customData:
          `<dcterms:issued>${machineDate(data.published)}</dcterms:issued>` +
          (modified ? `<dcterms:modified>${machineDate(modified)}</dcterms:modified>` : ''),
      };
    }),
  );
  return rss({
    title: site.name,
    description: site.description,
    site: siteUrl!,
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dcterms: 'http://purl.org/dc/terms/' },
    customData: `<language>${site.lang}</language><atom:link href="${feed}" rel="self" type="application/rss+xml"/>`,
    items,
  });
};
