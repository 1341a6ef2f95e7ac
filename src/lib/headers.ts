/**
 * `public/_headers` (Netlify's and Cloudflare Pages' format), the one place the site's response
 * headers are written: static hosts read it, astro.config.mjs gives its site-wide block to
 * `astro dev` and `astro preview`, and the test server applies all of it.
 */

export interface HeaderRule {
  /** URL path pattern: `*` matches any run of characters, `:name` one path segment. */
  pattern: string;
  headers: [name: string, value: string][];
}

/** Parses `_headers`: a path line, then indented `Name: value` lines; `#` starts a comment line. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (!rule || colon < 0) throw new Error(`_headers: cannot read "${line.trim()}"`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

function matches(pattern: string, pathname: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]\w*/g, '[^/]+'))
    .join('.*');
  return new RegExp(`^${source}$`).test(pathname);
}

/** The headers `_headers` gives a path; a header set by several rules keeps every value, as hosts do. */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const rule of rules) {
    if (!matches(rule.pattern, pathname)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      result.set(key, result.has(key) ? `${result.get(key)}, ${value}` : value);
    }
  }
  return result;
}

/** The headers of the `/*` rule, which every response gets: what a local server should send too. */
export function siteWideHeaders(text: string): Record<string, string> {
  return Object.fromEntries(parseHeaders(text).find((rule) => rule.pattern === '/*')?.headers ?? []);
}
