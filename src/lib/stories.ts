/**
 * Articles that follow one story, and the coverage related to an article: pure rules over what
 * the articles list (their story, people, organisations and countries, and their order).
 */

/** Where an article stands in its story, whose articles are given newest first. */
export interface StoryPlace<A> {
  /** The article before it (older), and the one after it (newer). */
  previous?: A | undefined;
  next?: A | undefined;
  /** "2 of 5", counted from the oldest. */
  position: number;
  total: number;
}

export function storyPlace<A extends { id: string }>(newestFirst: readonly A[], id: string): StoryPlace<A> {
  const index = newestFirst.findIndex((article) => article.id === id);
  if (index === -1) throw new Error(`article ${id} is not in its story`);
  return {
    previous: newestFirst[index + 1],
    next: index > 0 ? newestFirst[index - 1] : undefined,
    position: newestFirst.length - index,
    total: newestFirst.length,
  };
}

/** What relatedness reads of an article. */
export interface Coverage {
  id: string;
  story?: string | undefined;
  people: readonly string[];
  organisations: readonly string[];
  countries: readonly string[];
}

/**
 * At most `max` other articles to read next: those of the same story first, then those sharing
 * the most people, organisations and countries (a person or organisation counts twice a country,
 * which many unrelated stories share), and none that shares nothing. `candidates` come newest
 * first, which breaks ties.
 */
export function relatedCoverage<A extends Coverage>(
  article: Coverage,
  candidates: readonly A[],
  max = 3,
): A[] {
  const shared = (a: readonly string[], b: readonly string[]) => a.filter((id) => b.includes(id)).length;
  return candidates
    .filter((candidate) => candidate.id !== article.id)
    .map((candidate, order) => ({
      candidate,
      order,
      sameStory: article.story !== undefined && candidate.story === article.story,
      score:
        2 * shared(article.people, candidate.people) +
        2 * shared(article.organisations, candidate.organisations) +
        shared(article.countries, candidate.countries),
    }))
    .filter(({ sameStory, score }) => sameStory || score > 0)
    .sort((a, b) => Number(b.sameStory) - Number(a.sameStory) || b.score - a.score || a.order - b.order)
    .slice(0, max)
    .map(({ candidate }) => candidate);
}
