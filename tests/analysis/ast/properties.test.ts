/** propertyKeyName: the key of an object-literal or pattern property. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { propertyKeyName } from '../../../src/analysis/ast/properties.js';
import { lintProbe } from '../flow/lint-probe.js';

describe('propertyKeyName', () => {
  it('names identifier, string, number, bigint and static computed keys; not a computed name', () => {
    const names = lintProbe(
      `declare const k: string; probe({ a: 1, 'b-c': 2, 3: 3, 4n: 4, ['e']: 5, [\`f\`]: 6, [k]: 7, [\`g\${k}\`]: 8, [1 + 1]: 9 });`,
      (_context, args) => (args[0] as TSESTree.ObjectExpression).properties.map(property => (property.type === AST_NODE_TYPES.Property ? propertyKeyName(property) : '…')),
    );
    expect(names).toEqual(['a', 'b-c', '3', '4', 'e', 'f', undefined, undefined, undefined]);
  });

  it('names the keys of a destructuring pattern the same way', () => {
    const names = lintProbe(`const { a, 'b': x, ['c']: y, [key]: z } = o; declare const o: any, key: string; probe(0);`, (_context, _args, program) => {
      const declaration = program.body[0] as TSESTree.VariableDeclaration;
      const pattern = declaration.declarations[0].id as TSESTree.ObjectPattern;
      return pattern.properties.map(property => (property.type === AST_NODE_TYPES.Property ? propertyKeyName(property) : '…'));
    });
    expect(names).toEqual(['a', 'b', 'c', undefined]);
  });
});
