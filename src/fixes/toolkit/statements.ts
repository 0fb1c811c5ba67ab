/** Inserting statements beside others and writing new blocks, each line indented like its neighbours. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { indentUnit, lineIndent, statementGap } from './indent.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Inserts the statement `text` before `node`, on a line of its own with `node`'s indentation (or before it on its line). */
export function insertStatementBefore(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, node: TSESTree.Node, text: string): TSESLint.RuleFix {
  return fixer.insertTextBefore(node, `${text}${statementGap(sourceCode, node)}`);
}

/** Inserts the statement `text` after `node`, on a line of its own with `node`'s indentation (or after it on its line). */
export function insertStatementAfter(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, node: TSESTree.Node, text: string): TSESLint.RuleFix {
  return fixer.insertTextAfter(node, `${statementGap(sourceCode, node)}${text}`);
}

/**
 * The indentation of a block written for `owner` (a function whose body becomes a block): `outer` before the closing
 * brace (a new line at `owner`'s line indentation), `inner` before each statement (one unit deeper).
 */
export function blockIndent(sourceCode: SourceCode, owner: TSESTree.Node): { readonly outer: string; readonly inner: string } {
  const outer = `\n${lineIndent(sourceCode, owner)}`;
  return { outer, inner: `${outer}${indentUnit(sourceCode)}` };
}

/** `{ … }` holding `statements`, one per line, for `owner`: see {@link blockIndent}. */
export function blockText(sourceCode: SourceCode, owner: TSESTree.Node, statements: readonly string[]): string {
  const { outer, inner } = blockIndent(sourceCode, owner);
  return `{${statements.map(statement => `${inner}${statement}`).join('')}${outer}}`;
}
