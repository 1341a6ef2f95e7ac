/** One story's feed, so that readers can follow it: its articles, newest first. */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { articlesOf } from '../../../model/data.ts';
import { storyPaths } from '../../../model/pages.ts';
import { paths } from '../../../lib/paths.ts';
import { articleFeed } from '../../../seo/feed.ts';
import { site } from '../../../site.ts';

export const getStaticPaths = storyPaths satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props: { story }, site: siteUrl }) =>
  articleFeed({
    title: `${story.data.title} (${site.name})`,
    description: story.data.summary,
    path: paths.storyFeed(story.id),
    siteUrl: siteUrl!,
    articles: await articlesOf(story),
  });
