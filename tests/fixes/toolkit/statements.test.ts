/** Statement insertion and new blocks, indented like their neighbours (tabs or spaces). */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { blockText, insertStatementAfter, insertStatementBefore } from '../../../src/fixes/toolkit/statements.js';
import { fixAt } from './harness.js';

const AT = 'ExpressionStatement[expression.callee.name="here"]';

describe('insertStatementBefore / insertStatementAfter', () => {
  it('puts the statement on its own line with the same indentation (spaces)', () => {
    const code = 'function a() {\n  here();\n}';
    expect(fixAt(code, AT, (context, node) => fixer => insertStatementBefore(fixer, context.sourceCode, node, 'audit();'))).toBe(
      'function a() {\n  audit();\n  here();\n}',
    );
    expect(fixAt(code, AT, (context, node) => fixer => insertStatementAfter(fixer, context.sourceCode, node, 'audit();'))).toBe(
      'function a() {\n  here();\n  audit();\n}',
    );
  });

  it('keeps tabs', () => {
    const code = 'function a() {\n\tif (x) {\n\t\there();\n\t}\n}';
    expect(fixAt(code, AT, (context, node) => fixer => insertStatementBefore(fixer, context.sourceCode, node, 'audit();'))).toBe(
      'function a() {\n\tif (x) {\n\t\taudit();\n\t\there();\n\t}\n}',
    );
  });

  it('stays on the line of a statement that follows other code', () => {
    const code = 'if (x) { here(); }';
    expect(fixAt(code, AT, (context, node) => fixer => insertStatementBefore(fixer, context.sourceCode, node, 'audit();'))).toBe('if (x) { audit(); here(); }');
  });
});

describe('blockText', () => {
  const wrap = (code: string): string | undefined =>
    fixAt(code, 'ArrowFunctionExpression', (context, node) => {
      const fn = node as TSESTree.ArrowFunctionExpression;
      return fixer => fixer.replaceText(fn.body, blockText(context.sourceCode, fn, ['audit();', `return ${context.sourceCode.getText(fn.body)};`]));
    });

  it('indents one unit deeper than the owner line, in spaces', () => {
    expect(wrap('function a() {\n  app.get("/", () =>\n    res());\n}')).toBe('function a() {\n  app.get("/", () =>\n    {\n    audit();\n    return res();\n  });\n}');
    expect(wrap('const f = () => res();')).toBe('const f = () => {\n  audit();\n  return res();\n};');
  });

  it('indents with tabs in a tab-indented file', () => {
    expect(wrap('function a() {\n\tconst f = () => res();\n}')).toBe('function a() {\n\tconst f = () => {\n\t\taudit();\n\t\treturn res();\n\t};\n}');
  });
});
