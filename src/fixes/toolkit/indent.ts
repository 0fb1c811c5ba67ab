/** Indentation: of the line a node starts on, the file's unit, and the gap that puts a statement on its own line. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;

const DEFAULT_UNIT = '  ';
const MAX_UNIT = 8;
/** Lines read to find the unit: enough for any real file's first indented code. */
const MAX_LINES = 400;

/** Per file: the indentation unit, keyed by SourceCode (dies with the file). */
const units = new WeakMap<SourceCode, string>();

/** The leading whitespace of the line `node` starts on. */
export function lineIndent(sourceCode: SourceCode, node: TSESTree.Node | TSESTree.Token): string {
  return /^[ \t]*/u.exec(sourceCode.lines[node.loc.start.line - 1] ?? '')?.[0] ?? '';
}

/** Whether only whitespace precedes `node` on its line. */
export function startsLine(sourceCode: SourceCode, node: TSESTree.Node | TSESTree.Token): boolean {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^\s*$/u.test(line.slice(0, node.loc.start.column));
}

/**
 * One level of indentation in this file: a tab when its indented lines start with tabs, else the smallest run of
 * leading spaces on a code line (comment continuation lines ` * ` aside), two spaces when nothing is indented.
 */
export function indentUnit(sourceCode: SourceCode): string {
  const cached = units.get(sourceCode);
  if (cached !== undefined) return cached;
  let unit: string | undefined;
  let smallest = Infinity;
  for (const line of sourceCode.lines.slice(0, MAX_LINES)) {
    const match = /^([ \t]+)(\S)/u.exec(line);
    if (!match?.[1] || match[2] === '*') continue;
    if (match[1].startsWith('\t')) {
      unit = '\t';
      break;
    }
    smallest = Math.min(smallest, match[1].length);
  }
  unit ??= smallest <= MAX_UNIT ? ' '.repeat(smallest) : DEFAULT_UNIT;
  units.set(sourceCode, unit);
  return unit;
}

/**
 * The text between an inserted statement and the statement `node` it sits beside: a new line with `node`'s
 * indentation when `node` starts its line, a space when it follows other code on its line (`{ stmt }`).
 */
export function statementGap(sourceCode: SourceCode, node: TSESTree.Node): string {
  return startsLine(sourceCode, node) ? `\n${lineIndent(sourceCode, node)}` : ' ';
}
