/**
 * The zone an article's own times (`published`, `updated`, `updates`) are shown in: its
 * `timeZone` field (which src/model/data.ts fills from the dateline place when the editor gives none),
 * else the newsroom's (`site.timeZone`). Event clock times keep the zone the event gives
 * (src/lib/event-labels.ts).
 */
import { site } from '../site.ts';

export function displayZone(article: { timeZone?: string | undefined }): string {
  return article.timeZone ?? site.timeZone;
}
