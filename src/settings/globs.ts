/**
 * File globs of the settings (`logging.clientFiles`): relative to the working directory, `/`-separated. Supported:
 * `*` (any characters but `/`), `**` (any number of whole path segments), `?` (one character but `/`), `{a,b}`
 * (alternatives, not nested), `[abc]` / `[a-z]` (a character class). A glob with no `/` matches a file name at any
 * depth (`*.client.ts`), as in `.gitignore`.
 */
import { SettingsError } from '../errors.js';
import { expectArray } from './validation.js';

const EXAMPLE = 'apps/web/components/**';

function escape(text: string): string {
  return text.replace(/[.+^$()|\\]/gu, '\\$&');
}

/** The body of the regular expression of a glob; undefined when the glob is malformed. */
function globBody(glob: string): string | undefined {
  let body = '';
  let inBraces = false;
  for (let index = 0; index < glob.length; index++) {
    const char = glob.charAt(index);
    if (char === '*' && glob.charAt(index + 1) === '*') {
      const segmentStart = index === 0 || glob.charAt(index - 1) === '/';
      const next = glob.charAt(index + 2);
      if (!segmentStart || (next !== '/' && next !== '')) return undefined;
      body += next === '/' ? '(?:[^/]*/)*' : '.*';
      index += next === '/' ? 2 : 1;
    } else if (char === '*') body += '[^/]*';
    else if (char === '?') body += '[^/]';
    else if (char === '[') {
      const end = glob.indexOf(']', index + 2);
      if (end < 0) return undefined;
      const content = glob.slice(index + 1, end);
      if (content.includes('/')) return undefined;
      body += `[${content.startsWith('!') ? `^${content.slice(1)}` : content.replace(/^\^/u, '\\^')}]`;
      index = end;
    } else if (char === '{') {
      if (inBraces) return undefined;
      inBraces = true;
      body += '(?:';
    } else if (char === ',' && inBraces) body += '|';
    else if (char === '}') {
      if (!inBraces) return undefined;
      inBraces = false;
      body += ')';
    } else body += escape(char);
  }
  return inBraces ? undefined : body;
}

/** The regular expression of a valid glob (see the module comment); undefined when it is not one. */
export function compileGlob(glob: string): RegExp | undefined {
  if (glob.length === 0 || glob.startsWith('/') || /^[A-Za-z]:[\\/]/u.test(glob) || glob.includes('\\') || glob.split('/').includes('..')) return undefined;
  const normalized = glob.replace(/^\.\//u, '').replace(/\/$/u, '/**');
  const body = globBody(normalized);
  if (body === undefined) return undefined;
  return new RegExp(normalized.includes('/') ? `^${body}$` : `^(?:[^/]*/)*${body}$`, 'u');
}

/** An array of globs relative to the working directory; each must compile. */
export function globs(value: unknown, path: string): string[] {
  const list = expectArray(value, path, `an array of file globs relative to the working directory like ["${EXAMPLE}"]`);
  return list.map((item, index) => {
    if (typeof item !== 'string' || compileGlob(item) === undefined) {
      throw new SettingsError(`${path}[${index}]`, `a file glob relative to the working directory like "${EXAMPLE}"`, item);
    }
    return item;
  });
}
