/** Indentation: a line's, the file's unit (tabs, two or four spaces), and the gap beside a statement. */
import { describe, expect, it } from 'vitest';
import { indentUnit, lineIndent, startsLine, statementGap } from '../../../src/fixes/toolkit/indent.js';
import { queryAt } from './harness.js';

const AT = 'ExpressionStatement[expression.callee.name="here"]';

describe('lineIndent / startsLine / statementGap', () => {
  it('reads the leading whitespace of the line, tabs included', () => {
    const code = 'function a() {\n\t\tif (x) {\n\t\t\there();\n\t\t}\n}';
    expect(queryAt(code, AT, (context, node) => lineIndent(context.sourceCode, node))).toBe('\t\t\t');
    expect(queryAt(code, AT, (context, node) => statementGap(context.sourceCode, node))).toBe('\n\t\t\t');
  });

  it('a statement after other code on its line is separated by a space', () => {
    const code = 'function a() {\n    if (x) { here(); }\n}';
    expect(queryAt(code, AT, (context, node) => startsLine(context.sourceCode, node))).toBe(false);
    expect(queryAt(code, AT, (context, node) => statementGap(context.sourceCode, node))).toBe(' ');
    expect(queryAt(code, AT, (context, node) => lineIndent(context.sourceCode, node))).toBe('    ');
  });
});

describe('indentUnit', () => {
  it('is a tab in a tab-indented file', () => {
    expect(queryAt('function a() {\n\there();\n}', AT, context => indentUnit(context.sourceCode))).toBe('\t');
  });

  it('is the smallest space indentation, ignoring comment continuation lines', () => {
    const code = '/**\n * Doc.\n */\nfunction a() {\n    if (x) {\n        here();\n    }\n}';
    expect(queryAt(code, AT, context => indentUnit(context.sourceCode))).toBe('    ');
  });

  it('is two spaces when nothing is indented', () => {
    expect(queryAt('here();', AT, context => indentUnit(context.sourceCode))).toBe('  ');
  });
});
