/** Pino redact paths (fast-redact syntax): parsing, and whether a list covers a logged property path. */

/** Redact paths, each split into segments (`*` is a wildcard segment). */
export type RedactPaths = readonly (readonly string[])[];

/**
 * Splits a pino (fast-redact) path into segments: `a.b.c`, `a["b-c"].d`, `a['b']`, `a[0]`, `*.password`, `a[*].b`.
 * undefined for a malformed path (unclosed bracket or quote).
 */
export function parseRedactPath(path: string): string[] | undefined {
  const segments: string[] = [];
  let current = '';
  let index = 0;
  const flush = (): void => {
    const trimmed = current.trim();
    if (trimmed.length > 0) segments.push(trimmed);
    current = '';
  };
  while (index < path.length) {
    const char = path[index];
    if (char === '.') {
      flush();
      index += 1;
    } else if (char === '[') {
      flush();
      const quote = path[index + 1];
      if (quote === '"' || quote === "'" || quote === '`') {
        const end = path.indexOf(quote, index + 2);
        if (end < 0 || path[end + 1] !== ']') return undefined;
        segments.push(path.slice(index + 2, end));
        index = end + 2;
      } else {
        const end = path.indexOf(']', index);
        if (end < 0) return undefined;
        const segment = path.slice(index + 1, end).trim();
        if (segment.length === 0) return undefined;
        segments.push(segment);
        index = end + 1;
      }
    } else {
      current += char;
      index += 1;
    }
  }
  flush();
  return segments.length > 0 ? segments : undefined;
}

/** Whether a pino redact path list covers a logged property path (segments from the merging object's root, e.g. ['user','password']). */
export function redactCovers(paths: RedactPaths, path: readonly string[]): boolean {
  return paths.some(
    (redactPath) => redactPath.length > 0 && redactPath.length <= path.length && redactPath.every((segment, index) => segment === '*' || segment === path[index]),
  );
}

/** The well-formed paths of a list of redact path strings (malformed ones are dropped). */
export function parseRedactPaths(strings: readonly string[]): RedactPaths {
  const paths: string[][] = [];
  for (const text of strings) {
    const parsed = parseRedactPath(text);
    if (parsed) paths.push(parsed);
  }
  return paths;
}
