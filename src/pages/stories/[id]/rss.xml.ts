/** One story's feed, so that readers can follow it: its articles, newest first. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { articlesOf } from '../../../model/data.ts';
import { storyPaths } from '../../../model/pages.ts';
import { paths } from '../../../lib/paths.ts';
import { feedItem } from '../../../seo/feed.ts';
import { site } from '../../../site.ts';

export const getStaticPaths = storyPaths satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props: { story }, site: siteUrl }) => {
  const feed = new URL(paths.storyFeed(story.id), siteUrl).href;
  return rss({
    title: `${story.data.title} (${site.name})`,
    description: story.data.summary,
    site: siteUrl!,
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dcterms: 'http://purl.org/dc/terms/' },
    customData: `<language>${site.lang}</language><atom:link href="${feed}" rel="self" type="application/rss+xml"/>`,
    items: await Promise.all((await articlesOf(story)).map(feedItem)),
  });
};
