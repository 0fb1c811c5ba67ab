/** The parser, loaded lazily: typescript-estree requires `typescript`, an optional peer, so never at plugin start. */
import { createRequire } from 'node:module';
import type { TSESTree } from '@typescript-eslint/utils';
import type * as Estree from '@typescript-eslint/typescript-estree';

const require = createRequire(import.meta.url);
let estree: typeof Estree | null | undefined;

export function loadEstree(): typeof Estree | undefined {
  if (estree === undefined) {
    try {
      estree = require('@typescript-eslint/typescript-estree') as typeof Estree;
    } catch {
      estree = null;
    }
  }
  return estree ?? undefined;
}

/** Sets `parent` on every node (typescript-estree leaves it to ESLint). */
export function setParents(ast: TSESTree.Program, parser: typeof Estree): void {
  parser.simpleTraverse(ast, { enter() {} }, true);
}
