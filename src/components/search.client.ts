/**
 * <site-search>: the search page's form, run in the browser by Pagefind's JS API against the
 * index the build wrote into /pagefind/ (src/build/search-index.ts). Pagefind's script and its
 * WebAssembly are fetched only here, the first time the field is used or when the address
 * carries `?q=`. The query is kept in the address (`/search/?q=word`), so a search can be shared.
 *
 * Without JavaScript the form still submits to /search/?q=…, and the page's note that search needs
 * JavaScript links to the archive and the sections instead.
 */
import { excerptParts, resultsMessage, sitePath } from '../lib/search-excerpt.ts';

/** The part of Pagefind's JS API (pagefind.js) used here. */
interface Pagefind {
  init(): Promise<void>;
  search(term: string): Promise<PagefindSearch>;
  debouncedSearch(term: string, options?: object, ms?: number): Promise<PagefindSearch | null>;
}
interface PagefindSearch {
  results: { id: string; data(): Promise<PagefindResult> }[];
}
interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string; date?: string };
}

/** Results shown at a time; "More results" shows the next ones. */
const PAGE_SIZE = 10;

let pagefind: Promise<Pagefind> | undefined;

/** Loads Pagefind once. The URL is computed so that Vite leaves the import to the browser. */
function loadPagefind(): Promise<Pagefind> {
  const url = new URL('/pagefind/pagefind.js', location.href).href;
  pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (module) => {
    await module.init();
    return module;
  });
  return pagefind;
}

/**
 * The excerpt as text nodes and <mark> elements. Pagefind escapes the page's text and adds only
 * <mark>; the excerpt is still never given to innerHTML: excerptParts reads those two tags alone
 * and decodes the rest as text, so whatever an article says arrives as text.
 */
function excerptNodes(excerpt: string): Node[] {
  return excerptParts(excerpt).map(({ text, marked }) => {
    if (!marked) return document.createTextNode(text);
    const mark = document.createElement('mark');
    mark.textContent = text;
    return mark;
  });
}

function resultItem(result: PagefindResult): HTMLLIElement | undefined {
  const href = sitePath(result.url);
  if (!href) return undefined;
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = href;
  link.textContent = result.meta.title || href;
  heading.append(link);
  item.append(heading);
  if (result.meta.date) {
    const date = document.createElement('p');
    date.className = 'date';
    date.textContent = result.meta.date;
    item.append(date);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'excerpt';
  excerpt.append(...excerptNodes(result.excerpt));
  item.append(excerpt);
  return item;
}

export class SiteSearch extends HTMLElement {
  #status!: HTMLElement;
  #list!: HTMLOListElement;
  #more!: HTMLButtonElement;
  /** Results of the latest search not shown yet. */
  #pending: PagefindSearch['results'] = [];
  /** Counts searches, so an older one finishing late does not overwrite a newer one. */
  #generation = 0;

  connectedCallback() {
    const form = this.querySelector('form');
    const input = this.querySelector<HTMLInputElement>('input[type=search]');
    const status = this.querySelector<HTMLElement>('[role=status]');
    const list = this.querySelector<HTMLOListElement>('ol');
    const more = this.querySelector<HTMLButtonElement>('button[data-more]');
    if (!form || !input || !status || !list || !more || this.dataset['ready'] !== undefined) return;
    this.dataset['ready'] = '';
    this.#status = status;
    this.#list = list;
    this.#more = more;

    input.addEventListener('focus', () => void loadPagefind().catch(() => {}), { once: true });
    input.addEventListener('input', () => void this.#run(input.value, true));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#run(input.value, false);
    });
    more.addEventListener('click', () => void this.#showMore(this.#generation, true));

    const query = new URLSearchParams(location.search).get('q') ?? '';
    if (query.trim()) {
      input.value = query;
      void this.#run(query, false);
    }
  }

  async #run(value: string, debounced: boolean) {
    const generation = ++this.#generation;
    const query = value.trim();
    const address = new URL(location.href);
    if (query) address.searchParams.set('q', query);
    else address.searchParams.delete('q');
    history.replaceState(history.state, '', address);
    if (!query) {
      this.#show(generation, [], '');
      return;
    }
    try {
      const engine = await loadPagefind();
      const search = debounced ? await engine.debouncedSearch(query, {}, 250) : await engine.search(query);
      if (!search || generation !== this.#generation) return; // a newer search took over
      this.#show(generation, search.results, query);
      await this.#showMore(generation, false);
      if (generation === this.#generation)
        this.#status.textContent = resultsMessage(search.results.length, query);
    } catch {
      if (generation !== this.#generation) return;
      this.#show(generation, [], '');
      this.#status.textContent =
        'Search could not load. The links below lead to every article, month by month, and to every story, person and country.';
    }
  }

  #show(generation: number, results: PagefindSearch['results'], query: string) {
    if (generation !== this.#generation) return;
    this.#pending = [...results];
    this.#list.replaceChildren();
    this.#list.hidden = results.length === 0;
    this.#more.hidden = true;
    // Cleared first, so the same message for a new search is announced again.
    this.#status.textContent = '';
    this.#list.setAttribute('aria-label', query ? `Results for “${query}”` : 'Results');
  }

  async #showMore(generation: number, focusFirst: boolean) {
    const next = this.#pending.splice(0, PAGE_SIZE);
    const data = await Promise.all(next.map((result) => result.data()));
    if (generation !== this.#generation) return;
    const items = data.map(resultItem).filter((item) => item !== undefined);
    this.#list.append(...items);
    this.#more.hidden = this.#pending.length === 0;
    // After "More results", focus moves to the first new result, so the reader goes on from there.
    if (focusFirst) items[0]?.querySelector('a')?.focus();
  }
}

if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);
