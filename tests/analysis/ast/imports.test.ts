/** What an import specifier imports. */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { importedBy, importedName } from '../../../src/analysis/ast/imports.js';
import { queryAt } from '../../fixes/toolkit/harness.js';

const importOf = (code: string, selector: string): string | undefined =>
  queryAt(code, selector, (_c, node) => importedBy(node as TSESTree.ImportClause));

describe('importedName / importedBy', () => {
  it('names the export, not the local alias; string names too', () => {
    expect(importOf("import { a as b } from 'm';", 'ImportSpecifier')).toBe('a');
    expect(queryAt("import { 'a-b' as c } from 'm';", 'ImportSpecifier', (_c, node) => importedName(node as TSESTree.ImportSpecifier))).toBe('a-b');
  });

  it('a default import is `default` and a namespace `*`, whatever their local names', () => {
    expect(importOf("import a from 'm';", 'ImportDefaultSpecifier')).toBe('default');
    expect(importOf("import * as a from 'm';", 'ImportNamespaceSpecifier')).toBe('*');
    // `import { default as a }` names the default export by its name.
    expect(importOf("import { default as a } from 'm';", 'ImportSpecifier')).toBe('default');
  });
});
