/** Names in scope at an insertion point: bound, shadowed, configured globals, and whether a new import name is free. */
import { describe, expect, it } from 'vitest';
import { isIdentifierName, isNameFree, nameInScope, resolvesTo, variableAt } from '../../../src/fixes/toolkit/scope.js';
import { queryAt } from './harness.js';

const AT = 'CallExpression[callee.name="here"]';

describe('nameInScope', () => {
  it('sees a module binding from inside a function, and not a binding of a sibling function', () => {
    const code = 'const audit = {};\nfunction a() { here(); }\nfunction b() { const local = 1; return local; }';
    expect(queryAt(code, AT, (context, node) => nameInScope(context.sourceCode, node, 'audit'))).toBe(true);
    expect(queryAt(code, AT, (context, node) => nameInScope(context.sourceCode, node, 'local'))).toBe(false);
  });

  it('counts a configured global unless asked for declarations only', () => {
    const code = 'function a() { here(); }';
    const options = { globals: { auditLog: 'readonly' as const } };
    expect(queryAt(code, AT, (context, node) => nameInScope(context.sourceCode, node, 'auditLog'), options)).toBe(true);
    expect(queryAt(code, AT, (context, node) => nameInScope(context.sourceCode, node, 'auditLog', { globals: false }), options)).toBe(false);
    expect(queryAt(code, AT, (context, node) => nameInScope(context.sourceCode, node, 'auditLog'))).toBe(false);
  });
});

describe('isNameFree', () => {
  it('is free when nothing of the name is bound where the call goes', () => {
    expect(queryAt('function a() { here(); }', AT, (context, node) => isNameFree(context.sourceCode, node, 'record'))).toBe(true);
  });

  it('is taken by a parameter around the insertion point (the import would be shadowed)', () => {
    expect(queryAt('function a(record) { here(record); }', AT, (context, node) => isNameFree(context.sourceCode, node, 'record'))).toBe(false);
  });

  it('is taken by a module binding (the import would clash)', () => {
    expect(queryAt('const record = 1;\nhere(record);', AT, (context, node) => isNameFree(context.sourceCode, node, 'record'))).toBe(false);
  });

  it('is never free for what is not an identifier', () => {
    expect(isIdentifierName('default-export')).toBe(false);
    expect(queryAt('here();', AT, (context, node) => isNameFree(context.sourceCode, node, 'a-b'))).toBe(false);
  });
});

describe('resolvesTo / variableAt', () => {
  it('a shadowing binding is not the module one', () => {
    const code = 'import { record } from "m";\nfunction a() { const record = 2; here(record); }\nfunction b() { there(record); }';
    const shadowed = queryAt(code, AT, (context, node) => {
      const moduleVariable = context.sourceCode.scopeManager!.globalScope!.childScopes[0]!.set.get('record')!;
      return resolvesTo(context.sourceCode, node, 'record', moduleVariable);
    });
    const visible = queryAt(code, 'CallExpression[callee.name="there"]', (context, node) => {
      const moduleVariable = context.sourceCode.scopeManager!.globalScope!.childScopes[0]!.set.get('record')!;
      return resolvesTo(context.sourceCode, node, 'record', moduleVariable);
    });
    expect([shadowed, visible]).toEqual([false, true]);
    expect(queryAt(code, AT, (context, node) => variableAt(context.sourceCode, node, 'nothing'))).toBeUndefined();
  });
});
