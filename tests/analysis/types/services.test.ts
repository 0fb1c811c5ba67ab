/** The type gateway: undefined without a program, resolution through aliases in typed mode, never a throw, one object per file. */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getTypeServices, typeServicesOf } from '../../../src/analysis/types/services.js';
import { queryAt } from '../../fixes/toolkit/harness.js';

const AT = 'CallExpression[callee.name="here"]';
const CODE = [
  "import { AuditService as Svc } from './matchers/audit-service.js';",
  'const service = new Svc();',
  'declare function here(...values: unknown[]): void;',
  'here(Svc, service);',
].join('\n');

/** The arguments of the `here(…)` call. */
const args = (node: TSESTree.Node): TSESTree.Node[] => (node as TSESTree.CallExpression).arguments;

describe('without a program', () => {
  it('is undefined for typescript-eslint without a project', () => {
    expect(queryAt(CODE, AT, context => getTypeServices(context))).toBeUndefined();
  });

  it('is undefined for espree', () => {
    expect(queryAt('here(1);', AT, context => getTypeServices(context), { filename: 'file.js' })).toBeUndefined();
  });

  it('typeServicesOf is undefined for maps without a program', () => {
    expect(typeServicesOf(undefined)).toBeUndefined();
    expect(typeServicesOf(null)).toBeUndefined();
    expect(typeServicesOf({})).toBeUndefined();
  });
});

describe('typed mode (tests/fixtures)', () => {
  it('symbolOf resolves an import alias to the declaration; typeOf names the instance type', () => {
    const [symbol, type] = queryAt(
      CODE,
      AT,
      (context, node) => {
        const types = getTypeServices(context)!;
        const [alias, instance] = args(node);
        const resolved = types.symbolOf(alias!);
        const instanceType = types.typeOf(instance!);
        return [resolved?.getName(), instanceType && types.checker.typeToString(instanceType)];
      },
      { typed: true },
    );
    expect(symbol).toBe('AuditService');
    expect(type).toBe('AuditService');
  });

  it('maps nodes both ways, and reads flags from the loaded module', () => {
    const [roundTrip, loose, strict] = queryAt(
      'declare function here(...values: unknown[]): void;\ndeclare const anything: any;\nhere(anything, 1);',
      AT,
      (context, node) => {
        const types = getTypeServices(context)!;
        const [anything, one] = args(node);
        const tsNode = types.tsNode(anything!);
        return [tsNode && types.esNode(tsNode) === anything, types.isLoose(types.typeOf(anything!)!), types.isLoose(types.typeOf(one!)!)];
      },
      { typed: true },
    );
    expect([roundTrip, loose, strict]).toEqual([true, true, false]);
  });

  it('never throws on a node without a TS counterpart', () => {
    const answers = queryAt(
      CODE,
      AT,
      context => {
        const types = getTypeServices(context)!;
        const stray = { type: 'Identifier', name: 'stray', range: [0, 0] } as unknown as TSESTree.Node;
        return [types.tsNode(stray), types.typeOf(stray), types.symbolOf(stray)];
      },
      { typed: true },
    );
    expect(answers).toEqual([undefined, undefined, undefined]);
  });

  it('is one object per parser services, whichever entry point asks', () => {
    const same = queryAt(
      CODE,
      AT,
      context => {
        const first = getTypeServices(context);
        return first !== undefined && getTypeServices(context) === first && typeServicesOf(context.sourceCode.parserServices) === first;
      },
      { typed: true },
    );
    expect(same).toBe(true);
  });
});
