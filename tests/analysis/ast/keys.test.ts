/** Static names of keys and members. */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { staticKeyName, staticPropertyName } from '../../../src/analysis/ast/keys.js';
import { queryAt } from '../../fixes/toolkit/harness.js';

const keyOf = (object: string): string | undefined =>
  queryAt(`const o = ${object};`, 'Property', (_c, node) => staticKeyName((node as TSESTree.Property).key, (node as TSESTree.Property).computed));
const memberOf = (member: string): string | undefined =>
  queryAt(`class C { #b = 1; m() { return ${member}; } }`, 'ReturnStatement > MemberExpression', (_c, node) => staticPropertyName(node as TSESTree.MemberExpression));

describe('staticKeyName', () => {
  it('names identifiers, string and number literals, templates without expressions', () => {
    expect(keyOf('{ a: 1 }')).toBe('a');
    expect(keyOf("{ 'a-b': 1 }")).toBe('a-b');
    expect(keyOf('{ 1: 1 }')).toBe('1');
    expect(keyOf("{ ['a']: 1 }")).toBe('a');
    expect(keyOf('{ [`a`]: 1 }')).toBe('a');
  });

  it('a computed name is not its identifier', () => {
    expect(keyOf('{ [a]: 1 }')).toBeUndefined();
    expect(keyOf('{ [`a${b}`]: 1 }')).toBeUndefined();
  });
});

describe('staticPropertyName', () => {
  it('names `a.b`, `a["b"]`, `a[`b`]`, `this.#b`', () => {
    expect(memberOf('a.b')).toBe('b');
    expect(memberOf("a['b']")).toBe('b');
    expect(memberOf('a[`b`]')).toBe('b');
    expect(memberOf('this.#b')).toBe('#b');
  });

  it('not `a[k]` nor `a[0]`', () => {
    expect(memberOf('a[k]')).toBeUndefined();
    expect(memberOf('a[0]')).toBeUndefined();
  });
});
