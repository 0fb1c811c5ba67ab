/**
 * What a module's text says an export is, without parsing it: a class, a function, or a `const` bound to a function
 * expression. Callers that only need to know "is this export a value made by a call or a `new`" (the sink detector:
 * a function or class is never a logger) skip the parse of most files they reach — in a real app most imports name
 * functions, classes and models.
 *
 * Only answers when the text is unambiguous; undefined means "parse it". The scan is conservative:
 * - the declaration must start a line (formatted top-level code: `export class User`, `class User extends Model`,
 *   `export async function signIn`, `export const toError = (e) =>`);
 * - the module must not rename into that export name (`export { other as User }`), assign CommonJS exports, or use
 *   `export =`, which would make the exported value something else than the local declaration;
 * - `default` is answered for `export default class|function` and for `export default Name;` naming such a declaration.
 */

/** How an export is declared, when the text says so. */
export type TextDeclaration = 'class' | 'function';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;
const COMMONJS = /\bmodule\s*\.\s*exports\b|\bexports\s*\.\s*[A-Za-z_$]|\bexport\s*=/u;
const DEFAULT_DECLARATION = /^export\s+default\s+(?:(abstract\s+)?class\b|(?:async\s+)?function\b)/mu;
const DEFAULT_NAME = /^export\s+default\s+([A-Za-z_$][\w$]*)\s*;?\s*$/mu;

function escape(name: string): string {
  return name.replace(/\$/gu, '\\$');
}

/** `class Name` / `function Name` / `const Name = (…) =>` / `const Name = function` starting a line. */
function declarationOf(text: string, name: string): TextDeclaration | undefined {
  const id = escape(name);
  const prefix = String.raw`^(?:export\s+)?(?:default\s+)?(?:declare\s+)?`;
  if (new RegExp(String.raw`${prefix}(?:abstract\s+)?class\s+${id}(?![\w$])`, 'mu').test(text)) return 'class';
  if (new RegExp(String.raw`${prefix}(?:async\s+)?function\s*\*?\s*${id}\s*[<(]`, 'mu').test(text)) return 'function';
  const arrow = String.raw`(?:async\s+)?(?:function\b|\([^()\n]*\)\s*(?::[^=\n]+)?=>|[A-Za-z_$][\w$]*\s*=>)`;
  if (new RegExp(String.raw`^(?:export\s+)?const\s+${id}\s*(?::[^=\n]+)?=\s*${arrow}`, 'mu').test(text)) return 'function';
  return undefined;
}

/**
 * What the module text declares its export `name` as (`default` for the default export), or undefined when the text
 * does not say it unambiguously. Never throws.
 */
export function textDeclaration(text: string, name: string): TextDeclaration | undefined {
  if (COMMONJS.test(text)) return undefined;
  if (name === 'default') {
    if (/\bas\s+default\b/u.test(text)) return undefined;
    const declared = DEFAULT_DECLARATION.exec(text);
    if (declared) return declared[1] !== undefined || /class\b/u.test(declared[0]) ? 'class' : 'function';
    const local = DEFAULT_NAME.exec(text)?.[1];
    return local === undefined ? undefined : declarationOf(text, local);
  }
  if (!IDENTIFIER.test(name)) return undefined;
  const id = escape(name);
  if (new RegExp(String.raw`\bas\s+${id}(?![\w$])`, 'u').test(text)) return undefined;
  // `export { name } from './x'` exports another module's `name`, whatever this one declares.
  if (new RegExp(String.raw`\bexport\s*(?:type\s*)?\{[^}]*(?<![\w$])${id}(?![\w$])[^}]*\}\s*from\b`, 'u').test(text)) return undefined;
  return declarationOf(text, name);
}
