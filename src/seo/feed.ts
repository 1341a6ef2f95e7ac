/** The site's feed and each story's (src/pages/rss.xml.ts, stories/[id]/rss.xml.ts): articles as feed items. */
import rss, { type RSSFeedItem } from '@astrojs/rss';
import { modifiedOf, type Article } from '../model/data.ts';
import { paths } from '../lib/paths.ts';
import { articleTags } from './page-head.ts';
import { feedDate, machineDate } from './seo.ts';
import { site } from '../site.ts';

/** Its full title, dek, dates and link. */
export async function feedItem(article: Article): Promise<RSSFeedItem> {
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
}

/** A feed of `articles` served at `path` of the site at `siteUrl`, with its own title and description. */
export async function articleFeed(options: {
  title: string;
  description: string;
  path: string;
  siteUrl: URL;
  articles: readonly Article[];
}): Promise<Response> {
  const { title, description, path, siteUrl, articles } = options;
  const self = new URL(path, siteUrl).href;
  return rss({
    title,
    description,
    site: siteUrl,
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dcterms: 'http://purl.org/dc/terms/' },
    customData: `<language>${site.lang}</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
    items: await Promise.all(articles.map(feedItem)),
  });
}
