/** stringValue: strings known from the syntax alone. */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { stringValue } from '../../../src/analysis/ast/static-values.js';
import { queryAt } from '../../fixes/toolkit/harness.js';

const valueOf = (expression: string): string | undefined =>
  queryAt(`const x = ${expression};`, 'VariableDeclarator', (_c, node) => stringValue((node as TSESTree.VariableDeclarator).init));

describe('stringValue', () => {
  it('reads string literals and templates without expressions, through `as const`', () => {
    expect(valueOf("'a'")).toBe('a');
    expect(valueOf('`a`')).toBe('a');
    expect(valueOf("'a' as const")).toBe('a');
  });

  it('not a template with expressions, a number, a name', () => {
    expect(valueOf('`a${b}`')).toBeUndefined();
    expect(valueOf('1')).toBeUndefined();
    expect(valueOf('a')).toBeUndefined();
    expect(stringValue(undefined)).toBeUndefined();
  });
});
